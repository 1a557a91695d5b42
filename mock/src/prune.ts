/**
 * Brings generated (dynamic) data back inside the contract. Prism's generator (json-schema-faker)
 * ignores some keywords, such as `maxProperties` and `\p{L}` classes in patterns, so a generated page
 * can break the schema it came from. Rather than send that, the mock drops what breaks it: the
 * offending member, or the object that lacks a required member, or extra map entries, round after
 * round until the body is valid. Returns undefined when the body cannot be repaired this way.
 */
import type { ErrorObject } from "ajv";
import { parsePointer } from "aws-ops-contract/spec";

const MAX_ROUNDS = 10;

type Container = Record<string, unknown> | unknown[];

const tokens = parsePointer;

function at(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const token of path) {
    if (!node || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** Removes the node at `path`; false for the root or a node already gone. */
function remove(root: unknown, path: readonly string[]): boolean {
  if (path.length === 0) return false;
  const parent = at(root, path.slice(0, -1)) as Container | undefined;
  const key = path[path.length - 1]!;
  if (!parent || typeof parent !== "object" || !Object.hasOwn(parent, key)) return false;
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  return true;
}

/** Deepest, highest-index paths first, so that removing one array item does not shift another's index. */
function compareForRemoval(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const [x, y] = [Number(a[i]), Number(b[i])];
      return Number.isInteger(x) && Number.isInteger(y) ? y - x : a[i]! < b[i]! ? 1 : -1;
    }
  }
  return b.length - a.length;
}

export function pruneToSchema(body: unknown, validate: (value: unknown) => readonly ErrorObject[]): unknown {
  const current = structuredClone(body);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const errors = validate(current);
    if (errors.length === 0) return current;
    const removals: string[][] = [];
    let changed = false;
    for (const error of errors) {
      const path = tokens(error.instancePath);
      if (error.keyword === "maxProperties") {
        const object = at(current, path) as Record<string, unknown> | undefined;
        const limit = (error.params as { limit: number }).limit;
        if (object && typeof object === "object") {
          for (const key of Object.keys(object).slice(limit)) delete object[key];
          changed = true;
        }
      } else if (error.keyword === "maxItems") {
        const list = at(current, path);
        if (Array.isArray(list)) {
          list.length = (error.params as { limit: number }).limit;
          changed = true;
        }
      } else {
        // `required`, `minItems` and the like fault the container; anything else faults the member.
        removals.push(path);
      }
    }
    removals.sort(compareForRemoval);
    for (const path of removals) changed = remove(current, path) || changed;
    if (!changed) return undefined;
  }
  return validate(current).length === 0 ? current : undefined;
}
