/**
 * Recording (`--record FILE`): the records of the upstream's successful answers, gathered into a data
 * set in the mock's own format (mock/src/data), so that `--data FILE` serves them as they are. A
 * record seen again (the next page, the same command listed by another call) is merged into the one
 * already held, by its ID: one Command per CommandId, one invocation per CommandId and InstanceId,
 * one step per StepExecutionId (stepExecutionId), one maintenance window execution per
 * WindowExecutionId. Pagination tokens and request IDs are answers' parts, not records: never kept.
 */
import { DataSetError, loadDataSet } from "../data/index.js";
import type { Rec } from "../data/types.js";

export interface RecordedDataSet {
  Commands: Rec[];
  CommandInvocations: Rec[];
  MaintenanceWindowExecutions: Rec[];
  AutomationExecutions: Array<{ AutomationExecutionId: string; StepExecutions: Rec[] }>;
  WorkflowExecutions: Rec[];
}

const isRecord = (value: unknown): value is Rec => value !== null && typeof value === "object" && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);
const recordsOf = (value: unknown): Rec[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/**
 * A later sighting of a record wins member by member, except that an empty list never replaces a
 * full one: ListCommandInvocations without `Details` sends `CommandPlugins: []` for an invocation
 * whose plugins an earlier call with `Details` listed.
 */
export function mergeRecord(held: Rec | undefined, seen: Rec): Rec {
  if (!held) return structuredClone(seen);
  const merged: Rec = { ...held };
  for (const [member, value] of Object.entries(seen)) {
    const prior = held[member];
    if (Array.isArray(value) && value.length === 0 && Array.isArray(prior) && prior.length > 0) continue;
    merged[member] = structuredClone(value);
  }
  return merged;
}

function upsert(map: Map<string, Rec>, id: string | undefined, record: Rec): void {
  if (id === undefined) return;
  map.set(id, mergeRecord(map.get(id), record));
}

export class Recorder {
  private readonly commands = new Map<string, Rec>();
  private readonly invocations = new Map<string, Rec>();
  private readonly windows = new Map<string, Rec>();
  private readonly automations = new Map<string, Map<string, Rec>>();
  private readonly workflows = new Map<string, { members: Rec; steps: Map<string, Rec> }>();
  /** How many answers were taken in. */
  answers = 0;

  /** Takes in one successful answer (`answer`: its parsed body) to `request` of `operationId`. */
  add(operationId: string, request: unknown, answer: unknown): void {
    if (!isRecord(answer)) return;
    const input = isRecord(request) ? request : {};
    this.answers++;
    switch (operationId) {
      case "ListCommands":
        for (const command of recordsOf(answer["Commands"])) upsert(this.commands, text(command["CommandId"]), command);
        break;
      case "ListCommandInvocations":
        for (const invocation of recordsOf(answer["CommandInvocations"])) {
          const [command, instance] = [text(invocation["CommandId"]), text(invocation["InstanceId"])];
          upsert(this.invocations, command && instance ? `${command} ${instance}` : undefined, invocation);
        }
        break;
      case "GetMaintenanceWindowExecution":
        upsert(this.windows, text(answer["WindowExecutionId"]) ?? text(input["WindowExecutionId"]), answer);
        break;
      case "DescribeAutomationStepExecutions": {
        const id = text(input["AutomationExecutionId"]);
        if (id === undefined) break;
        const steps = this.automations.get(id) ?? new Map<string, Rec>();
        for (const step of recordsOf(answer["StepExecutions"])) upsert(steps, text(step["StepExecutionId"]), step);
        this.automations.set(id, steps);
        break;
      }
      case "ListWorkflowStepExecutions": {
        const id = text(answer["workflowExecutionId"]) ?? text(input["workflowExecutionId"]);
        if (id === undefined) break;
        const { steps, requestId: _requestId, nextToken: _nextToken, ...members } = answer;
        const held = this.workflows.get(id) ?? { members: {}, steps: new Map<string, Rec>() };
        held.members = mergeRecord(held.members, { ...members, workflowExecutionId: id });
        for (const step of recordsOf(steps)) upsert(held.steps, text(step["stepExecutionId"]), step);
        this.workflows.set(id, held);
        break;
      }
    }
  }

  /** The data set recorded so far (copies: later answers do not change it). */
  toDataSet(): RecordedDataSet {
    return structuredClone({
      Commands: [...this.commands.values()],
      CommandInvocations: [...this.invocations.values()],
      MaintenanceWindowExecutions: [...this.windows.values()],
      AutomationExecutions: [...this.automations].map(([AutomationExecutionId, steps]) => ({ AutomationExecutionId, StepExecutions: [...steps.values()] })),
      WorkflowExecutions: [...this.workflows.values()].map(({ members, steps }) => ({ ...members, steps: [...steps.values()] })),
    });
  }
}

/**
 * The recording's line in the summary: what it holds, and whether the mock loads it as it is (an
 * answer that broke the contract, such as a member the contract does not know, makes a record the
 * mock's validation refuses; the file is written anyway, and the violations report names the member).
 */
export function describeRecording(file: string, recorded: RecordedDataSet): string {
  const counts = Object.entries(recorded).map(([name, records]) => `${(records as unknown[]).length} ${name}`).join(", ");
  try {
    loadDataSet(structuredClone(recorded), file);
    return `Recording: ${counts}, written to ${file}`;
  } catch (error) {
    if (!(error instanceof DataSetError)) throw error;
    return `Recording: ${counts}, written to ${file}; the mock refuses it as it is:\n${error.message}`;
  }
}

