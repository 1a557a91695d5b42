/**
 * What a state means for its service, for records on a timeline: which statuses are terminal and
 * which have not started, the end (and start) times a record only has once it has ended (started),
 * and an invocation's plugins following its Status when a state changes only the invocation. Applied
 * to the states of records that carry a Timeline, so a data file can hold a run's final times in the
 * record and let the timeline reveal them. A command's own progress follows from its invocations
 * (command-status.ts).
 */
import type { TimelineShape } from "./timeline.js";
import type { Rec } from "./types.js";

/** The kinds of record a timeline can be on: the five collections' records and the executions' steps. */
export type ProgressKind = "Command" | "CommandInvocation" | "MaintenanceWindowExecution" | "AutomationExecution" | "StepExecution" | "WorkflowExecution" | "WorkflowStep";

interface Lifecycle {
  /** The member holding the status. */
  status: string;
  /** Statuses after which the record does not change. */
  terminal: ReadonlySet<string>;
  /** Statuses of a record that has not started (it has no start time yet). */
  notStarted: ReadonlySet<string>;
  start?: string;
  end?: string;
}

// AutomationExecutionStatus: the statuses a step ends in.
const STEP: Lifecycle = {
  status: "StepStatus",
  terminal: new Set(["Success", "TimedOut", "Cancelled", "Failed", "Rejected", "ChangeCalendarOverrideRejected", "CompletedWithSuccess", "CompletedWithFailure", "Exited"]),
  notStarted: new Set(["Pending"]),
  start: "ExecutionStartTime",
  end: "ExecutionEndTime",
};
// MaintenanceWindowExecutionStatus: a skipped execution has ended too (it ran no task).
const WINDOW: Lifecycle = {
  status: "Status",
  terminal: new Set(["SUCCESS", "FAILED", "TIMED_OUT", "CANCELLED", "SKIPPED_OVERLAPPING"]),
  notStarted: new Set(),
  end: "EndTime",
};
// WorkflowStepExecutionStatus: a skipped step never started.
const WORKFLOW_STEP: Lifecycle = {
  status: "status",
  terminal: new Set(["COMPLETED", "FAILED", "CANCELLED", "SKIPPED"]),
  notStarted: new Set(["PENDING", "SKIPPED"]),
  start: "startTime",
  end: "endTime",
};
// CommandPluginStatus.
const PLUGIN: Lifecycle = {
  status: "Status",
  terminal: new Set(["Success", "TimedOut", "Cancelled", "Failed"]),
  notStarted: new Set(["Pending"]),
  start: "ResponseStartDateTime",
  end: "ResponseFinishDateTime",
};

const LIFECYCLES: Partial<Record<ProgressKind, Lifecycle>> = { StepExecution: STEP, MaintenanceWindowExecution: WINDOW, WorkflowStep: WORKFLOW_STEP };

export const isTerminal = (kind: ProgressKind, record: Rec): boolean => {
  const lifecycle = LIFECYCLES[kind];
  return lifecycle !== undefined && lifecycle.terminal.has(record[lifecycle.status] as string);
};
export const hasStarted = (kind: ProgressKind, record: Rec): boolean => {
  const lifecycle = LIFECYCLES[kind];
  return lifecycle !== undefined && !lifecycle.notStarted.has(record[lifecycle.status] as string);
};
/** The member of a kind's start and end time, where it has them. */
export const timesOf = (kind: ProgressKind): { start?: string; end?: string } => LIFECYCLES[kind] ?? {};

/** The record without the times it cannot have yet: an end time before it has ended, a start time before it has started. */
function withinLifecycle(record: Rec, lifecycle: Lifecycle): Rec {
  const status = record[lifecycle.status] as string;
  const dropEnd = lifecycle.end !== undefined && !lifecycle.terminal.has(status) && Object.hasOwn(record, lifecycle.end);
  const dropStart = lifecycle.start !== undefined && lifecycle.notStarted.has(status) && Object.hasOwn(record, lifecycle.start);
  if (!dropEnd && !dropStart) return record;
  const copy = { ...record };
  if (dropEnd) delete copy[lifecycle.end!];
  if (dropStart) delete copy[lifecycle.start!];
  return copy;
}

/** The state as served: for a record on a timeline, only the times its status allows. */
export function servedState(kind: ProgressKind, state: Rec): Rec {
  if (kind === "CommandInvocation") {
    const plugins = state["CommandPlugins"];
    if (!Array.isArray(plugins)) return state;
    const served = plugins.map((plugin: Rec) => withinLifecycle(plugin, PLUGIN));
    return served.some((plugin, i) => plugin !== plugins[i]) ? { ...state, CommandPlugins: served } : state;
  }
  const lifecycle = LIFECYCLES[kind];
  return lifecycle ? withinLifecycle(state, lifecycle) : state;
}

/** A plugin's Status for its invocation's: CommandPluginStatus has neither Delayed (not delivered yet) nor Cancelling. */
const pluginStatus = (status: unknown): unknown => (status === "Delayed" ? "Pending" : status === "Cancelling" ? "InProgress" : status);

/** A state that changes an invocation's Status but not its plugins: each plugin takes the invocation's Status and StatusDetails. */
function pluginsFollow(_previous: Rec, entry: Rec, next: Rec): void {
  const changesStatus = Object.hasOwn(entry, "Status") || Object.hasOwn(entry, "StatusDetails");
  const plugins = next["CommandPlugins"];
  if (!changesStatus || Object.hasOwn(entry, "CommandPlugins") || !Array.isArray(plugins)) return;
  next["CommandPlugins"] = plugins.map((plugin: Rec) => ({ ...plugin, Status: pluginStatus(next["Status"]), StatusDetails: next["StatusDetails"] }));
}

export const SHAPES: Record<ProgressKind, TimelineShape> = {
  Command: { identity: ["CommandId"] },
  CommandInvocation: { identity: ["CommandId", "InstanceId"], merged: pluginsFollow },
  MaintenanceWindowExecution: { identity: ["WindowExecutionId"] },
  AutomationExecution: { identity: ["AutomationExecutionId"], nested: "StepExecutions" },
  StepExecution: { identity: ["StepExecutionId"] },
  WorkflowExecution: { identity: ["workflowExecutionId"], nested: "steps" },
  WorkflowStep: { identity: ["stepExecutionId"] },
};
