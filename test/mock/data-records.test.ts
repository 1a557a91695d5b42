/**
 * Single-record changes to a data set (add, replace, remove by ID) and which tokens they retire:
 * only the listings the change can shift; every other listing's tokens stay valid.
 */
import { describe, expect, it } from "vitest";
import { bundledModel } from "../../src/model/index.js";
import { DataSetError, MockData } from "../../mock/src/data/index.js";
import { AUTOMATION_ID, command, commandId, dataSet, step, WORKFLOW_ID } from "./data-fixtures.js";

type Answer = { ok: true; body: Record<string, unknown> } | { ok: false; name: string };
function ask(data: MockData, operation: string, body: Record<string, unknown>): Answer {
  const answer = data.answer(bundledModel().operations.find((op) => op.operationId === operation)!, body)!;
  return answer.ok ? { ok: true, body: JSON.parse(answer.body) as Record<string, unknown> } : { ok: false, name: answer.error.name };
}
const okBody = (answer: Answer): Record<string, unknown> => {
  if (!answer.ok) throw new Error(`refused: ${answer.name}`);
  return answer.body;
};
const SECOND_AUTOMATION = "aaaaaaaa-0000-4000-8000-000000000002";

function start(): MockData {
  const set = dataSet(20);
  set.AutomationExecutions.push({ AutomationExecutionId: SECOND_AUTOMATION, StepExecutions: [step(0, "Success"), step(1, "Success"), step(2, "Success")] });
  return new MockData(set);
}

describe("single-record changes", () => {
  it("adds a command, replaces it by ID and removes it, the rest of the data set untouched", () => {
    const data = start();
    const added = data.putRecord("Commands", { ...command(99), Status: "Failed", StatusDetails: "Failed" });
    expect(added.created).toBe(true);
    expect(added.store.counts()["Commands"]).toBe(21);
    const newest = okBody(ask(data, "ListCommands", { MaxResults: 1 }));
    expect((newest["Commands"] as { CommandId: string }[])[0]!.CommandId).toBe(commandId(99));

    const replaced = data.putRecord("Commands", { ...command(99), Comment: "changed" });
    expect(replaced.created).toBe(false);
    expect(replaced.store.counts()["Commands"]).toBe(21);
    expect(data.record("Commands", commandId(99))).toMatchObject({ Comment: "changed" });

    expect(data.removeRecord("Commands", commandId(99))).toBe(true);
    expect(data.removeRecord("Commands", commandId(99))).toBe(false);
    expect(ask(data, "ListCommands", { CommandId: commandId(99) })).toEqual({ ok: false, name: "InvalidCommandId" });
    expect(data.current.counts()).toEqual({ Commands: 20, CommandInvocations: 20, MaintenanceWindowExecutions: 1, AutomationExecutions: 2, WorkflowExecutions: 1 });
  });

  it("validates the record as a loaded one, and changes nothing when it is refused", () => {
    const data = start();
    expect(() => data.putRecord("Commands", { ...command(99), Status: "Bogus" })).toThrow(DataSetError);
    expect(() => data.putRecord("Commands", { ...command(99), Status: "Bogus" })).toThrow(/'\/Status' breaks 'enum'/);
    expect(() => data.putRecord("Widgets", {})).toThrow(/There is no collection 'Widgets'/);
    expect(data.current.counts()["Commands"]).toBe(20);
    // Timestamps are taken in either form and kept in wire form.
    data.putRecord("Commands", { ...command(98), RequestedDateTime: "2024-07-08T02:00:00.500Z" });
    expect(data.record("Commands", commandId(98))).toMatchObject({ RequestedDateTime: 1720404000.5 });
  });

  it("copies the record it is given", () => {
    const data = start();
    const record = { ...command(97) };
    data.putRecord("Commands", record);
    record["Comment"] = "changed afterwards";
    expect(data.record("Commands", commandId(97))).toMatchObject({ Comment: "command 97" });
  });

  it("finds a command invocation by its CommandId and InstanceId", () => {
    const data = start();
    const first = okBody(ask(data, "ListCommandInvocations", { CommandId: commandId(3) }));
    const invocation = (first["CommandInvocations"] as Record<string, unknown>[])[0]!;
    expect(data.removeRecord("CommandInvocations", `${commandId(3)} ${String(invocation["InstanceId"])}`)).toBe(true);
    expect(okBody(ask(data, "ListCommandInvocations", { CommandId: commandId(3) }))["CommandInvocations"]).toEqual([]);
  });

  it("retires the tokens of the listings a change can shift, and only those", () => {
    const data = start();
    const token = (operation: string, body: Record<string, unknown>): string => {
      const page = okBody(ask(data, operation, body));
      const next = page["NextToken"] ?? page["nextToken"];
      expect(typeof next).toBe("string");
      return next as string;
    };
    const commandsToken = token("ListCommands", { MaxResults: 5 });
    const invocationsToken = token("ListCommandInvocations", { MaxResults: 5 });
    const stepsToken = token("DescribeAutomationStepExecutions", { AutomationExecutionId: AUTOMATION_ID, MaxResults: 2 });
    const otherStepsToken = token("DescribeAutomationStepExecutions", { AutomationExecutionId: SECOND_AUTOMATION, MaxResults: 2 });
    const workflowToken = token("ListWorkflowStepExecutions", { workflowExecutionId: WORKFLOW_ID, maxResults: 5 });

    // A command: ListCommands' tokens go, the others stay.
    data.putRecord("Commands", command(99));
    expect(ask(data, "ListCommands", { MaxResults: 5, NextToken: commandsToken })).toEqual({ ok: false, name: "InvalidNextToken" });
    expect(ask(data, "ListCommandInvocations", { MaxResults: 5, NextToken: invocationsToken }).ok).toBe(true);
    expect(ask(data, "DescribeAutomationStepExecutions", { AutomationExecutionId: AUTOMATION_ID, MaxResults: 2, NextToken: stepsToken }).ok).toBe(true);

    // One Automation execution: its own steps' tokens go, another execution's stay.
    data.putRecord("AutomationExecutions", { AutomationExecutionId: AUTOMATION_ID, StepExecutions: [step(0, "Success")] });
    expect(ask(data, "DescribeAutomationStepExecutions", { AutomationExecutionId: AUTOMATION_ID, MaxResults: 2, NextToken: stepsToken })).toEqual({ ok: false, name: "InvalidNextToken" });
    expect(ask(data, "DescribeAutomationStepExecutions", { AutomationExecutionId: SECOND_AUTOMATION, MaxResults: 2, NextToken: otherStepsToken }).ok).toBe(true);
    expect(ask(data, "ListWorkflowStepExecutions", { workflowExecutionId: WORKFLOW_ID, maxResults: 5, nextToken: workflowToken }).ok).toBe(true);

    // An invocation: both command listings' tokens go (ListCommands by node reads invocations).
    const freshCommands = token("ListCommands", { MaxResults: 5 });
    data.removeRecord("CommandInvocations", `${commandId(1)} i-${(1).toString(16).padStart(17, "0")}`);
    expect(ask(data, "ListCommandInvocations", { MaxResults: 5, NextToken: invocationsToken })).toEqual({ ok: false, name: "InvalidNextToken" });
    expect(ask(data, "ListCommands", { MaxResults: 5, NextToken: freshCommands })).toEqual({ ok: false, name: "InvalidNextToken" });

    // A new page's token after the change is valid.
    const after = token("ListCommands", { MaxResults: 5 });
    expect(ask(data, "ListCommands", { MaxResults: 5, NextToken: after }).ok).toBe(true);
  });

  it("restoreInitial brings back the data set it started with, not the default one, and its tokens", () => {
    const data = start();
    const before = okBody(ask(data, "ListCommands", { MaxResults: 5 }));
    data.replace({ Commands: [command(50)] }, "test");
    data.putRecord("Commands", command(51));
    expect(data.current.counts()["Commands"]).toBe(2);
    data.restoreInitial();
    expect(data.current.counts()).toMatchObject({ Commands: 20, AutomationExecutions: 2 });
    expect(ask(data, "ListCommands", { MaxResults: 5, NextToken: before["NextToken"] }).ok).toBe(true);
  });

  it("startingLike shares the start, not the changes or the tokens", () => {
    const first = start();
    const second = MockData.startingLike(first);
    first.putRecord("Commands", command(99));
    expect(second.current.counts()["Commands"]).toBe(20);
    const page = okBody(ask(second, "ListCommands", { MaxResults: 5 }));
    expect(ask(first, "ListCommands", { MaxResults: 5, NextToken: page["NextToken"] })).toEqual({ ok: false, name: "InvalidNextToken" });
  });
});
