/** Verification over the journal: partial deep matching (sets where the service reads sets), counts, sequences, near misses. */
import { describe, expect, it } from "vitest";
import { loadSpec, readOperations, requestShape, type Shape } from "../../../src/model/index.js";
import { RequestJournal } from "../../../mock/src/journal/request-journal.js";
import { differences } from "../../../mock/src/verify/match.js";
import { checkVerification, parseVerification, type Verification } from "../../../mock/src/verify/verify.js";
import { entry } from "./support.js";

const shapes = new Map<string, Shape>();
for (const name of ["ssm", "imagebuilder"] as const) {
  const doc = loadSpec(name);
  for (const op of readOperations(doc)) shapes.set(op.operationId, requestShape(doc, op));
}
const shapeOf = (operation: string): Shape | undefined => shapes.get(operation);
const KNOWN = new Set(shapes.keys());

describe("differences", () => {
  const filters = shapes.get("ListCommands")!;
  const steps = shapes.get("DescribeAutomationStepExecutions")!;

  it("matches the members named, ignores the rest", () => {
    expect(differences({ MaxResults: 7 }, { MaxResults: 7, NextToken: "t" }, filters)).toEqual([]);
    expect(differences({}, { MaxResults: 7 }, filters)).toEqual([]);
    expect(differences({ MaxResults: 7 }, { MaxResults: 8 }, filters)).toEqual([{ path: "MaxResults", expected: 7, actual: 8 }]);
    expect(differences({ CommandId: "c" }, {}, filters)).toEqual([{ path: "CommandId", expected: "c", actual: undefined, note: "not set" }]);
  });

  it("reads null as 'not set'", () => {
    expect(differences({ NextToken: null }, { MaxResults: 7 }, filters)).toEqual([]);
    expect(differences({ NextToken: null }, { NextToken: "t" }, filters)).toEqual([{ path: "NextToken", expected: null, actual: "t", note: "expected not set" }]);
  });

  it("compares ListCommands' Filters as a set (they are ANDed): order does not matter, count does", () => {
    const sent = { Filters: [{ key: "Status", value: "Failed" }, { key: "DocumentName", value: "AWS-RunShellScript" }] };
    expect(differences({ Filters: [{ key: "DocumentName" }, { key: "Status", value: "Failed" }] }, sent, filters)).toEqual([]);
    expect(differences({ Filters: [{ key: "Status", value: "Success" }, { key: "DocumentName" }] }, sent, filters)).toEqual([
      { path: "Filters[?]", expected: { key: "Status", value: "Success" }, actual: { key: "Status", value: "Failed" }, note: expect.stringContaining("compared as a set") },
    ]);
    expect(differences({ Filters: [{ key: "Status" }] }, sent, filters)).toEqual([expect.objectContaining({ path: "Filters", note: "expected 1 item, got 2" })]);
  });

  it("pairs set items one to one: two expectations cannot both claim one sent item", () => {
    const sent = { Filters: [{ key: "Status", value: "Failed" }, { key: "DocumentName", value: "X" }] };
    expect(differences({ Filters: [{ key: "Status" }, { key: "Status" }] }, sent, filters)).toHaveLength(1);
    // The first expectation fits both; the pairing must move it to let the second match.
    expect(differences({ Filters: [{}, { key: "Status" }] }, sent, filters)).toEqual([]);
  });

  it("compares a step filter's Values as a set, inside Filters as a set", () => {
    const sent = { AutomationExecutionId: "a", Filters: [{ Key: "StepName", Values: ["b", "a"] }, { Key: "Action", Values: ["aws:runCommand"] }] };
    expect(differences({ Filters: [{ Key: "Action" }, { Key: "StepName", Values: ["a", "b"] }] }, sent, steps)).toEqual([]);
    expect(differences({ Filters: [{ Key: "Action" }, { Key: "StepName", Values: ["a", "c"] }] }, sent, steps)).toHaveLength(1);
  });

  it("compares other lists by position", () => {
    const list: Shape = { kind: "structure", members: { Ids: { kind: "list", unordered: false, member: { kind: "scalar", type: "string" } } } };
    expect(differences({ Ids: ["a", "b"] }, { Ids: ["a", "b"] }, list)).toEqual([]);
    expect(differences({ Ids: ["a", "b"] }, { Ids: ["b", "a"] }, list)).toEqual([
      { path: "Ids[0]", expected: "a", actual: "b" },
      { path: "Ids[1]", expected: "b", actual: "a" },
    ]);
    // Without a shape (an unknown operation) every list is positional.
    expect(differences({ Filters: [{ key: "b" }, { key: "a" }] }, { Filters: [{ key: "a" }, { key: "b" }] })).toHaveLength(2);
  });

  it("asks asymmetric matchers", () => {
    expect(differences({ NextToken: expect.any(String) }, { NextToken: "t" }, filters)).toEqual([]);
    expect(differences({ NextToken: expect.stringMatching(/^x/) }, { NextToken: "t" }, filters)).toHaveLength(1);
    expect(differences({ Filters: expect.arrayContaining([{ key: "Status", value: "Failed" }]) }, { Filters: [{ key: "DocumentName", value: "X" }, { key: "Status", value: "Failed" }] }, filters)).toEqual([]);
  });
});

describe("checkVerification", () => {
  const journal = new RequestJournal();
  journal.record(entry("ListCommands", { MaxResults: 7, Filters: [{ key: "Status", value: "Failed" }] }), 1);
  journal.record(entry("ListCommands", { MaxResults: 7, Filters: [{ key: "Status", value: "Failed" }], NextToken: "t1" }), 1);
  journal.record(entry("ListCommandInvocations", { CommandId: "c1" }), 1);
  journal.record(entry("ListCommands", { MaxResults: 7, Filters: [{ key: "Status", value: "Failed" }], NextToken: "t2" }), 1);
  const check = (verification: Verification) => checkVerification(journal.entries(), verification, shapeOf, journal.dropped);

  it("counts the matching requests, at least once by default", () => {
    expect(check({ operation: "ListCommands", input: { Filters: [{ key: "Status", value: "Failed" }] } })).toMatchObject({ ok: true, count: 3, matched: [1, 2, 4] });
    expect(check({ operation: "ListCommands", input: { NextToken: null } })).toMatchObject({ ok: true, count: 1, matched: [1] });
    expect(check({ operation: "ListCommands", times: 3 }).ok).toBe(true);
    expect(check({ operation: "ListCommands", times: { atLeast: 2, atMost: 3 } }).ok).toBe(true);
    expect(check({ operation: "ListCommands", times: { atMost: 2 } }).ok).toBe(false);
    expect(check({ operation: "GetMaintenanceWindowExecution", times: 0 }).ok).toBe(true);
    expect(check({ input: { CommandId: "c1" } }).matched).toEqual([3]);
  });

  it("lists the closest requests and how each differs when too few match", () => {
    const result = check({ operation: "ListCommands", input: { MaxResults: 7, Filters: [{ key: "Status", value: "Success" }] } });
    expect(result.ok).toBe(false);
    expect(result.nearMisses.map((m) => m.id)).toEqual([4, 2, 1]);
    expect(result.message).toContain("Expected ListCommands with input {\"MaxResults\":7,\"Filters\":[{\"key\":\"Status\",\"value\":\"Success\"}]} to be received at least 1 time, but it was received 0 times (the journal holds 4 requests)");
    expect(result.message).toContain("#4 ListCommands -> 200:");
    expect(result.message).toContain('input.Filters[?]: expected {"key":"Status","value":"Success"}, got {"key":"Status","value":"Failed"}');
  });

  it("names the extra requests when too many match", () => {
    const result = check({ operation: "ListCommands", times: 1 });
    expect(result.message).toMatch(/to be received exactly 1 time, but it was received 3 times: #1, #2, #4/);
    expect(result.nearMisses).toEqual([]);
  });

  it("ranks another operation below any difference of the same operation", () => {
    const result = check({ operation: "ListCommandInvocations", input: { CommandId: "c2" } });
    expect(result.nearMisses[0]).toMatchObject({ id: 3, differences: [{ path: "input.CommandId", expected: "c2", actual: "c1" }] });
    expect(result.nearMisses[1]!.differences).toEqual([{ path: "operation", expected: "ListCommandInvocations", actual: "ListCommands" }]);
  });

  it("checks a sequence: in order, others between allowed", () => {
    expect(check({ sequence: [{ operation: "ListCommands", input: { NextToken: null } }, { operation: "ListCommands", input: { NextToken: "t1" } }, { operation: "ListCommands", input: { NextToken: "t2" } }] })).toMatchObject({ ok: true, matched: [1, 2, 4] });
    const broken = check({ sequence: [{ operation: "ListCommands", input: { NextToken: "t2" } }, { operation: "ListCommands", input: { NextToken: "t1" } }] });
    expect(broken).toMatchObject({ ok: false, count: 1, matched: [4] });
    expect(broken.message).toMatch(/step 2 was not received after #4 \(step 1\) \(it was received before that, out of order\)/);
  });

  it("says when the journal dropped older requests", () => {
    const small = new RequestJournal({ size: 2 });
    for (let i = 0; i < 5; i++) small.record(entry("ListCommands", {}), 1);
    expect(checkVerification(small.entries(), { operation: "ListCommands", times: 5 }, shapeOf, small.dropped).message).toContain("3 older ones were dropped");
  });

  it("refuses malformed counts", () => {
    expect(() => check({ operation: "ListCommands", times: -1 })).toThrow(/times must be a whole number/);
    expect(() => check({ operation: "ListCommands", times: { atLeast: 3, atMost: 1 } })).toThrow(/atLeast above atMost/);
  });
});

describe("parseVerification", () => {
  it("reads counts and sequences", () => {
    expect(parseVerification({ operation: "ListCommands", input: { MaxResults: 7 }, times: { atLeast: 1 } }, KNOWN)).toEqual({ ok: true, verification: { operation: "ListCommands", input: { MaxResults: 7 }, times: { atLeast: 1 } } });
    expect(parseVerification({ sequence: [{ operation: "ListCommands" }, { error: "ThrottlingException" }] }, KNOWN)).toEqual({ ok: true, verification: { sequence: [{ operation: "ListCommands" }, { error: "ThrottlingException" }] } });
  });

  it("refuses what is malformed, naming the member and the rule", () => {
    const message = (body: unknown): string => {
      const parsed = parseVerification(body, KNOWN);
      return parsed.ok ? "accepted" : parsed.message;
    };
    expect(message([])).toMatch(/must be a JSON object/);
    expect(message({ operation: "ListThings" })).toMatch(/'operation' must name an operation this mock serves/);
    expect(message({ operation: "ListCommands", inputs: {} })).toMatch(/'inputs' is not a member of a request pattern/);
    expect(message({ input: [] })).toMatch(/'input' must be a JSON object/);
    expect(message({ times: "twice" })).toMatch(/'times' must be a whole number/);
    expect(message({ sequence: [] })).toMatch(/'sequence' must be a non-empty list/);
    expect(message({ sequence: [{ operation: "ListCommands", times: 1 }] })).toMatch(/'sequence\[0\].times' is not a member/);
    expect(message({ status: 99 })).toMatch(/'status' must be an HTTP status/);
  });
});
