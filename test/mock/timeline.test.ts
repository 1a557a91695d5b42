/**
 * Records on a timeline, answered from a data set on a manual clock (no server, no waits): states
 * at durations since load and at read counts, a command's progress following its invocations (and
 * the shorthand of one timeline on the command), plugins following their invocation, end times only
 * once terminal, records that appear later, times relative to now, filters and paging at the time of
 * the request, and the load-time checks that name the record and the entry at fault.
 */
import { describe, expect, it } from "vitest";
import { MockClock } from "../../mock/src/clock/mock-clock.js";
import { bundledOperation } from "../../mock/src/data/bundled.js";
import { MockData, type DataSource } from "../../mock/src/data/index.js";

const T0 = Date.parse("2024-07-08T02:00:00Z");
const C1 = "11111111-0000-4000-8000-000000000001";
const NODES = ["i-00000000000000001", "i-00000000000000002"];
const AUTOMATION = "aaaaaaaa-0000-4000-8000-00000000000a";
const WORKFLOW = "wf-aaaaaaaa-0000-4000-8000-00000000000b";
const WINDOW = "bbbbbbbb-0000-4000-8000-00000000000c";

type Rec = Record<string, unknown>;

const command = (extra: Rec = {}): Rec => ({
  CommandId: C1,
  DocumentName: "AWS-RunShellScript",
  InstanceIds: NODES,
  RequestedDateTime: "now",
  Status: "Pending",
  StatusDetails: "Pending",
  MaxErrors: "0",
  TargetCount: 2,
  CompletedCount: 0,
  ErrorCount: 0,
  DeliveryTimedOutCount: 0,
  ...extra,
});

const invocation = (node: string, extra: Rec = {}): Rec => ({
  CommandId: C1,
  InstanceId: node,
  DocumentName: "AWS-RunShellScript",
  RequestedDateTime: "now",
  Status: "Pending",
  StatusDetails: "Pending",
  CommandPlugins: [{ Name: "aws:runShellScript", Status: "Pending", StatusDetails: "Pending", ResponseStartDateTime: "now+10s", ResponseFinishDateTime: "now+1m", ResponseCode: 0 }],
  ...extra,
});

function mockData(source: DataSource): { data: MockData; clock: MockClock } {
  const clock = MockClock.from(new Date(T0));
  return { data: new MockData(source, clock), clock };
}

function answer(data: MockData, operation: string, body: Rec): Rec {
  const result = data.answer(bundledOperation(operation), body)!;
  if (!result.ok) throw new Error(`${result.error.name}: ${result.error.message}`);
  return JSON.parse(result.body) as Rec;
}

const failure = (data: MockData, operation: string, body: Rec): { name: string; message: string } => {
  const result = data.answer(bundledOperation(operation), body)!;
  if (result.ok) throw new Error(`expected an error, got ${result.body}`);
  return result.error;
};

const theCommand = (data: MockData): Rec => (answer(data, "ListCommands", { CommandId: C1 })["Commands"] as Rec[])[0]!;
const invocations = (data: MockData, details = true): Rec[] => answer(data, "ListCommandInvocations", { CommandId: C1, Details: details })["CommandInvocations"] as Rec[];
const summary = (c: Rec): string => `${String(c["Status"])}/${String(c["StatusDetails"])} ${String(c["CompletedCount"])}/${String(c["ErrorCount"])}/${String(c["DeliveryTimedOutCount"])}`;

const loadFails = (source: DataSource): string => {
  try {
    new MockData(source, MockClock.from(new Date(T0)));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the data set loaded");
};

describe("a command whose invocations progress by time", () => {
  const source = (): DataSource => ({
    Commands: [command()],
    CommandInvocations: [
      invocation(NODES[0]!, { Timeline: [{ at: "10s", Status: "InProgress", StatusDetails: "InProgress" }, { at: "1m", Status: "Success", StatusDetails: "Success" }] }),
      invocation(NODES[1]!, { Timeline: [{ at: "10s", Status: "InProgress", StatusDetails: "InProgress" }, { at: "2m", Status: "Failed", StatusDetails: "Failed" }] }),
    ],
  });

  it("the command's Status, StatusDetails and counts follow its invocations at every moment", () => {
    const { data, clock } = mockData(source());
    const seen = [summary(theCommand(data))];
    for (const step of ["9s", "1s", "50s", "59s", "1s"]) {
      clock.advance(step);
      seen.push(summary(theCommand(data)));
    }
    expect(seen).toEqual(["Pending/Pending 0/0/0", "Pending/Pending 0/0/0", "InProgress/InProgress 0/0/0", "InProgress/InProgress 1/0/0", "InProgress/InProgress 1/0/0", "Failed/Failed 2/1/0"]);
  });

  it("a state holds from its moment on, inclusive; a clock set before the load shows the record itself", () => {
    const { data, clock } = mockData(source());
    clock.set(T0 + 60_000);
    expect(invocations(data).map((v) => v["Status"])).toEqual(["Success", "InProgress"]);
    clock.set(T0 - 3_600_000);
    expect(invocations(data).map((v) => v["Status"])).toEqual(["Pending", "Pending"]);
  });

  it("each invocation's plugins take its Status, with a finish time only once they have finished", () => {
    const { data, clock } = mockData(source());
    const plugin = (v: Rec): Rec => (v["CommandPlugins"] as Rec[])[0]!;
    expect(plugin(invocations(data)[0]!)).not.toHaveProperty("ResponseStartDateTime");
    clock.advance("30s");
    expect(plugin(invocations(data)[0]!)).toMatchObject({ Status: "InProgress", StatusDetails: "InProgress", ResponseStartDateTime: T0 / 1000 + 10 });
    expect(plugin(invocations(data)[0]!)).not.toHaveProperty("ResponseFinishDateTime");
    clock.advance("30s");
    expect(plugin(invocations(data)[0]!)).toMatchObject({ Status: "Success", ResponseFinishDateTime: T0 / 1000 + 60 });
    // Without Details, the plugins are left out as always.
    expect(invocations(data, false)[0]!["CommandPlugins"]).toEqual([]);
  });

  it("Status filters see the state at the time of the request", () => {
    const { data, clock } = mockData(source());
    const ids = (filters: Rec[]): number => (answer(data, "ListCommands", { Filters: filters })["Commands"] as Rec[]).length;
    expect([ids([{ key: "Status", value: "Pending" }]), ids([{ key: "ExecutionStage", value: "Executing" }]), ids([{ key: "Status", value: "Failed" }])]).toEqual([1, 1, 0]);
    clock.advance("2m");
    expect([ids([{ key: "Status", value: "Pending" }]), ids([{ key: "ExecutionStage", value: "Complete" }]), ids([{ key: "Status", value: "Failed" }])]).toEqual([0, 1, 1]);
    const failed = answer(data, "ListCommandInvocations", { Filters: [{ key: "Status", value: "Failed" }] })["CommandInvocations"] as Rec[];
    expect(failed.map((v) => v["InstanceId"])).toEqual([NODES[1]]);
  });
});

describe("one timeline on the command moves its whole run", () => {
  it("invocations without a timeline follow the command's Status; the counts follow from them", () => {
    const { data, clock } = mockData({
      Commands: [command({ Timeline: [{ at: "5s", Status: "InProgress" }, { at: "1m", Status: "Success" }] })],
      CommandInvocations: NODES.map((node) => invocation(node)),
    });
    clock.advance("5s");
    expect(invocations(data).map((v) => `${String(v["Status"])}/${String((v["CommandPlugins"] as Rec[])[0]!["Status"])}`)).toEqual(["InProgress/InProgress", "InProgress/InProgress"]);
    expect(summary(theCommand(data))).toBe("InProgress/InProgress 0/0/0");
    clock.advance("55s");
    expect(summary(theCommand(data))).toBe("Success/Success 2/0/0");
  });

  it("a command with no invocations in the data set shows its own states", () => {
    const { data, clock } = mockData({ Commands: [command({ Timeline: [{ at: "1m", Status: "Success", StatusDetails: "Success", CompletedCount: 2 }] })] });
    clock.advance("1m");
    expect(summary(theCommand(data))).toBe("Success/Success 2/0/0");
  });
});

describe("read counts", () => {
  const source = (): DataSource => ({
    Commands: [command()],
    CommandInvocations: NODES.map((node) => invocation(node, { Timeline: [{ at: { reads: 1 }, Status: "InProgress", StatusDetails: "InProgress" }, { at: { reads: 3 }, Status: "Success", StatusDetails: "Success" }] })),
  });

  it("a state begins with the answer after the run has been answered N times, whichever operation answered", () => {
    const { data } = mockData(source());
    const seen = [
      summary(theCommand(data)), // answer 1: the records themselves
      invocations(data).map((v) => v["Status"]).join(), // 2: reads 1
      summary(theCommand(data)), // 3
      summary(theCommand(data)), // 4: reads 3
    ];
    expect(seen).toEqual(["Pending/Pending 0/0/0", "InProgress,InProgress", "InProgress/InProgress 0/0/0", "Success/Success 2/0/0"]);
  });

  it("need no clock: moving it changes nothing", () => {
    const { data, clock } = mockData(source());
    clock.advance("1d");
    expect(summary(theCommand(data))).toBe("Pending/Pending 0/0/0");
  });

  it("an error answer is not an answer of the run", () => {
    const { data } = mockData(source());
    expect(failure(data, "ListCommands", { CommandId: C1, Filters: [{ key: "Status", value: "Exploded" }] }).name).toBe("InvalidFilterKey");
    expect(summary(theCommand(data))).toBe("Pending/Pending 0/0/0");
  });
});

describe("records that appear later", () => {
  it("a command's invocations absent until 5s: an empty list first, as the service answers right after SendCommand", () => {
    const { data, clock } = mockData({ Commands: [command()], CommandInvocations: NODES.map((node) => invocation(node, { AppearsAt: "5s" })) });
    expect(invocations(data)).toEqual([]);
    expect(summary(theCommand(data))).toBe("Pending/Pending 0/0/0");
    clock.advance("5s");
    expect(invocations(data).map((v) => v["InstanceId"])).toEqual(NODES);
  });

  it("a command that appears later is not found before, nor are its invocations", () => {
    const { data, clock } = mockData({ Commands: [command({ AppearsAt: { reads: 2 } })], CommandInvocations: NODES.map((node) => invocation(node)) });
    expect(answer(data, "ListCommands", {})["Commands"]).toEqual([]);
    expect(failure(data, "ListCommands", { CommandId: C1 }).name).toBe("InvalidCommandId");
    expect(failure(data, "ListCommandInvocations", { CommandId: C1 }).name).toBe("InvalidCommandId");
    clock.advance("1h");
    expect(answer(data, "ListCommandInvocations", {})["CommandInvocations"]).toEqual([]);
  });

  it("the other collections too: a window execution, an Automation execution, a workflow", () => {
    const { data, clock } = mockData({
      MaintenanceWindowExecutions: [{ WindowExecutionId: WINDOW, TaskIds: [], Status: "PENDING", StartTime: "now", AppearsAt: "1m" }],
      AutomationExecutions: [{ AutomationExecutionId: AUTOMATION, AppearsAt: "1m", StepExecutions: [] }],
      WorkflowExecutions: [{ workflowExecutionId: WORKFLOW, AppearsAt: "1m", steps: [] }],
    });
    expect(failure(data, "GetMaintenanceWindowExecution", { WindowExecutionId: WINDOW }).name).toBe("DoesNotExistException");
    expect(failure(data, "DescribeAutomationStepExecutions", { AutomationExecutionId: AUTOMATION }).name).toBe("AutomationExecutionNotFoundException");
    expect(failure(data, "ListWorkflowStepExecutions", { workflowExecutionId: WORKFLOW }).name).toBe("ClientException");
    clock.advance("1m");
    expect(answer(data, "GetMaintenanceWindowExecution", { WindowExecutionId: WINDOW })["Status"]).toBe("PENDING");
    expect(answer(data, "DescribeAutomationStepExecutions", { AutomationExecutionId: AUTOMATION })["StepExecutions"]).toEqual([]);
    expect(answer(data, "ListWorkflowStepExecutions", { workflowExecutionId: WORKFLOW })["steps"]).toEqual([]);
  });
});

describe("times relative to now", () => {
  it("are the load's instant on the mock's clock, in each service's wire form, in records and their states", () => {
    const { data, clock } = mockData({
      Commands: [command({ RequestedDateTime: "now-2h" })],
      WorkflowExecutions: [{ workflowExecutionId: WORKFLOW, steps: [{ stepExecutionId: "step-eeeeeeee-0000-4000-8000-000000000001", name: "Build", status: "RUNNING", startTime: "now-90s", Timeline: [{ at: "30s", status: "COMPLETED", endTime: "now+30s" }] }] }],
    });
    expect(theCommand(data)["RequestedDateTime"]).toBe(T0 / 1000 - 7200);
    clock.advance("30s");
    const [step] = answer(data, "ListWorkflowStepExecutions", { workflowExecutionId: WORKFLOW })["steps"] as Rec[];
    expect(step).toMatchObject({ startTime: "2024-07-08T01:58:30.000Z", endTime: "2024-07-08T02:00:30.000Z", status: "COMPLETED" });
  });

  it("'the failed commands of the last 24 hours' finds the ones written relative to now", () => {
    const { data } = mockData({
      Commands: [
        command({ CommandId: "11111111-0000-4000-8000-000000000002", RequestedDateTime: "now-2h", Status: "Failed", StatusDetails: "Failed" }),
        command({ CommandId: "11111111-0000-4000-8000-000000000003", RequestedDateTime: "now-2d", Status: "Failed", StatusDetails: "Failed" }),
      ],
    });
    const dayAgo = new Date(T0 - 86_400_000).toISOString();
    const found = answer(data, "ListCommands", { Filters: [{ key: "InvokedAfter", value: dayAgo }, { key: "Status", value: "Failed" }] })["Commands"] as Rec[];
    expect(found.map((c) => c["CommandId"])).toEqual(["11111111-0000-4000-8000-000000000002"]);
  });
});

describe("Automation steps and workflow steps", () => {
  const steps = (): Rec[] =>
    ["first", "second", "third"].map((name, i) => ({
      StepName: name,
      Action: "aws:sleep",
      StepExecutionId: `dddddddd-0000-4000-8000-00000000000${i}`,
      StepStatus: "Pending",
      ExecutionStartTime: `now+${i * 60}s`,
      ExecutionEndTime: `now+${i * 60 + 50}s`,
      Timeline: [{ at: `${i * 60}s`, StepStatus: "InProgress" }, { at: `${i * 60 + 50}s`, StepStatus: "Success" }],
    }));

  it("finish one by one: start and end times only once started and ended; filters and ReverseOrder at each moment", () => {
    const { data, clock } = mockData({ AutomationExecutions: [{ AutomationExecutionId: AUTOMATION, StepExecutions: steps() }] });
    const list = (body: Rec = {}): Rec[] => answer(data, "DescribeAutomationStepExecutions", { AutomationExecutionId: AUTOMATION, ...body })["StepExecutions"] as Rec[];
    const statuses = (body?: Rec): string => list(body).map((s) => `${String(s["StepName"])}:${String(s["StepStatus"])}${s["ExecutionEndTime"] ? "+end" : ""}`).join(" ");
    expect(statuses()).toBe("first:InProgress second:Pending third:Pending");
    expect(list()[1]).not.toHaveProperty("ExecutionStartTime");
    clock.advance("50s");
    expect(statuses()).toBe("first:Success+end second:Pending third:Pending");
    clock.advance("10s");
    expect(statuses({ ReverseOrder: true })).toBe("third:Pending second:InProgress first:Success+end");
    expect(statuses({ Filters: [{ Key: "StepExecutionStatus", Values: ["InProgress"] }] })).toBe("second:InProgress");
    clock.advance("2m");
    expect(statuses({ Filters: [{ Key: "StepExecutionStatus", Values: ["Success"] }], ReverseOrder: true })).toBe("third:Success+end second:Success+end first:Success+end");
  });

  it("a workflow runs to its end: steps, then the execution's message", () => {
    const { data, clock } = mockData({
      WorkflowExecutions: [
        {
          workflowExecutionId: WORKFLOW,
          message: "Workflow is running.",
          Timeline: [{ at: "2m", message: "Workflow completed successfully." }],
          steps: ["Launch", "Build"].map((name, i) => ({
            stepExecutionId: `step-eeeeeeee-0000-4000-8000-00000000000${i}`,
            name,
            status: "PENDING",
            startTime: `now+${i}m`,
            endTime: `now+${i + 1}m`,
            Timeline: [{ at: `${i}m`, status: "RUNNING" }, { at: `${i + 1}m`, status: "COMPLETED" }],
          })),
        },
      ],
    });
    const run = (): string => {
      const body = answer(data, "ListWorkflowStepExecutions", { workflowExecutionId: WORKFLOW });
      return `${(body["steps"] as Rec[]).map((s) => `${String(s["status"])}${s["startTime"] ? "" : "-"}${s["endTime"] ? "+" : ""}`).join(",")} ${String(body["message"])}`;
    };
    expect(run()).toBe("RUNNING,PENDING- Workflow is running.");
    clock.advance("1m");
    expect(run()).toBe("COMPLETED+,RUNNING Workflow is running.");
    clock.advance("1m");
    expect(run()).toBe("COMPLETED+,COMPLETED+ Workflow completed successfully.");
  });

  it("a maintenance window execution's EndTime only once it has ended", () => {
    const { data, clock } = mockData({
      MaintenanceWindowExecutions: [{ WindowExecutionId: WINDOW, TaskIds: [], Status: "IN_PROGRESS", StartTime: "now", EndTime: "now+10m", Timeline: [{ at: "10m", Status: "SUCCESS" }] }],
    });
    expect(answer(data, "GetMaintenanceWindowExecution", { WindowExecutionId: WINDOW })).not.toHaveProperty("EndTime");
    clock.advance("10m");
    expect(answer(data, "GetMaintenanceWindowExecution", { WindowExecutionId: WINDOW })).toMatchObject({ Status: "SUCCESS", EndTime: T0 / 1000 + 600 });
  });
});

describe("paging while records progress", () => {
  // 30 commands, the odd ones finishing at 1m: a Status=Pending listing loses them as it pages.
  const many = (): DataSource => ({
    Commands: Array.from({ length: 30 }, (_, n) =>
      command({
        CommandId: `11111111-0000-4000-8000-${String(n).padStart(12, "0")}`,
        RequestedDateTime: `now-${n}m`,
        ...(n % 2 ? { Timeline: [{ at: "1m", Status: "Success", StatusDetails: "Success", CompletedCount: 2 }] } : {}),
      }),
    ),
  });

  it("a token stays valid while records change; each page shows its own moment; records that stay are seen exactly once", () => {
    const { data, clock } = mockData(many());
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = answer(data, "ListCommands", { MaxResults: 4, Filters: [{ key: "Status", value: "Pending" }], ...(token ? { NextToken: token } : {}) });
      seen.push(...(page["Commands"] as Rec[]).map((c) => c["CommandId"] as string));
      token = page["NextToken"] as string | undefined;
      if (++pages === 2) clock.advance("1m");
    } while (token);
    const even = Array.from({ length: 15 }, (_, k) => `11111111-0000-4000-8000-${String(2 * k).padStart(12, "0")}`);
    // The first two pages (8 commands, half of them odd) came before the odd ones finished.
    expect(seen.filter((id) => even.includes(id))).toEqual(even);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(15 + 4);
  });

  it("a token is bound to the data set and the query, not to the state", () => {
    const { data, clock } = mockData(many());
    const first = answer(data, "ListCommands", { MaxResults: 5 });
    clock.advance("1h");
    expect(answer(data, "ListCommands", { MaxResults: 5, NextToken: first["NextToken"] })["Commands"]).toHaveLength(5);
    expect(failure(data, "ListCommands", { MaxResults: 5, NextToken: first["NextToken"], Filters: [{ key: "Status", value: "Success" }] }).name).toBe("InvalidNextToken");
  });
});

describe("checked on load, naming the record and the entry", () => {
  it.each<[string, DataSource, RegExp]>([
    ["a state that is not a valid record", { Commands: [command({ Timeline: [{ at: "1m", Status: "Exploded" }] })] }, /Commands\[0\] \(CommandId 11111111-0000-4000-8000-000000000001\) Timeline\[0\]: member '\/Status' breaks 'enum'/],
    ["an unreadable at", { Commands: [command({ Timeline: [{ at: "soon", Status: "Success" }] })] }, /Commands\[0\] \(CommandId [^)]+\) Timeline\[0\]: member 'at' is not valid: 'soon' is not a duration/],
    ["a missing at", { Commands: [command({ Timeline: [{ Status: "Success" }] })] }, /Timeline\[0\]: member 'at' must be a duration since the data set was loaded/],
    ["a bad read count", { Commands: [command({ Timeline: [{ at: { reads: -1 }, Status: "Success" }] })] }, /Timeline\[0\]: member 'at' is not valid: \{ "reads": N \} takes one member, reads, a whole number of at least 0/],
    ["states out of order", { Commands: [command({ Timeline: [{ at: "2m", Status: "InProgress" }, { at: "1m", Status: "Success" }] })] }, /Timeline\[1\]: 'at' "1m" is earlier than the entry before it \("2m"\)/],
    ["durations mixed with read counts", { Commands: [command({ Timeline: [{ at: "2m", Status: "InProgress" }, { at: { reads: 4 }, Status: "Success" }] })] }, /Timeline\[1\]: 'at' \{"reads":4\} mixes a read count with durations/],
    ["a state changing the record's ID", { Commands: [command({ Timeline: [{ at: "1m", CommandId: "x" }] })] }, /Timeline\[0\]: member 'CommandId' cannot change \(the record is found by it\)/],
    ["a Timeline that is not a list", { Commands: [command({ Timeline: { at: "1m" } })] }, /member '\/Timeline' must be a list of states/],
    ["a bad AppearsAt", { Commands: [command({ AppearsAt: "later" })] }, /Commands\[0\] \(CommandId [^)]+\): member '\/AppearsAt' is not valid: 'later' is not a duration/],
    ["a bad relative time", { Commands: [command({ RequestedDateTime: "now-2hours" })] }, /Commands\[0\] \(CommandId [^)]+\): member '\/RequestedDateTime' 'now-2hours' is not a time relative to now/],
    ["a bad relative time in a state", { WorkflowExecutions: [{ workflowExecutionId: WORKFLOW, steps: [{ stepExecutionId: "s", status: "RUNNING", Timeline: [{ at: "1m", status: "COMPLETED", endTime: "now+1x" }] }] }] }, /WorkflowExecutions\[0\] \(workflowExecutionId [^)]+\): member '\/steps\/0\/Timeline\/0\/endTime' 'now\+1x' is not a time relative to now/],
    ["a step's state that is not valid", { AutomationExecutions: [{ AutomationExecutionId: AUTOMATION, StepExecutions: [{ StepName: "a", StepStatus: "Pending", Timeline: [{ at: "1m", StepStatus: "Done" }] }] }] }, /AutomationExecutions\[0\] \(AutomationExecutionId [^)]+\) StepExecutions\[0\] Timeline\[0\]: member '\/StepExecutions\/0\/StepStatus' breaks 'enum'/],
    ["a state replacing an execution's steps", { AutomationExecutions: [{ AutomationExecutionId: AUTOMATION, StepExecutions: [], Timeline: [{ at: "1m", StepExecutions: [] }] }] }, /Timeline\[0\]: member 'StepExecutions' cannot be replaced by a state; give each of them its own Timeline/],
    ["a command's Status its invocations cannot follow", { Commands: [command({ Timeline: [{ at: "1m", Status: "Failed", StatusDetails: "Incomplete" }] })], CommandInvocations: [invocation(NODES[0]!)] }, /Commands\[0\] \(CommandId [^)]+\) Timeline\[0\]: StatusDetails 'Incomplete' is a command's, not an invocation's, which its invocation CommandInvocations\[0\] \(CommandId InstanceId [^)]+\) follows/],
    [
      "a command's states that disagree with its invocations",
      { Commands: [command({ MaxErrors: "5", Timeline: [{ at: "1m", Status: "Failed", StatusDetails: "Failed" }] })], CommandInvocations: NODES.map((node) => invocation(node)) },
      /Commands\[0\] \(CommandId [^)]+\) Timeline\[0\]: StatusDetails "Failed" disagrees with its invocations at "1m", which give StatusDetails "Incomplete" \(MaxErrors "5"\)/,
    ],
    [
      "a run that progresses by two measures",
      { Commands: [command({ Timeline: [{ at: "1m", Status: "Success" }] })], CommandInvocations: [invocation(NODES[0]!, { Timeline: [{ at: { reads: 2 }, Status: "Success", StatusDetails: "Success" }] })] },
      /CommandInvocations\[0\] \(CommandId InstanceId [^)]+\): changes by read counts but Commands\[0\] \(CommandId [^)]+\) by durations/,
    ],
  ])("%s", (_, source, message) => {
    expect(loadFails(source)).toMatch(message);
  });

  it("a data set without timelines loads and answers as before", () => {
    const { data, clock } = mockData({ Commands: [command({ Status: "Success", StatusDetails: "Success", CompletedCount: 2 })], CommandInvocations: NODES.map((node) => invocation(node)) });
    clock.advance("1h");
    // The data's own values, even where they disagree: nothing is derived for a run without a timeline.
    expect(summary(theCommand(data))).toBe("Success/Success 2/0/0");
    expect(invocations(data).map((v) => v["Status"])).toEqual(["Pending", "Pending"]);
  });

  it("GET of the data set gives the records with their timelines, the relative times resolved", () => {
    const { data } = mockData({ Commands: [command({ Timeline: [{ at: "90s", Status: "InProgress" }] })] });
    expect(data.current.data.Commands[0]).toMatchObject({ RequestedDateTime: T0 / 1000, Timeline: [{ at: "90s", Status: "InProgress" }] });
  });
});
