/**
 * Generated runs in progress: a generated data set's records (each as it ends up) turned into
 * records on a timeline that replays each run from the moment it was sent, around the instant
 * `anchorMs`, which becomes the moment the data set loads (every timestamp is written relative to
 * it, `"now-12m3s"`). What happened before the anchor is at `"0s"` (it holds from the load on);
 * what happens after it is at its delay since the load, so the newest runs move while a test
 * watches. The record itself is the run as it was sent (Pending); each state follows the services'
 * rules (data/command-status.ts, data/progress-rules.ts): a command's states follow from its
 * invocations', an invocation's plugins from the invocation, steps start one after another, and
 * end times come with terminal states.
 */
import { commandProgress, DERIVED_COMMAND_MEMBERS, type InvocationStatus } from "../data/command-status.js";
import { COLLECTIONS } from "../data/collections.js";
import { timestampsOf } from "../data/load.js";
import { timestampsRelative } from "../data/timestamps.js";
import { formatDuration } from "../clock/duration.js";
import type { DataSet, Rec } from "../data/types.js";
import type { Random } from "./random.js";

/** A state and the instant (epoch ms) it begins at. */
interface Change {
  atMs: number;
  state: Rec;
}

const seconds = (value: unknown): number | undefined => (typeof value === "number" ? Math.round(value * 1000) : undefined);
const iso = (value: unknown): number | undefined => (typeof value === "string" ? Date.parse(value) : undefined);

/** The Timeline of changes (in order), each `at` its delay after the anchor, or "0s" for one before it. */
function timelineOf(changes: readonly Change[], anchorMs: number): Rec[] {
  return [...changes].sort((a, b) => a.atMs - b.atMs).map(({ atMs, state }) => ({ at: formatDuration(Math.max(0, atMs - anchorMs)), ...state }));
}

const PENDING_PLUGIN = { Status: "Pending", StatusDetails: "Pending", ResponseCode: -1, Output: "", StandardOutputUrl: "", StandardErrorUrl: "" };

/** An invocation as sent (Pending) and its changes: delivered (InProgress, or Delayed), then its end. */
function invocationChanges(final: Rec, expiresMs: number | undefined, random: Random): { base: Rec; changes: Change[] } {
  const plugins = (final["CommandPlugins"] as Rec[] | undefined) ?? [];
  const base: Rec = { ...final, Status: "Pending", StatusDetails: "Pending", TraceOutput: "", StandardOutputUrl: "", StandardErrorUrl: "", CommandPlugins: plugins.map((plugin) => ({ ...plugin, ...PENDING_PLUGIN })) };
  const requestedMs = seconds(final["RequestedDateTime"]) ?? 0;
  const startMs = seconds(plugins[0]?.["ResponseStartDateTime"]);
  const finishMs = seconds(plugins[0]?.["ResponseFinishDateTime"]);
  const ending: Rec = {};
  for (const member of ["Status", "StatusDetails", "TraceOutput", "StandardOutputUrl", "StandardErrorUrl", "CommandPlugins"]) if (final[member] !== undefined) ending[member] = final[member];
  const changes: Change[] = [];
  const status = final["Status"];
  if (startMs !== undefined) changes.push({ atMs: startMs, state: { Status: "InProgress", StatusDetails: "InProgress" } });
  if (status === "Delayed") changes.push({ atMs: requestedMs + random.int(5, 60) * 1000, state: ending });
  else if (final["StatusDetails"] === "Delivery Timed Out") changes.push({ atMs: expiresMs ?? requestedMs + 3_600_000, state: ending });
  else if (finishMs !== undefined) changes.push({ atMs: finishMs, state: ending });
  return { base, changes };
}

/** The command's changes, one wherever an invocation changes: its derived members then (only those that changed). */
function commandChanges(command: Rec, runs: ReadonlyArray<{ base: Rec; changes: Change[] }>): { base: Rec; changes: Change[] } {
  const derive = (states: InvocationStatus[]): Rec => ({ ...commandProgress(states, command["MaxErrors"]) });
  const initial = derive(runs.map((run) => run.base));
  const base: Rec = { ...command, ...initial };
  const points = [...new Set(runs.flatMap((run) => run.changes.map((change) => change.atMs)))].sort((a, b) => a - b);
  const changes: Change[] = [];
  let previous = initial;
  for (const atMs of points) {
    const states = runs.map((run) => {
      let state = run.base;
      for (const change of run.changes) if (change.atMs <= atMs) state = { ...state, ...change.state };
      return state;
    });
    const now = derive(states);
    const changed: Rec = {};
    for (const member of DERIVED_COMMAND_MEMBERS) if (now[member] !== previous[member]) changed[member] = now[member];
    if (Object.keys(changed).length > 0) changes.push({ atMs, state: changed });
    previous = now;
  }
  return { base, changes };
}

/** A step or execution as it was before it started, and its changes: started, then ended (with what only an ended one has). */
function lifecycleChanges(final: Rec, statusMember: string, pending: string, running: string, startMs: number | undefined, endMs: number | undefined, endOnly: readonly string[]): { base: Rec; changes: Change[] } {
  const base: Rec = { ...final, [statusMember]: pending };
  for (const member of endOnly) delete base[member];
  const ending: Rec = { [statusMember]: final[statusMember] };
  for (const member of endOnly) if (final[member] !== undefined) ending[member] = final[member];
  const changes: Change[] = [];
  if (final[statusMember] === pending) return { base, changes };
  if (startMs !== undefined) changes.push({ atMs: startMs, state: { [statusMember]: running } });
  if (final[statusMember] !== running && endMs !== undefined) changes.push({ atMs: endMs, state: ending });
  return { base, changes };
}

const STEP_END_ONLY = ["Outputs", "Response", "ResponseCode", "FailureMessage", "FailureDetails", "IsEnd"];
const WORKFLOW_STEP_END_ONLY = ["message", "outputs", "rollbackStatus"];

/** Puts every record of `set` on a timeline around `anchorMs` (see the module comment), in place; returns it. */
export function withTimelines(set: DataSet, random: Random, anchorMs: number): DataSet {
  const commands = new Map(set.Commands.map((command) => [command["CommandId"], command]));
  const runs = new Map<unknown, Array<{ base: Rec; changes: Change[] }>>();
  set.CommandInvocations = set.CommandInvocations.map((final) => {
    const expiresMs = seconds(commands.get(final["CommandId"])?.["ExpiresAfter"]);
    const run = invocationChanges(final, expiresMs, random);
    const list = runs.get(final["CommandId"]) ?? [];
    list.push(run);
    runs.set(final["CommandId"], list);
    return { ...run.base, Timeline: timelineOf(run.changes, anchorMs) };
  });
  set.Commands = set.Commands.map((command) => {
    const { base, changes } = commandChanges(command, runs.get(command["CommandId"]) ?? []);
    return { ...base, Timeline: timelineOf(changes, anchorMs) };
  });
  set.MaintenanceWindowExecutions = set.MaintenanceWindowExecutions.map((final) => {
    // A skipped execution never ran: it goes from pending to skipped.
    const startMs = final["Status"] === "SKIPPED_OVERLAPPING" ? undefined : seconds(final["StartTime"]);
    const { base, changes } = lifecycleChanges(final, "Status", "PENDING", "IN_PROGRESS", startMs === undefined ? undefined : startMs + random.int(1, 30) * 1000, seconds(final["EndTime"]), ["StatusDetails"]);
    return { ...base, Timeline: timelineOf(changes, anchorMs) };
  });
  set.AutomationExecutions = set.AutomationExecutions.map((execution) => ({
    ...execution,
    StepExecutions: execution.StepExecutions.map((final) => {
      const { base, changes } = lifecycleChanges(final, "StepStatus", "Pending", "InProgress", seconds(final["ExecutionStartTime"]), seconds(final["ExecutionEndTime"]), STEP_END_ONLY);
      return { ...base, Timeline: timelineOf(changes, anchorMs) };
    }),
  }));
  set.WorkflowExecutions = set.WorkflowExecutions.map((final) => {
    const steps = (final["steps"] as Rec[]).map((step) => ({ step, startMs: iso(step["startTime"]), endMs: iso(step["endTime"]) }));
    // Steps after a failed one are skipped when it fails; until then they are pending.
    const failedAt = steps.find(({ step }) => step["status"] === "FAILED")?.endMs;
    const lastEnd = Math.max(...steps.map(({ endMs }) => endMs ?? -Infinity));
    const running = steps.some(({ step }) => step["status"] === "RUNNING");
    const members: Rec = { ...final, message: "Workflow is running." };
    const ended = !running && Number.isFinite(lastEnd) ? [{ at: formatDuration(Math.max(0, lastEnd - anchorMs)), message: final["message"] }] : [];
    return {
      ...members,
      Timeline: final["message"] === members["message"] ? [] : ended,
      steps: steps.map(({ step, startMs, endMs }) => {
        if (step["status"] === "SKIPPED") return { ...step, status: "PENDING", Timeline: failedAt === undefined ? [] : timelineOf([{ atMs: failedAt, state: { status: "SKIPPED" } }], anchorMs) };
        const { base, changes } = lifecycleChanges(step, "status", "PENDING", "RUNNING", startMs, endMs, WORKFLOW_STEP_END_ONLY);
        return { ...base, Timeline: timelineOf(changes, anchorMs) };
      }),
    };
  });
  // Every time relative to the anchor: the moment the data set loads.
  for (const collection of COLLECTIONS) {
    const paths = timestampsOf(collection);
    for (const record of set[collection.name] as unknown as Rec[]) timestampsRelative(collection.wrap(record), paths, anchorMs);
  }
  return set;
}
