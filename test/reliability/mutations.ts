/**
 * One-member mutations: walks a valid payload next to its schema and lists every way to break
 * exactly one constraint of exactly one member (or, for `required`/`additionalProperties`/
 * `propertyNames`, one member name of one object). Each mutation says which member and which rule
 * a validator must report.
 */
import type { OpenApiDoc } from "../openapi/load.js";
import { codePoints, pointer, resolve, type Schema } from "./schema.js";

type Path = readonly (string | number)[];
type Json = unknown;

export interface Mutation {
  /** JSON pointer of the member the validator must name. */
  path: string;
  /** The JSON Schema keyword the mutation breaks. */
  rule: string;
  /** Returns a mutated deep copy of the payload. */
  apply(payload: Json): Json;
}

const DELETE = Symbol("delete");

/** Deep copy of `root` with the value at `path` replaced (or deleted). */
function replaceAt(root: Json, path: Path, next: (old: Json) => Json | typeof DELETE): Json {
  if (path.length === 0) return next(root);
  const copy = structuredClone(root) as Record<string | number, Json>;
  let parent = copy;
  for (const token of path.slice(0, -1)) parent = parent[token] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  const value = next(parent[last]);
  if (value === DELETE) delete parent[last];
  else parent[last] = value;
  return copy;
}

const NOT_A_MEMBER = "NotAMemberOfThisShape";

/** A string of `length` code points that the pattern rejects, if one of a few simple ones does. */
function stringBreakingPattern(regex: RegExp, minLength: number, maxLength: number): string | undefined {
  const length = Math.min(Math.max(minLength, 1), maxLength);
  for (const unit of [" ", "!", "\u0000", "#", "~", "\n"]) {
    const candidate = unit.repeat(length);
    if (!regex.test(candidate)) return candidate;
  }
  return undefined;
}

export function mutationsOf(doc: OpenApiDoc, rootSchema: Schema, payload: Json): Mutation[] {
  const out: Mutation[] = [];
  const add = (path: Path, rule: string, next: (old: Json) => Json | typeof DELETE): void => {
    out.push({ path: pointer(path), rule, apply: (p) => replaceAt(p, path, next) });
  };

  const visit = (node: Schema, value: Json, path: Path): void => {
    const schema = resolve(doc, node);
    // Wrong JSON type: every typed member can take one.
    const wrongType: Record<string, Json> = { string: 42, integer: "7", number: "7", boolean: "true", object: [], array: {} };
    if (schema.type) add(path, "type", () => wrongType[schema.type!]);
    if (schema.enum) {
      const outsider = "NotAnEnumValue";
      if (!schema.enum.includes(outsider)) add(path, "enum", () => outsider);
      return;
    }
    switch (schema.type) {
      case "string": {
        const s = value as string;
        const min = schema.minLength ?? 0;
        const max = schema.maxLength;
        if (min > 0) add(path, "minLength", () => [...s].slice(0, min - 1).join(""));
        if (max !== undefined) add(path, "maxLength", () => s + "a".repeat(max + 1 - codePoints(s)));
        if (schema.pattern !== undefined) {
          const broken = stringBreakingPattern(new RegExp(schema.pattern, "u"), min, max ?? Number.POSITIVE_INFINITY);
          if (broken !== undefined) add(path, "pattern", () => broken);
        }
        return;
      }
      case "integer":
      case "number": {
        if (schema.minimum !== undefined) add(path, "minimum", () => schema.minimum! - 1);
        if (schema.maximum !== undefined) add(path, "maximum", () => schema.maximum! + 1);
        if (schema.type === "integer") {
          // A fraction inside the bounds breaks only integer-ness (ajv reports it as `type`).
          const base = schema.minimum ?? 0;
          if (schema.maximum === undefined || base + 0.5 <= schema.maximum) add(path, "type", () => base + 0.5);
          if (schema.format === "int32" && schema.maximum === undefined) add(path, "format", () => 2 ** 31);
        }
        return;
      }
      case "array": {
        const items = value as Json[];
        if ((schema.minItems ?? 0) > 0) add(path, "minItems", () => items.slice(0, schema.minItems! - 1));
        if (schema.maxItems !== undefined && items.length > 0) {
          add(path, "maxItems", () => Array.from({ length: schema.maxItems! + 1 }, (_, i) => items[i % items.length]));
        }
        items.forEach((item, i) => visit(schema.items ?? {}, item, [...path, i]));
        return;
      }
      case "object": {
        const object = value as Record<string, Json>;
        const entries = Object.entries(object);
        const extra = schema.additionalProperties;
        if (extra === false) add([...path, NOT_A_MEMBER], "additionalProperties", () => "unexpected");
        for (const name of schema.required ?? []) add([...path, name], "required", () => DELETE);
        if ((schema.minProperties ?? 0) > 0) add(path, "minProperties", () => ({}));
        if (schema.maxProperties !== undefined && entries.length > 0) {
          add(path, "maxProperties", () => {
            const grown: Record<string, Json> = { ...object };
            for (let i = 0; Object.keys(grown).length <= schema.maxProperties!; i++) grown[`k${i}`] = entries[i % entries.length]![1];
            return grown;
          });
        }
        const names = schema.propertyNames ? resolve(doc, schema.propertyNames) : undefined;
        if (names?.maxLength !== undefined && entries.length > 0) {
          const badName = "n".repeat(names.maxLength + 1);
          add([...path, badName], "propertyNames", () => entries[0]![1]);
        }
        for (const [name, member] of entries) {
          const memberSchema = schema.properties?.[name] ?? (typeof extra === "object" ? extra : undefined);
          if (memberSchema) visit(memberSchema, member, [...path, name]);
        }
        return;
      }
      default:
        return;
    }
  };

  visit(rootSchema, payload, []);
  return out;
}
