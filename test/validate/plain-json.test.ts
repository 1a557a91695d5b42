/**
 * The plain-JSON check that lets a body go straight to the validators: it must say yes only for what
 * JSON.stringify would write unchanged, so every value it passes is checked as the wire carries it,
 * and everything else goes to the copy that reports it. Each case is asked of the check itself and
 * of validate(), whose answer must be what it is for the same data as plain JSON.
 */
import { describe, expect, it } from "vitest";
import { validate } from "../../src/validate.js";
import { isPlainJson } from "../../src/validation/json-value.js";

const WINDOW = "12345678-1234-1234-1234-123456789012";
const FILTER = { key: "Status", value: "Success" };
const rules = (result: ReturnType<typeof validate>): string[] => result.errors.map((e) => `${e.path} ${e.rule}`);

describe("isPlainJson", () => {
  it("passes parsed JSON, object literals and null-prototype objects", () => {
    const parsed = JSON.parse(JSON.stringify({ a: [1, "x", true, null, { b: [] }], c: {} })) as unknown;
    expect(isPlainJson(parsed)).toBe(true);
    expect(isPlainJson({ a: -0, b: [[[]]] })).toBe(true);
    const bare = Object.assign(Object.create(null) as object, { a: 1 });
    expect(isPlainJson(bare)).toBe(true);
    for (const leaf of ["", 0, false, null]) expect(isPlainJson(leaf)).toBe(true);
  });

  it("refuses what the wire would not carry as it is, at any depth, in objects and in arrays", () => {
    const nonEnumerable = { a: 1 };
    Object.defineProperty(nonEnumerable, "b", { value: 2, enumerable: false });
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = { list: [cyclic] };
    const cases: Array<[string, unknown]> = [
      ["undefined", undefined],
      ["a function", () => 1],
      ["NaN", Number.NaN],
      ["Infinity", Number.POSITIVE_INFINITY],
      ["a bigint", 1n],
      ["a symbol", Symbol("s")],
      ["a Date", new Date(0)],
      ["a Map", new Map()],
      ["a class instance", new (class Shape {})()],
      ["an object inheriting from another", Object.create({ a: 1 }) as object],
      ["a non-enumerable own member", nonEnumerable],
      ["a hole", [1, , 3]],
      ["a cycle", cyclic],
      ["an array subclass", new (class List extends Array {})()],
    ];
    for (const [name, value] of cases) {
      expect(isPlainJson(value), name).toBe(false);
      expect(isPlainJson({ a: value }), `member: ${name}`).toBe(false);
      expect(isPlainJson([value]), `item: ${name}`).toBe(false);
      expect(isPlainJson({ a: [{ b: [value] }] }), `nested: ${name}`).toBe(false);
    }
  });

  it("refuses a member inherited from Object.prototype, even beside a hidden own one that evens the count", () => {
    const body = { a: 1 };
    Object.defineProperty(body, "hidden", { value: 2, enumerable: false });
    Object.defineProperty(Object.prototype, "polluted", { value: 3, enumerable: true, configurable: true, writable: true });
    try {
      expect(isPlainJson(body)).toBe(false);
      expect(isPlainJson({ a: 1 })).toBe(false);
    } finally {
      delete (Object.prototype as Record<string, unknown>)["polluted"];
    }
    expect(isPlainJson({ a: 1 })).toBe(true);
  });

  it("refuses an array deeper than the limit, and passes one within it", () => {
    let shallow: unknown = [];
    for (let i = 0; i < 60; i++) shallow = [shallow];
    expect(isPlainJson(shallow)).toBe(true);
    let deep: unknown = [];
    for (let i = 0; i < 1000; i++) deep = { a: [deep] };
    expect(isPlainJson(deep)).toBe(false);
  });

  it("reads an accessor as its value, and lets a throwing one throw (validate falls back to the copy)", () => {
    expect(isPlainJson({ get a() { return "x"; } })).toBe(true);
    expect(isPlainJson({ get a() { return new Date(0); } })).toBe(false);
    expect(() => isPlainJson([{ get a(): never { throw new Error("boom"); } }])).toThrow("boom");
  });
});

describe("validate() on the values the check refuses or passes", () => {
  it("an accessor on a plain object is checked as the value it gives", () => {
    expect(validate("ListCommands", "request", { get MaxResults() { return 5; } }).ok).toBe(true);
    expect(rules(validate("ListCommands", "request", { get MaxResults() { return 0; } }))).toEqual(["/MaxResults minimum"]);
    const throwing = validate("ListCommands", "request", { Filters: [FILTER, { get key(): never { throw new Error("gone"); }, value: "x" }] });
    expect(throwing.errors).toEqual([expect.objectContaining({ path: "/Filters/1/key", message: "'/Filters/1/key' cannot be read: gone" })]);
  });

  it("a non-enumerable member is not on the wire: neither checked nor required", () => {
    const body = { Filters: [FILTER] };
    Object.defineProperty(body, "MaxResults", { value: 0, enumerable: false });
    expect(validate("ListCommands", "request", body)).toEqual({ ok: true, errors: [], omitted: 0 });
    const hidden = {};
    Object.defineProperty(hidden, "WindowExecutionId", { value: WINDOW, enumerable: false });
    expect(rules(validate("GetMaintenanceWindowExecution", "request", hidden))).toEqual(["/WindowExecutionId required"]);
  });

  it("a member inherited by a nested object is neither checked nor counted", () => {
    const inherits = Object.assign(Object.create({ value: 7 }) as object, { key: "Status" });
    expect(rules(validate("ListCommands", "request", { Filters: [inherits] }))).toEqual(["/Filters/0/value required"]);
  });

  it("a hole in a list is reported at its index, the other items still checked", () => {
    const result = validate("ListCommands", "request", { Filters: [FILTER, , { key: "Colour", value: "x" }] });
    expect(result.errors).toEqual([expect.objectContaining({ path: "/Filters/1", message: "'/Filters/1' is undefined, not a JSON value" })]);
  });

  it("a cycle through objects is reported where it closes", () => {
    const command: Record<string, unknown> = { CommandId: "x".repeat(36) };
    command["Parameters"] = { Loop: [command] };
    expect(validate("ListCommands", "response", { Commands: [command] }).errors).toEqual([
      expect.objectContaining({ path: "/Commands/0/Parameters/Loop/0", message: expect.stringContaining("refers back to itself") }),
    ]);
  });

  it("a Proxy, in a list or as the body, is checked as the data it shows", () => {
    expect(validate("ListCommands", "request", { Filters: [new Proxy({ ...FILTER }, {})] }).ok).toBe(true);
    expect(rules(validate("ListCommands", "request", { Filters: new Proxy([{ key: "Colour", value: "x" }], {}) }))).toEqual(["/Filters/0/key enum"]);
    const shows = new Proxy({} as Record<string, unknown>, {
      ownKeys: () => ["MaxResults"],
      getOwnPropertyDescriptor: () => ({ value: 0, enumerable: true, configurable: true, writable: true }),
      get: (_target, name) => (name === "MaxResults" ? 0 : undefined),
    });
    expect(rules(validate("ListCommands", "request", shows))).toEqual(["/MaxResults minimum"]);
  });

  it("a null-prototype body is checked as its members", () => {
    const bare = Object.assign(Object.create(null) as object, { MaxResults: 0 });
    expect(rules(validate("ListCommands", "request", bare))).toEqual(["/MaxResults minimum"]);
  });
});
