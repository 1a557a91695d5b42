/**
 * validate() answers for any value: what is checked is what the wire would carry (own
 * enumerable members, plain JSON values); anything else is an issue, never an exception. An unknown
 * kind or operation is a TypeError naming it, also when the name is an Object.prototype member.
 */
import { describe, expect, it } from "vitest";
import { validate } from "../../src/validate.js";

const WINDOW = "12345678-1234-1234-1234-123456789012";

describe("validate() on values that are not plain JSON", () => {
  it("a throwing getter is an issue naming the member, not an exception", () => {
    const body = { WindowExecutionId: WINDOW };
    Object.defineProperty(body, "Extra", { enumerable: true, get: () => { throw new Error("boom"); } });
    const result = validate("GetMaintenanceWindowExecution", "request", body);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([expect.objectContaining({ path: "/Extra", rule: "type", message: "'/Extra' cannot be read: boom" })]);
  });

  it("a Proxy whose traps throw is an issue, not an exception", () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error("no keys"); } });
    const result = validate("ListCommands", "request", hostile);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([expect.objectContaining({ path: "", message: "the payload cannot be read: no keys" })]);
    const nested = validate("ListCommands", "request", { Filters: [new Proxy({}, { get: (_target, name) => { if (name === "key") throw new Error("no value"); return undefined; }, ownKeys: () => ["key"], getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }) })] });
    expect(nested.errors).toEqual([expect.objectContaining({ path: "/Filters/0/key", message: "'/Filters/0/key' cannot be read: no value" })]);
  });

  it("a well-behaved Proxy is checked as the data it shows", () => {
    expect(validate("GetMaintenanceWindowExecution", "request", new Proxy({ WindowExecutionId: WINDOW }, {})).ok).toBe(true);
    expect(validate("GetMaintenanceWindowExecution", "request", new Proxy({ WindowExecutionId: "nope" }, {})).errors.map((e) => `${e.path} ${e.rule}`)).toContain("/WindowExecutionId pattern");
  });

  it("inherited members are not wire members: neither checked nor counted", () => {
    const inherits = Object.create({ MaxResults: 0, Unknown: true }) as Record<string, unknown>;
    expect(JSON.stringify(inherits)).toBe("{}");
    expect(validate("ListCommands", "request", inherits)).toEqual({ ok: true, errors: [], omitted: 0 });
    // ... and an inherited required member does not satisfy `required`.
    const required = Object.create({ WindowExecutionId: WINDOW }) as object;
    expect(validate("GetMaintenanceWindowExecution", "request", required).errors.map((e) => `${e.path} ${e.rule}`)).toEqual(["/WindowExecutionId required"]);
  });

  it("a Date, a Map, a function, NaN, a bigint or undefined in a list is not a body", () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [new Date(0), "", /^the payload is a Date, not a JSON object$/],
      [{ Filters: new Map() }, "/Filters", /is a Map, not a JSON object$/],
      [{ MaxResults: () => 5 }, "/MaxResults", /is a function, not a JSON value$/],
      [{ MaxResults: Number.NaN }, "/MaxResults", /is NaN, not a JSON number$/],
      [{ MaxResults: 5n }, "/MaxResults", /is a bigint, not a JSON value$/],
      [{ Filters: [undefined] }, "/Filters/0", /is undefined, not a JSON value$/],
    ];
    for (const [body, path, message] of cases) {
      const result = validate("ListCommands", "request", body);
      expect(result.ok, path).toBe(false);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]!.path).toBe(path);
      expect(result.errors[0]!.message).toMatch(message);
    }
    // A member whose value is undefined is absent, as JSON.stringify leaves it out.
    expect(validate("ListCommands", "request", { MaxResults: undefined }).ok).toBe(true);
  });

  it("a cycle and absurd nesting are issues, not stack overflows", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic["Filters"] = [cyclic];
    expect(validate("ListCommands", "request", cyclic).errors).toEqual([expect.objectContaining({ path: "/Filters/0" })]);
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const result = validate("ListCommands", "request", { Filters: deep });
    expect(result.ok).toBe(false);
    expect(result.errors[0]!.message).toMatch(/nested more than \d+ levels deep/);
  });

  it("a body with a __proto__ member: checked as a member, nothing polluted", () => {
    const body = JSON.parse('{"WindowExecutionId":"' + WINDOW + '","__proto__":{"polluted":true}}') as unknown;
    expect(validate("GetMaintenanceWindowExecution", "request", body).errors.map((e) => `${e.path} ${e.rule}`)).toEqual(["/__proto__ additionalProperties"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

it("a holey array that claims 100 million items is refused at once, not walked", () => {
  const result = validate("ListCommands", "request", { Filters: new Array(100_000_000) });
  expect(result.ok).toBe(false);
  expect(result.errors).toEqual([expect.objectContaining({ path: "/Filters", message: expect.stringContaining("has 100000000 items") })]);
});

describe("validate() names an unknown kind or operation", () => {
  it("an Object.prototype member is not a kind", () => {
    for (const kind of ["toString", "constructor", "__proto__", "hasOwnProperty"]) {
      expect(() => validate("ListCommands", kind as never, {})).toThrow(new RegExp(`^validate: kind must be "request", "response" or "error", got "${kind}"$`));
    }
  });

  it("nor an operation", () => {
    expect(() => validate("toString" as never, "request", {})).toThrow(/^validate: unknown operation "toString"; expected one of /);
    expect(() => validate(undefined as never, "request", {})).toThrow(/^validate: unknown operation undefined; /);
  });

  it("an operation or kind whose toString throws is still named, with a TypeError", () => {
    const hostile = { toString: () => { throw new Error("boom"); } };
    expect(() => validate(hostile as never, "request", {})).toThrow(new TypeError(`validate: unknown operation [object Object]; expected one of DescribeAutomationStepExecutions, GetMaintenanceWindowExecution, ListCommandInvocations, ListCommands, ListWorkflowStepExecutions`));
    expect(() => validate("ListCommands", Object.create(null) as never, {})).toThrow(/^validate: kind must be "request", "response" or "error", got \[object Object\]$/);
  });
});
