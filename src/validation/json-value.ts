/**
 * What a value would put on the wire, read once and safely. The validators then check that copy, so
 * nothing a caller passes can make `validate()` throw or check something the wire would not carry:
 * - only own enumerable string-keyed members count (inherited ones are never serialized);
 * - only plain JSON values count: a `Date`, a `Map`, a function, `undefined` in a list, `NaN` or a
 *   `bigint` is not a body (JSON.stringify would change, drop or refuse it), and is reported as such;
 * - a throwing getter or `Proxy` trap, a cycle or absurd nesting becomes an issue, not an exception.
 * Members whose value is `undefined` are absent, as in JSON.
 */
import { escapePointerToken } from "../model/pointer.js";
import { ERROR_LIMIT } from "./bounded-errors.js";
import type { ValidationIssue } from "./errors.js";

/** Deeper than any body of these APIs; deeper input is refused before it can exhaust the stack. */
const MAX_DEPTH = 64;

/** Far above any list of these APIs (their largest `maxItems` is in the thousands). */
const MAX_LIST_ITEMS = 1_000_000;

const describeValue = (value: unknown): string => {
  if (value === undefined) return "undefined";
  if (typeof value === "number") return String(value);
  if (typeof value === "bigint") return "a bigint";
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  const name = (() => {
    try {
      return Object.getPrototypeOf(value)?.constructor?.name;
    } catch {
      return undefined;
    }
  })();
  return typeof name === "string" && name !== "" ? `a ${name}` : "an object with a custom prototype";
};

/**
 * An object JSON.stringify would write as its own members: not a built-in with its own serialization
 * or none (`Date` has `toJSON`, a `Map` or `Set` would silently become `{}`, a boxed string a string).
 * A class instance or an object with a custom prototype counts, by its own members only, as on the wire.
 */
function isJsonObject(value: object): boolean {
  return Object.prototype.toString.call(value) === "[object Object]" && typeof (value as { toJSON?: unknown }).toJSON !== "function";
}

/**
 * `hasOwnProperty` called on the object a for-in walks is what V8 optimizes to a check of the
 * object's shape; `Object.hasOwn` is not (it doubled the walk's time).
 */
const hasOwnProperty = Object.prototype.hasOwnProperty;

/** A string, a boolean, null or a finite number: a JSON value that holds no other. */
const isJsonLeaf = (value: unknown): boolean =>
  typeof value === "string" || typeof value === "boolean" || value === null || (typeof value === "number" && Number.isFinite(value));

/**
 * Whether `value` already is what the wire would carry, checked without copying: plain objects
 * (prototype `Object.prototype` or null) whose members are all own, enumerable and defined, true
 * arrays without holes, strings, booleans, finite numbers and null. The common case (a parsed
 * body, an object literal) then goes straight to the validators, and only anything else pays for
 * `toJsonValue`'s copy. May throw (a getter or a `Proxy` trap): callers fall back to the copy.
 */
export function isPlainJson(value: unknown): boolean {
  return typeof value === "object" && value !== null ? isPlainContainer(value, 0) : isJsonLeaf(value);
}

/**
 * The walk behind `isPlainJson`, over objects and arrays only: a member that is a leaf is checked
 * where it is read, so the walk makes one call per container and allocates only the own-name list
 * that proves every member enumerable. A cycle ends at MAX_DEPTH like any deep nesting.
 */
function isPlainContainer(value: object, depth: number): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Array.prototype) {
    if (!Array.isArray(value)) return false;
    const items = value as unknown[];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item === "object" && item !== null) {
        if (depth >= MAX_DEPTH || !isPlainContainer(item, depth + 1)) return false;
      } else if (!isJsonLeaf(item)) return false; // a hole reads as undefined
    }
    return true;
  }
  if (proto !== Object.prototype && proto !== null) return false;
  const record = value as Record<string, unknown>;
  let enumerable = 0;
  for (const key in record) {
    if (!hasOwnProperty.call(record, key)) return false;
    const member = record[key];
    if (typeof member === "object" && member !== null) {
      if (depth >= MAX_DEPTH || !isPlainContainer(member, depth + 1)) return false;
    } else if (!isJsonLeaf(member)) return false;
    enumerable++;
  }
  // A non-enumerable own member would be seen by the validators but never sent.
  return enumerable === Object.getOwnPropertyNames(record).length;
}

/** A plain JSON copy of `value`, or the issues that keep it from being one. */
export function toJsonValue(value: unknown, limit = ERROR_LIMIT): { ok: true; value: unknown } | { ok: false; issues: ValidationIssue[]; omitted: number } {
  const issues: ValidationIssue[] = [];
  let omitted = 0;
  const ancestors = new Set<object>();
  const fail = (path: string, message: string): undefined => {
    if (issues.length >= limit) {
      omitted++;
      return undefined;
    }
    issues.push({ path, rule: "type", message: `${path === "" ? "the payload" : `'${path}'`} ${message}`, params: {} });
    return undefined;
  };
  const copy = (node: unknown, path: string, depth: number): unknown => {
    if (node === null || typeof node === "string" || typeof node === "boolean") return node;
    if (typeof node === "number") return Number.isFinite(node) ? node : fail(path, `is ${describeValue(node)}, not a JSON number`);
    if (typeof node !== "object") return fail(path, `is ${describeValue(node)}, not a JSON value`);
    if (depth > MAX_DEPTH) return fail(path, `is nested more than ${MAX_DEPTH} levels deep`);
    if (ancestors.has(node)) return fail(path, "refers back to itself (a cycle cannot be sent as JSON)");
    ancestors.add(node);
    try {
      if (Array.isArray(node)) {
        const length = node.length;
        // A holey array may claim billions of items it does not hold: refuse it before walking them.
        if (length > MAX_LIST_ITEMS) return fail(path, `has ${length} items, more than the ${MAX_LIST_ITEMS} any body of these APIs could carry`);
        const out = new Array<unknown>(length);
        for (let i = 0; i < length; i++) {
          const item = node[i];
          out[i] = item === undefined ? fail(`${path}/${i}`, "is undefined, not a JSON value") : copy(item, `${path}/${i}`, depth + 1);
        }
        return out;
      }
      if (!isJsonObject(node)) return fail(path, `is ${describeValue(node)}, not a JSON object`);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(node)) {
        let member: unknown;
        try {
          member = (node as Record<string, unknown>)[key];
        } catch (error) {
          fail(`${path}/${escapePointerToken(key)}`, `cannot be read: ${error instanceof Error ? error.message : String(error)}`);
          continue;
        }
        if (member === undefined) continue;
        // defineProperty: a member named `__proto__` stays a member of the copy.
        Object.defineProperty(out, key, { value: copy(member, `${path}/${escapePointerToken(key)}`, depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return out;
    } catch (error) {
      return fail(path, `cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      ancestors.delete(node);
    }
  };
  const result = copy(value, "", 0);
  return issues.length === 0 ? { ok: true, value: result } : { ok: false, issues, omitted };
}
