/**
 * Property tests of generated runs in progress (`generateDataSet({ timelines: true })`): for any
 * seed, at every moment a record changes, the answers keep the consistency rule: a command's
 * Status, StatusDetails and counts agree with its invocations, an invocation's plugins with it, an
 * Automation execution's and a workflow's steps start in order, each after the one before ended, and
 * end times are there exactly when the state is terminal; nothing that has ended changes again. The
 * checks are written from the services' documents, not with the mock's own rule.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDuration } from "../../mock/src/clock/duration.js";
import { MockClock } from "../../mock/src/clock/mock-clock.js";
import { bundledOperation } from "../../mock/src/data/bundled.js";
import { MockData } from "../../mock/src/data/index.js";
import { generateDataSet } from "../../mock/src/generate/index.js";

type Rec = Record<string, unknown>;

const T0 = Date.parse("2026-03-01T12:00:00Z");

function answer(data: MockData, operation: string, body: Rec): Rec {
  const result = data.answer(bundledOperation(operation), body)!;
  if (!result.ok) throw new Error(`${result.error.name}: ${result.error.message}`);
  return JSON.parse(result.body) as Rec;
}

/** Every `at` of every timeline in the data set, in ms since load, with 0. */
function changePoints(value: unknown, into = new Set<number>([0])): Set<number> {
  if (Array.isArray(value)) for (const item of value) changePoints(item, into);
  else if (value && typeof value === "object") {
    for (const [key, member] of Object.entries(value)) {
      if (key === "at" && typeof member === "string") {
        const parsed = parseDuration(member);
        if (parsed.ok) into.add(parsed.value);
      } else changePoints(member, into);
    }
  }
  return into;
}

const TERMINAL_INVOCATION = new Set(["Success", "Failed", "TimedOut", "Cancelled"]);
const TERMINAL_STEP = new Set(["Success", "Failed", "TimedOut", "Cancelled"]);
const TERMINAL_WORKFLOW_STEP = new Set(["COMPLETED", "FAILED", "CANCELLED", "SKIPPED"]);
const TERMINAL_WINDOW = new Set(["SUCCESS", "FAILED", "TIMED_OUT", "CANCELLED", "SKIPPED_OVERLAPPING"]);
const errorsAllowed = (maxErrors: string, targets: number): number => (maxErrors.endsWith("%") ? Math.floor((targets * Number(maxErrors.slice(0, -1))) / 100) : Number(maxErrors));

/** The problems with the answers at one moment. */
function problemsAt(data: MockData, set: ReturnType<typeof generateDataSet>): string[] {
  const problems: string[] = [];
  const commands = answer(data, "ListCommands", { MaxResults: 50 })["Commands"] as Rec[];
  for (const command of commands) {
    const id = command["CommandId"] as string;
    const invocations = answer(data, "ListCommandInvocations", { CommandId: id, Details: true, MaxResults: 50 })["CommandInvocations"] as Rec[];
    const at = `command ${id}`;
    const statuses = invocations.map((v) => v["Status"] as string);
    const details = invocations.map((v) => v["StatusDetails"] as string);
    const completed = statuses.filter((s) => TERMINAL_INVOCATION.has(s)).length;
    const errors = invocations.filter((v) => v["Status"] === "Failed" || v["StatusDetails"] === "Execution Timed Out").length;
    const delivery = details.filter((d) => d === "Delivery Timed Out").length;
    if (command["CompletedCount"] !== completed) problems.push(`${at}: CompletedCount ${String(command["CompletedCount"])}, ${completed} invocations terminal`);
    if (command["ErrorCount"] !== errors) problems.push(`${at}: ErrorCount ${String(command["ErrorCount"])}, ${errors} failed`);
    if (command["DeliveryTimedOutCount"] !== delivery) problems.push(`${at}: DeliveryTimedOutCount ${String(command["DeliveryTimedOutCount"])}, ${delivery} delivery time-outs`);
    const allowed = errorsAllowed(command["MaxErrors"] as string, invocations.length);
    const expected =
      statuses.every((s) => s === "Pending") ? "Pending/Pending"
      : completed < invocations.length ? "InProgress/InProgress"
      : statuses.includes("Cancelled") ? "Cancelled/Cancelled"
      : errors > allowed ? "Failed/Failed"
      : delivery > allowed ? "TimedOut/Delivery Timed Out"
      : errors + delivery > 0 ? "Failed/Incomplete"
      : "Success/Success";
    if (`${String(command["Status"])}/${String(command["StatusDetails"])}` !== expected) problems.push(`${at}: ${String(command["Status"])}/${String(command["StatusDetails"])}, its invocations make it ${expected}`);
    for (const v of invocations) {
      for (const plugin of v["CommandPlugins"] as Rec[]) {
        const where = `${at} on ${String(v["InstanceId"])}`;
        if (plugin["Status"] !== (v["Status"] === "Delayed" ? "Pending" : v["Status"])) problems.push(`${where}: plugin ${String(plugin["Status"])}, invocation ${String(v["Status"])}`);
        const terminal = TERMINAL_INVOCATION.has(plugin["Status"] as string);
        if (terminal !== (plugin["ResponseFinishDateTime"] !== undefined) && plugin["StatusDetails"] !== "Delivery Timed Out") problems.push(`${where}: plugin ${String(plugin["Status"])} with${terminal ? "out" : ""} a finish time`);
        if (plugin["Status"] === "Pending" && plugin["ResponseStartDateTime"] !== undefined) problems.push(`${where}: a pending plugin with a start time`);
      }
    }
  }
  for (const { AutomationExecutionId } of set.AutomationExecutions) {
    const steps = answer(data, "DescribeAutomationStepExecutions", { AutomationExecutionId })["StepExecutions"] as Rec[];
    steps.forEach((step, i) => {
      const where = `automation ${AutomationExecutionId} step ${i}`;
      const status = step["StepStatus"] as string;
      if (TERMINAL_STEP.has(status) !== (step["ExecutionEndTime"] !== undefined)) problems.push(`${where}: ${status} with${TERMINAL_STEP.has(status) ? "out" : ""} an end time`);
      if ((status === "Pending") !== (step["ExecutionStartTime"] === undefined)) problems.push(`${where}: ${status} and start time ${String(step["ExecutionStartTime"])}`);
      if (status !== "Pending" && steps.slice(0, i).some((before) => !TERMINAL_STEP.has(before["StepStatus"] as string))) problems.push(`${where}: started before the steps before it ended`);
      const previousEnd = steps[i - 1]?.["ExecutionEndTime"] as number | undefined;
      if (previousEnd !== undefined && typeof step["ExecutionStartTime"] === "number" && step["ExecutionStartTime"] < previousEnd) problems.push(`${where}: starts before the previous step ended`);
    });
  }
  for (const workflow of set.WorkflowExecutions) {
    const id = workflow["workflowExecutionId"] as string;
    const steps = answer(data, "ListWorkflowStepExecutions", { workflowExecutionId: id })["steps"] as Rec[];
    steps.forEach((step, i) => {
      const where = `workflow ${id} step ${i}`;
      const status = step["status"] as string;
      if ((TERMINAL_WORKFLOW_STEP.has(status) && status !== "SKIPPED") !== (step["endTime"] !== undefined)) problems.push(`${where}: ${status} and end time ${String(step["endTime"])}`);
      if ((status === "PENDING" || status === "SKIPPED") !== (step["startTime"] === undefined)) problems.push(`${where}: ${status} and start time ${String(step["startTime"])}`);
      if (status !== "PENDING" && status !== "SKIPPED" && steps.slice(0, i).some((before) => before["status"] !== "COMPLETED")) problems.push(`${where}: ${status} after a step that did not complete`);
    });
  }
  for (const window of set.MaintenanceWindowExecutions) {
    const execution = answer(data, "GetMaintenanceWindowExecution", { WindowExecutionId: window["WindowExecutionId"] });
    const terminal = TERMINAL_WINDOW.has(execution["Status"] as string);
    if (terminal !== (execution["EndTime"] !== undefined)) problems.push(`window ${String(window["WindowExecutionId"])}: ${String(execution["Status"])} and EndTime ${String(execution["EndTime"])}`);
  }
  return problems;
}

/** Each record's status by key: what has ended must not change again. */
function statusesOf(data: MockData, set: ReturnType<typeof generateDataSet>): Map<string, string> {
  const statuses = new Map<string, string>();
  for (const c of answer(data, "ListCommands", { MaxResults: 50 })["Commands"] as Rec[]) statuses.set(`c ${String(c["CommandId"])}`, c["Status"] as string);
  for (const { AutomationExecutionId } of set.AutomationExecutions) {
    for (const step of answer(data, "DescribeAutomationStepExecutions", { AutomationExecutionId })["StepExecutions"] as Rec[]) statuses.set(`s ${String(step["StepExecutionId"])}`, step["StepStatus"] as string);
  }
  return statuses;
}

describe("generated runs in progress keep the consistency rule at every change", () => {
  it("for any seed", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), (seed) => {
        const set = generateDataSet({ seed, commands: 6, maintenanceWindowExecutions: 2, automationExecutions: 2, workflowExecutions: 2, timelines: true });
        const clock = MockClock.from(new Date(T0));
        const data = new MockData(structuredClone(set), clock);
        const ended = new Map<string, string>();
        for (const point of [...changePoints(set)].sort((a, b) => a - b)) {
          clock.set(T0 + point);
          const problems = problemsAt(data, set);
          expect(problems, `seed ${JSON.stringify(seed)} at ${point} ms`).toEqual([]);
          for (const [key, status] of statusesOf(data, set)) {
            const before = ended.get(key);
            if (before !== undefined) expect(status, `${key} ended ${before}, then ${status} at ${point} ms`).toBe(before);
            if (TERMINAL_STEP.has(status) || ["Success", "Failed", "TimedOut", "Cancelled"].includes(status)) ended.set(key, status);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it("the same seed gives the same data set; times are relative to the load, and some runs are still moving", () => {
    const a = generateDataSet({ seed: "poll", timelines: true });
    expect(generateDataSet({ seed: "poll", timelines: true })).toEqual(a);
    expect(String(a.Commands[0]!["RequestedDateTime"])).toMatch(/^now-\d/);
    const clock = MockClock.from(new Date(T0));
    const data = new MockData(a, clock);
    const executing = (): number => (answer(data, "ListCommands", { Filters: [{ key: "ExecutionStage", value: "Executing" }] })["Commands"] as Rec[]).length;
    const before = executing();
    clock.advance("2h");
    expect(before).toBeGreaterThan(executing());
  });
});
