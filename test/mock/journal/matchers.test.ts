/**
 * The matchers of aws-ops-contract-mock/vitest, through Vitest's own expect.extend, over a real
 * journal and the operation model's shapes: pass, fail with the near misses, and `.not`.
 */
import { describe, expect, it } from "vitest";
import { loadSpec, readOperations, requestShape, type Shape } from "../../../src/model/index.js";
import { localControl } from "../../../mock/src/control.js";
import { MockData } from "../../../mock/src/data/index.js";
import { RequestJournal } from "../../../mock/src/journal/request-journal.js";
import { mockMatchers } from "../../../mock/src/vitest.js";
import { entry } from "./support.js";

expect.extend(mockMatchers);

const shapes = new Map<string, Shape>();
for (const name of ["ssm", "imagebuilder"] as const) {
  const doc = loadSpec(name);
  for (const op of readOperations(doc)) shapes.set(op.operationId, requestShape(doc, op));
}

const journal = new RequestJournal();
const data = new MockData();
let resets = 0;
const mock = localControl(() => ({ journal, data }), (op) => shapes.get(op), () => resets++);
journal.record(entry("ListCommands", { MaxResults: 7, Filters: [{ key: "Status", value: "Failed" }, { key: "DocumentName", value: "AWS-RunShellScript" }] }), 1);
journal.record(entry("ListCommands", { MaxResults: 7, Filters: [{ key: "Status", value: "Failed" }, { key: "DocumentName", value: "AWS-RunShellScript" }], NextToken: "t1" }), 1);
journal.record(entry("GetMaintenanceWindowExecution", { WindowExecutionId: "w" }, { status: 400, error: "DoesNotExistException" }), 1);

describe("mockMatchers", () => {
  it("toHaveReceived: an operation, a partial input (filters as a set), a pattern", async () => {
    await expect(mock).toHaveReceived("ListCommands");
    await expect(mock).toHaveReceived("ListCommands", { Filters: [{ key: "DocumentName" }, { key: "Status", value: "Failed" }] });
    await expect(mock).toHaveReceived({ operation: "GetMaintenanceWindowExecution", error: "DoesNotExistException" });
    await expect(mock).not.toHaveReceived("ListCommandInvocations");
  });

  it("fails with the expectation and the closest requests", async () => {
    await expect(expect(mock).toHaveReceived("ListCommands", { MaxResults: 8 })).rejects.toThrow(/to be received at least 1 time, but it was received 0 times[\s\S]*#2 ListCommands -> 200:\n\s+input.MaxResults: expected 8, got 7/);
    await expect(expect(mock).not.toHaveReceived("ListCommands", { NextToken: "t1" })).rejects.toThrow("Expected ListCommands with input {\"NextToken\":\"t1\"} not to be received, but it was (#2).");
  });

  it("count variants: times, ranges, once", async () => {
    await expect(mock).toHaveReceivedTimes("ListCommands", 2);
    await expect(mock).toHaveReceivedTimes("ListCommands", { atLeast: 1, atMost: 2 });
    await expect(mock).toHaveReceivedOnce("ListCommands", { NextToken: "t1" });
    await expect(mock).not.toHaveReceivedOnce("ListCommands");
    await expect(expect(mock).toHaveReceivedTimes("ListCommands", 3)).rejects.toThrow(/exactly 3 times, but it was received 2 times: #1, #2/);
  });

  it("order variants: nth and in order", async () => {
    await expect(mock).toHaveReceivedNth("ListCommands", 1, { NextToken: null });
    await expect(mock).toHaveReceivedNth("ListCommands", -1, { NextToken: "t1" });
    await expect(mock).toHaveReceivedInOrder(["ListCommands", { operation: "ListCommands", input: { NextToken: "t1" } }, "GetMaintenanceWindowExecution"]);
    await expect(mock).not.toHaveReceivedInOrder(["GetMaintenanceWindowExecution", "ListCommands"]);
    await expect(expect(mock).toHaveReceivedNth("ListCommands", 2, { NextToken: "t2" })).rejects.toThrow(/the 2nd ListCommands request to be ListCommands with input \{"NextToken":"t2"\}, but it differs[\s\S]*input.NextToken: expected "t2", got "t1"/);
  });

  it("types the input by the operation named", async () => {
    // @ts-expect-error: ListCommands has no member MaxResult (its page size is MaxResults)
    await expect(mock).not.toHaveReceived("ListCommands", { MaxResult: 7 });
    // @ts-expect-error: MaxResults is a number
    await expect(mock).not.toHaveReceived("ListCommands", { MaxResults: "7" });
    // @ts-expect-error: no such operation
    await expect(mock).not.toHaveReceived("ListThings");
  });

  it("refuses what is not a mock", async () => {
    await expect(expect({}).toHaveReceived("ListCommands")).rejects.toThrow(/must be given the mock/);
  });

  it("verify throws a VerificationError; check reports; reset is the state's", async () => {
    await expect(mock.verify({ operation: "ListCommands", times: 2 })).resolves.toMatchObject({ ok: true, matched: [1, 2] });
    await expect(mock.verify({ operation: "ListCommands", times: 1 })).rejects.toMatchObject({ name: "VerificationError", result: { ok: false, count: 2 } });
    await expect(mock.check({ operation: "ListCommands", times: 1 })).resolves.toMatchObject({ ok: false });
    const typed = await mock.requests({ operation: "ListCommands" });
    expect(typed.map((e) => e.input?.MaxResults)).toEqual([7, 7]);
    await expect(mock.requests({ since: "tomorrow" })).rejects.toThrow(/since/);
    await mock.reset();
    expect(resets).toBe(1);
  });
});
