/**
 * Data sets for the data tests: N commands with known statuses, documents, nodes and times, their
 * invocations, Automation steps and workflow steps, all in the services' shapes.
 */
export const id = (prefix: string, n: number): string => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
export const commandId = (n: number): string => id("c0000000", n);
export const instanceId = (n: number): string => `i-${n.toString(16).padStart(17, "0")}`;

export const STATUSES = ["Success", "Failed", "InProgress", "Pending", "TimedOut"] as const;
export const DOCUMENTS = ["AWS-RunShellScript", "AWS-RunPatchBaseline"] as const;
/** Command n was requested at BASE + n minutes: the higher n, the newer. */
export const BASE = 1_720_000_000;

export function command(n: number): Record<string, unknown> {
  const status = STATUSES[n % STATUSES.length]!;
  return {
    CommandId: commandId(n),
    DocumentName: DOCUMENTS[n % DOCUMENTS.length],
    DocumentVersion: "$DEFAULT",
    Comment: `command ${n}`,
    Parameters: { commands: [`echo ${n}`] },
    InstanceIds: [instanceId(n % 4)],
    Targets: [],
    RequestedDateTime: BASE + n * 60,
    ExpiresAfter: BASE + n * 60 + 3600,
    Status: status,
    StatusDetails: status === "TimedOut" ? (n % 2 ? "DeliveryTimedOut" : "ExecutionTimedOut") : status,
    MaxConcurrency: "50",
    MaxErrors: "0",
    TargetCount: 1,
    CompletedCount: status === "InProgress" || status === "Pending" ? 0 : 1,
    ErrorCount: status === "Failed" ? 1 : 0,
    DeliveryTimedOutCount: 0,
  };
}

export function invocation(n: number): Record<string, unknown> {
  const c = command(n);
  return {
    CommandId: c["CommandId"],
    InstanceId: instanceId(n % 4),
    DocumentName: c["DocumentName"],
    DocumentVersion: "$DEFAULT",
    RequestedDateTime: c["RequestedDateTime"],
    Status: c["Status"] === "TimedOut" ? "TimedOut" : c["Status"],
    StatusDetails: c["StatusDetails"],
    CommandPlugins: [{ Name: "aws:runShellScript", Status: "Success", Output: `${n}` }],
  };
}

export const AUTOMATION_ID = "aaaaaaaa-0000-4000-8000-000000000001";
export const WORKFLOW_ID = "wf-aaaaaaaa-0000-4000-8000-000000000001";
export const WINDOW_EXECUTION_ID = "bbbbbbbb-0000-4000-8000-000000000001";

export function step(n: number, status: string): Record<string, unknown> {
  return { StepName: `step${n}`, Action: n % 2 ? "aws:runCommand" : "aws:sleep", StepExecutionId: id("d0000000", n), StepStatus: status, ExecutionStartTime: BASE + n * 10, ExecutionEndTime: BASE + n * 10 + 5 };
}

/** N commands (one invocation each), one Automation execution of 6 steps, one workflow of 30 steps. */
export function dataSet(n: number) {
  return {
    Commands: Array.from({ length: n }, (_, i) => command(i)),
    CommandInvocations: Array.from({ length: n }, (_, i) => invocation(i)),
    MaintenanceWindowExecutions: [{ WindowExecutionId: WINDOW_EXECUTION_ID, TaskIds: [], Status: "SUCCESS", StartTime: BASE, EndTime: BASE + 10 }],
    AutomationExecutions: [
      {
        AutomationExecutionId: AUTOMATION_ID,
        // Listed out of order: the mock orders the steps by start time.
        StepExecutions: [step(2, "Failed"), step(0, "Success"), step(1, "Success"), step(3, "Cancelled"), step(4, "Failed"), step(5, "Pending")],
      },
    ],
    WorkflowExecutions: [
      {
        workflowExecutionId: WORKFLOW_ID,
        workflowBuildVersionArn: "arn:aws:imagebuilder:us-east-2:aws:workflow/build/build-image/1.0.0/1",
        imageBuildVersionArn: "arn:aws:imagebuilder:us-east-2:111122223333:image/my-image/1.0.0/1",
        message: "Workflow completed.",
        steps: Array.from({ length: 30 }, (_, i) => ({ stepExecutionId: `step-${id("e0000000", i)}`, name: `Step${i}`, action: "RunCommand", status: "COMPLETED", startTime: `2024-08-04T18:${String(i).padStart(2, "0")}:00.000Z` })),
      },
    ],
  };
}
