/**
 * The data set served when none is given: the records of the spec's own documented examples,
 * gathered into one coherent data set, so that `npm start` answers like the service out of the box.
 * The examples were written to agree with each other (the invocations are those of the listed
 * commands, on the managed nodes those commands name); this puts each operation's example records
 * together: every 200 example of ListCommands gives its commands, and so on. The Automation steps
 * belong to the execution the operation's request example asks for, and the workflow steps to the
 * workflow execution their examples name.
 */
import { bundledOperation, exampleValues } from "./bundled.js";
import type { DataSource, Rec } from "./types.js";

/** The 200 examples; pages that carry a token first, since they come before the last page. */
function successExamples(operationId: string): Rec[] {
  const pages = [...exampleValues(bundledOperation(operationId), 200).values()].filter((value): value is Rec => !!value && typeof value === "object");
  const hasToken = (page: Rec): boolean => typeof (page["NextToken"] ?? page["nextToken"]) === "string";
  return [...pages.filter(hasToken), ...pages.filter((page) => !hasToken(page))];
}

/** The records under `member` of each example, once each (the first occurrence of an ID wins). */
function records(operationId: string, member: string, id: (record: Rec) => string): Rec[] {
  const seen = new Set<string>();
  const out: Rec[] = [];
  for (const example of successExamples(operationId)) {
    for (const record of (example[member] as Rec[] | undefined) ?? []) {
      const key = id(record);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(record);
      }
    }
  }
  return out;
}

export function defaultDataSource(): DataSource {
  const automationIds = [...exampleValues(bundledOperation("DescribeAutomationStepExecutions"), "request").values()]
    .map((request) => (request as Rec | undefined)?.["AutomationExecutionId"])
    .filter((id): id is string => typeof id === "string");
  const workflows = new Map<string, Rec>();
  for (const example of successExamples("ListWorkflowStepExecutions")) {
    const id = example["workflowExecutionId"];
    if (typeof id !== "string") continue;
    const { requestId: _requestId, nextToken: _nextToken, steps, ...members } = example;
    const workflow = workflows.get(id) ?? { ...members, steps: [] };
    // The first page's ARNs stand; a later page's closing message (such as "Workflow completed.") wins.
    if (typeof members["message"] === "string") workflow["message"] = members["message"];
    (workflow["steps"] as Rec[]).push(...((steps as Rec[] | undefined) ?? []));
    workflows.set(id, workflow);
  }
  return {
    Commands: records("ListCommands", "Commands", (r) => String(r["CommandId"])),
    CommandInvocations: records("ListCommandInvocations", "CommandInvocations", (r) => `${String(r["CommandId"])} ${String(r["InstanceId"])}`),
    MaintenanceWindowExecutions: successExamples("GetMaintenanceWindowExecution"),
    AutomationExecutions: [...new Set(automationIds)].slice(0, 1).map((AutomationExecutionId) => ({
      AutomationExecutionId,
      StepExecutions: records("DescribeAutomationStepExecutions", "StepExecutions", (r) => String(r["StepExecutionId"])),
    })),
    WorkflowExecutions: [...workflows.values()],
  };
}
