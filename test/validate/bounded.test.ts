/**
 * Validation stays linear and bounded for hostile bodies: a list over its `maxItems` is
 * refused for that alone, before any of its items is checked; a body with many violations lists a
 * bounded number of them and counts the rest. Before the fix a 1 MiB list of `{}` produced an error
 * per item and took minutes (ajv's allErrors merge copied the running list at every item); here the
 * vitest timeout is the only bound on time, and the assertions are on what is reported.
 */
import { describe, expect, it } from "vitest";
import { assertValid, ContractValidationError, validate } from "../../src/validate.js";
import { MAX_LISTED_ISSUES } from "../../src/validation/validate.js";

/** `{"<member>":[<item>,<item>,...]}` of about `bytes` bytes. */
function listBody(member: string, item: string, bytes: number): { text: string; count: number } {
  const count = Math.floor((bytes - member.length - 6) / (item.length + 1));
  return { text: `{"${member}":[${Array(count).fill(item).join(",")}]}`, count };
}

describe("validate() on large hostile bodies", () => {
  it("a 1 MiB list over its maxItems is refused for maxItems alone, none of its items checked", () => {
    const { text, count } = listBody("Filters", "{}", 1024 * 1024);
    expect(text.length).toBeLessThanOrEqual(1024 * 1024);
    expect(count).toBeGreaterThan(340_000);
    const result = validate("ListCommands", "request", JSON.parse(text));
    expect(result).toEqual({
      ok: false,
      errors: [{ path: "/Filters", rule: "maxItems", message: "'/Filters' must NOT have more than 5 items", params: { limit: 5 } }],
      omitted: 0,
    });
  });

  it("a list within its bounds still has each item checked", () => {
    const result = validate("ListCommands", "request", { Filters: [{}, { key: "Status", value: "Success" }, {}] });
    expect(result.errors.map((e) => `${e.path} ${e.rule}`).sort()).toEqual([
      "/Filters/0/key required", "/Filters/0/value required", "/Filters/2/key required", "/Filters/2/value required",
    ]);
    expect(result.omitted).toBe(0);
  });

  it("a list with no maxItems and one violation per item lists a bounded number and counts the rest", () => {
    const { text, count } = listBody("Commands", '{"TargetCount":"x"}', 1024 * 1024);
    const result = validate("ListCommands", "response", JSON.parse(text));
    expect(result.ok).toBe(false);
    expect(result.errors).toHaveLength(MAX_LISTED_ISSUES);
    expect(result.errors.every((e) => e.rule === "type" && /^\/Commands\/\d+\/TargetCount$/.test(e.path))).toBe(true);
    // Every violation is accounted for: listed or counted.
    expect(result.errors.length + result.omitted).toBe(count);
  });

  it("many unknown members: a bounded list and the exact count of the rest", () => {
    const body = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`Unknown${i}`, i]));
    const result = validate("GetMaintenanceWindowExecution", "request", { WindowExecutionId: "12345678-1234-1234-1234-123456789012", ...body });
    expect(result.errors).toHaveLength(MAX_LISTED_ISSUES);
    expect(result.omitted).toBe(5000 - MAX_LISTED_ISSUES);
  });

  it("assertValid's error says how many more there were", () => {
    const body = { Commands: Array.from({ length: 150 }, () => ({ TargetCount: "x" })) };
    let thrown: unknown;
    try {
      assertValid("ListCommands", "response", body);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContractValidationError);
    const error = thrown as ContractValidationError;
    expect(error.issues).toHaveLength(MAX_LISTED_ISSUES);
    expect(error.omitted).toBe(50);
    expect(error.message).toMatch(/^ListCommands response body does not match the contract \(150 issues\):\n/);
    expect(error.message.trimEnd().split("\n").at(-1)).toBe("  ... and 50 more");
  });
});
