/**
 * Partial deep matching of a request's input against what a test expects, with the differences
 * spelled out: every member the expectation names must match, members it leaves out are not
 * looked at. Lists match by position, or as sets where the service reads them as sets (the
 * operation model's `x-aws-unordered` lists: filters, a filter's values), and must have as many
 * items as expected. `null` expects a member not to be set (the AWS wire reads null as not set).
 * In Node an expectation may hold asymmetric matchers (`expect.stringMatching(...)`,
 * `expect.any(Number)`): anything with an `asymmetricMatch` method is asked.
 */
import type { Shape } from "aws-ops-contract/model";

export interface Difference {
  /** Where, in the input (`Filters[0].value`; `` for the input itself). */
  path: string;
  expected: unknown;
  /** What was sent there (undefined when the member is absent). */
  actual: unknown;
  /** Why they differ, when "not equal" does not say it. */
  note?: string;
}

interface AsymmetricMatcher {
  asymmetricMatch(other: unknown): boolean;
  toString?(): string;
  toAsymmetricMatcher?(): string;
}

const isAsymmetric = (value: unknown): value is AsymmetricMatcher =>
  value !== null && typeof value === "object" && typeof (value as { asymmetricMatch?: unknown }).asymmetricMatch === "function";
const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value) && !isAsymmetric(value);

/** Deeper than any request of these APIs: an expectation nested further is compared as a whole. */
const MAX_DEPTH = 64;
/** Set matching tries every pairing; lists of these APIs hold at most 10 items, so this bound is never the limit. */
const MAX_SET_ITEMS = 64;

const memberPath = (path: string, name: string): string => (path === "" ? name : `${path}.${name}`);
const itemPath = (path: string, index: number | string): string => `${path}[${index}]`;

function memberShape(shape: Shape | undefined, name: string): Shape | undefined {
  if (shape?.kind === "structure") return shape.members[name];
  if (shape?.kind === "map") return shape.value;
  return undefined;
}

/** The differences between `expected` (a partial input) and `actual` (the input as sent); none means a match. */
export function differences(expected: unknown, actual: unknown, shape?: Shape, path = "", depth = 0): Difference[] {
  if (expected === undefined) return [];
  if (isAsymmetric(expected)) return expected.asymmetricMatch(actual) ? [] : [{ path, expected, actual }];
  if (expected === null) return actual === undefined || actual === null ? [] : [{ path, expected, actual, note: "expected not set" }];
  if (depth > MAX_DEPTH) return deepEqual(expected, actual) ? [] : [{ path, expected, actual }];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [{ path, expected, actual, note: actual === undefined ? "not set" : "not a list" }];
    const item = shape?.kind === "list" ? shape.member : undefined;
    if (actual.length !== expected.length) return [{ path, expected, actual, note: `expected ${expected.length} item${expected.length === 1 ? "" : "s"}, got ${actual.length}` }];
    if (shape?.kind === "list" && shape.unordered) return setDifferences(expected, actual, item, path, depth);
    return expected.flatMap((value, index) => differences(value, actual[index], item, itemPath(path, index), depth + 1));
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return [{ path, expected, actual, note: actual === undefined ? "not set" : "not a structure" }];
    return Object.keys(expected).flatMap((name) => differences(expected[name], actual[name], memberShape(shape, name), memberPath(path, name), depth + 1));
  }
  return Object.is(expected, actual) ? [] : [{ path, expected, actual, ...(actual === undefined ? { note: "not set" } : {}) }];
}

/**
 * A list read as a set: each expected item must match a different sent item. The pairing is found
 * by augmenting paths (every expected item may match several sent ones); the items left unpaired
 * are the differences.
 */
function setDifferences(expected: unknown[], actual: unknown[], item: Shape | undefined, path: string, depth: number): Difference[] {
  if (expected.length > MAX_SET_ITEMS) return deepEqual(expected, actual) ? [] : [{ path, expected, actual, note: "compared as a set" }];
  const fits = expected.map((want) => actual.map((got) => differences(want, got, item, "", depth + 1).length === 0));
  const pairedWith = new Array<number>(actual.length).fill(-1);
  const tryPair = (e: number, seen: boolean[]): boolean => {
    for (let a = 0; a < actual.length; a++) {
      if (!fits[e]![a] || seen[a]) continue;
      seen[a] = true;
      if (pairedWith[a] === -1 || tryPair(pairedWith[a]!, seen)) {
        pairedWith[a] = e;
        return true;
      }
    }
    return false;
  };
  const unpaired = expected.map((_, e) => e).filter((e) => !tryPair(e, new Array<boolean>(actual.length).fill(false)));
  const leftOver = actual.filter((_, a) => pairedWith[a] === -1);
  return unpaired.map((e) => ({
    path: itemPath(path, "?"),
    expected: expected[e],
    actual: leftOver.length === 1 ? leftOver[0] : leftOver,
    note: "no sent item matches it (the list is compared as a set: its order does not matter to the service)",
  }));
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** A value as a message shows it: JSON, cut to `max` characters; asymmetric matchers by their own description. */
export function show(value: unknown, max = 200): string {
  if (value === undefined) return "(not set)";
  if (isAsymmetric(value)) return value.toAsymmetricMatcher?.() ?? value.toString?.() ?? "(a matcher)";
  let text: string;
  try {
    text = JSON.stringify(value, (_key, v: unknown) => (isAsymmetric(v) ? `<${v.toAsymmetricMatcher?.() ?? v.toString?.() ?? "matcher"}>` : v)) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One difference as a line of a message: `Filters[0].value: expected "Failed", got "Success"`. */
export function describeDifference(difference: Difference): string {
  const where = difference.path === "" ? "input" : difference.path;
  const note = difference.note ? ` (${difference.note})` : "";
  return `${where}: expected ${show(difference.expected)}, got ${show(difference.actual)}${note}`;
}
