/**
 * The timelines of a whole data set, read once when it loads: each record's states (as served), when
 * each begins and when the record appears; the runs the records belong to (a command and its
 * invocations, an execution and its steps), whose answers the read counts count; and the checks the
 * loader runs on every state. Shorthand: a command's invocations that have no timeline of their own
 * follow the command's (its Status and StatusDetails at each entry), so one timeline on the command
 * moves the whole run.
 */
import { commandProgress, DERIVED_COMMAND_MEMBERS } from "./command-status.js";
import { servedState, SHAPES, type ProgressKind } from "./progress-rules.js";
import { APPEARS_AT, baseOf, formatAt, parseAppearsAt, parseTimeline, stateIndex, TIMELINE, type AtKind, type ParsedTimeline } from "./timeline.js";
import type { CollectionName, DataSet, Rec } from "./types.js";

/** The moment an answer is given at: time since the data set was loaded, and how often each run was answered before. */
export interface Moment {
  elapsedMs: number;
  reads(run: string): number;
}

/** The run a record's read counts belong to. */
export const runOf = {
  command: (commandId: unknown): string => `Commands ${String(commandId)}`,
  window: (id: unknown): string => `MaintenanceWindowExecutions ${String(id)}`,
  automation: (id: unknown): string => `AutomationExecutions ${String(id)}`,
  workflow: (id: unknown): string => `WorkflowExecutions ${String(id)}`,
};

/** One record's states over time. */
export class Progression {
  constructor(
    readonly run: string,
    readonly kind: AtKind,
    /** When each state after the first begins (ms since load, or a read count), ascending. */
    readonly points: readonly number[],
    /** The states as served; index 0 is the record's own. */
    readonly states: readonly Rec[],
    /** When the record appears; undefined when it is there from the start. */
    readonly appears: number | undefined,
  ) {}

  valueAt(moment: Moment): number {
    return this.kind === "time" ? moment.elapsedMs : moment.reads(this.run);
  }

  /** The index of the state in force at `moment`, or -1 while the record has not appeared. */
  indexAt(moment: Moment): number {
    const value = this.valueAt(moment);
    if (this.appears !== undefined && value < this.appears) return -1;
    return stateIndex(this.points, value);
  }

  /** The read counts or times at which this record changes. */
  get changes(): number[] {
    return this.appears === undefined ? [...this.points] : [this.appears, ...this.points];
  }
}

/** A state of a record to validate, and how messages name it ("" for the record itself). */
export interface StateCheck {
  label: string;
  record: Rec;
  /**
   * A state's members that differ from the record's own, when it removes none: as valid as the
   * whole state exactly when the state is (the schemas' rules are per member), and much cheaper to
   * validate in bulk.
   */
  changed?: Rec;
}

/** The members of `state` that are not the very values of `base`; undefined when `state` lacks one of base's members. */
function changedMembers(state: Rec, base: Rec): Rec | undefined {
  for (const key in base) if (!Object.hasOwn(state, key)) return undefined;
  const changed: Rec = {};
  for (const key in state) if (state[key] !== base[key]) changed[key] = state[key];
  return changed;
}

export interface Progressions {
  /** By record object (a collection's record or an execution's step). */
  byRecord: Map<Rec, Progression>;
  /** For each record that carries timeline members: the states to validate in its place. */
  checks: Map<Rec, StateCheck[]>;
  /** Runs that have a record on a timeline (their commands' progress is derived from their invocations). */
  runs: Set<string>;
  /** The runs whose records change by read count. */
  readRuns: Set<string>;
  faults: string[];
}

export type Where = (collection: CollectionName, index: number) => string;

/** Invocation StatusDetails for a command's state in the shorthand (the command-only details have none). */
const INVOCATION_DETAILS = new Set(["Pending", "InProgress", "Delayed", "Success", "Delivery Timed Out", "Execution Timed Out", "Failed", "Cancelled", "Cancelling", "Undeliverable", "Terminated"]);
const DEFAULT_DETAILS: Record<string, string> = { Pending: "Pending", InProgress: "InProgress", Success: "Success", Failed: "Failed", Cancelled: "Cancelled", Cancelling: "Cancelling" };

interface Parsed {
  timeline: ParsedTimeline | undefined;
  appears: { kind: AtKind; value: number } | undefined;
}

const hasTimelineMembers = (record: Rec): boolean => Object.hasOwn(record, TIMELINE) || Object.hasOwn(record, APPEARS_AT);

/** The command's derived members for its invocations' states (undefined: not appeared yet, so Pending). */
export function derivedCommand(own: Rec, invocations: ReadonlyArray<Rec | undefined>): Rec {
  if (invocations.length === 0) return own;
  return { ...own, ...commandProgress(invocations.map((state) => state ?? { Status: "Pending" }), own["MaxErrors"]) };
}

export function buildProgressions(set: DataSet, where: Where): Progressions {
  const result: Progressions = { byRecord: new Map(), checks: new Map(), runs: new Set(), readRuns: new Set(), faults: [] };
  const runKinds = new Map<string, { kind: AtKind; where: string }>();

  /** Reads a record's Timeline and AppearsAt; records the faults under `at`. */
  const read = (record: Rec, kind: ProgressKind, at: string): Parsed | undefined => {
    const timeline = parseTimeline(record, SHAPES[kind]);
    const appears = parseAppearsAt(record);
    if (!timeline.ok) for (const fault of timeline.faults) result.faults.push(`${at} ${fault}`);
    if (!appears.ok) result.faults.push(`${at}: ${appears.message}`);
    if (!timeline.ok || !appears.ok) return undefined;
    const parsed: Parsed = { timeline: timeline.timeline, appears: appears.value };
    if (parsed.timeline && parsed.appears && parsed.timeline.points.length > 0 && parsed.appears.kind !== parsed.timeline.kind) {
      result.faults.push(`${at}: '${APPEARS_AT}' and its ${TIMELINE} must both be durations or both read counts`);
      return undefined;
    }
    return parsed;
  };

  /** Registers a record's progression in `run`, checking that the run progresses by one measure. */
  const register = (record: Rec, kind: ProgressKind, parsed: Parsed, run: string, at: string): Progression | undefined => {
    if (!parsed.timeline && !parsed.appears) return undefined;
    const measure = parsed.timeline && parsed.timeline.points.length > 0 ? parsed.timeline.kind : parsed.appears?.kind ?? parsed.timeline!.kind;
    const known = runKinds.get(run);
    if (known && known.kind !== measure) {
      result.faults.push(`${at}: changes by ${measure === "time" ? "durations" : "read counts"} but ${known.where} by ${known.kind === "time" ? "durations" : "read counts"}; the records of one run progress by one measure`);
      return undefined;
    }
    if (!known) runKinds.set(run, { kind: measure, where: at });
    const states = (parsed.timeline?.states ?? [baseOf(record)]).map((state) => (parsed.timeline ? servedState(kind, state) : state));
    const progression = new Progression(run, measure, parsed.timeline?.points ?? [], states, parsed.appears?.value);
    result.byRecord.set(record, progression);
    result.runs.add(run);
    if (measure === "reads") result.readRuns.add(run);
    return progression;
  };

  /** The states to validate for a record: the record itself, then each entry's state. */
  const stateChecks = (progression: Progression | undefined, record: Rec, suffix = ""): StateCheck[] => {
    if (!progression) return [{ label: "", record: baseOf(record) }];
    const [base, ...later] = progression.states;
    const checks: StateCheck[] = [{ label: "", record: base! }];
    later.forEach((state, i) => {
      const changed = changedMembers(state, base!);
      checks.push(changed ? { label: ` ${TIMELINE}[${i}]${suffix}`, record: state, changed } : { label: ` ${TIMELINE}[${i}]${suffix}`, record: state });
    });
    return checks;
  };

  // Commands, then their invocations (which may follow the command's timeline).
  const commandTimelines = new Map<string, { timeline: ParsedTimeline; at: string }>();
  set.Commands.forEach((record, index) => {
    if (!hasTimelineMembers(record)) return;
    const at = where("Commands", index);
    const parsed = read(record, "Command", at);
    if (!parsed) return;
    const progression = register(record, "Command", parsed, runOf.command(record["CommandId"]), at);
    if (parsed.timeline) commandTimelines.set(String(record["CommandId"]), { timeline: parsed.timeline, at });
    result.checks.set(record, stateChecks(progression, record));
  });
  const invocationsOf = new Map<string, Rec[]>();
  set.CommandInvocations.forEach((record, index) => {
    const commandId = String(record["CommandId"]);
    const list = invocationsOf.get(commandId) ?? [];
    list.push(record);
    invocationsOf.set(commandId, list);
    const inherited = !Object.hasOwn(record, TIMELINE) ? commandTimelines.get(commandId) : undefined;
    if (!hasTimelineMembers(record) && !inherited) return;
    const at = where("CommandInvocations", index);
    let source = record;
    if (inherited) {
      const entries = followCommand(inherited.timeline, (fault) => result.faults.push(`${inherited.at} ${fault}, which its invocation ${at} follows (it has no ${TIMELINE} of its own)`));
      if (!entries) return;
      source = { ...record, [TIMELINE]: entries };
    }
    const parsed = read(source, "CommandInvocation", at);
    if (!parsed) return;
    const progression = register(record, "CommandInvocation", parsed, runOf.command(commandId), at);
    result.checks.set(record, stateChecks(progression, record, inherited ? " (its command's)" : ""));
  });
  checkCommandsAgree(set, result, invocationsOf, where);

  set.MaintenanceWindowExecutions.forEach((record, index) => {
    if (!hasTimelineMembers(record)) return;
    const at = where("MaintenanceWindowExecutions", index);
    const parsed = read(record, "MaintenanceWindowExecution", at);
    if (!parsed) return;
    result.checks.set(record, stateChecks(register(record, "MaintenanceWindowExecution", parsed, runOf.window(record["WindowExecutionId"]), at), record));
  });

  const executions = (collection: "AutomationExecutions" | "WorkflowExecutions", kind: ProgressKind, stepKind: ProgressKind, stepsMember: string, run: (record: Rec) => string): void => {
    (set[collection] as unknown as Rec[]).forEach((record, index) => {
      const steps = Array.isArray(record[stepsMember]) ? (record[stepsMember] as Rec[]) : [];
      if (!hasTimelineMembers(record) && !steps.some((step) => step && typeof step === "object" && hasTimelineMembers(step))) return;
      const at = where(collection, index);
      const parsed = read(record, kind, at);
      const own = parsed ? register(record, kind, parsed, run(record), at) : undefined;
      const stepProgressions = steps.map((step, j) => {
        if (!step || typeof step !== "object" || !hasTimelineMembers(step)) return undefined;
        const stepAt = `${at} ${stepsMember}[${j}]`;
        const stepParsed = read(step, stepKind, stepAt);
        return stepParsed ? register(step, stepKind, stepParsed, run(record), stepAt) : undefined;
      });
      const baseSteps = steps.map((step, j) => stepProgressions[j]?.states[0] ?? (step && typeof step === "object" ? baseOf(step) : step));
      const whole = (members: Rec, stepList: unknown[]): Rec => ({ ...members, [stepsMember]: stepList });
      const checks: StateCheck[] = stateChecks(own, record).map((check) => ({ label: check.label, record: whole(check.record, baseSteps) }));
      stepProgressions.forEach((progression, j) => {
        progression?.states.slice(1).forEach((state, k) => {
          const stepList = [...baseSteps];
          stepList[j] = state;
          checks.push({ label: ` ${stepsMember}[${j}] ${TIMELINE}[${k}]`, record: whole(checks[0]!.record, stepList) });
        });
      });
      result.checks.set(record, checks);
    });
  };
  executions("AutomationExecutions", "AutomationExecution", "StepExecution", "StepExecutions", (record) => runOf.automation(record["AutomationExecutionId"]));
  executions("WorkflowExecutions", "WorkflowExecution", "WorkflowStep", "steps", (record) => runOf.workflow(record["workflowExecutionId"]));
  return result;
}

/** The timeline an invocation without one follows: at each of its command's entries, the command's Status and StatusDetails, as an invocation has them. */
function followCommand(timeline: ParsedTimeline, fault: (text: string) => void): Rec[] | undefined {
  const entries: Rec[] = [];
  let ok = true;
  timeline.sets.forEach((members, k) => {
    const state = timeline.states[k + 1]!;
    const at = formatAt({ kind: timeline.kind, value: timeline.points[k]! });
    const entry: Rec = { at };
    if (members.has("Status") || members.has("StatusDetails")) {
      const status = state["Status"] as string;
      const details = members.has("StatusDetails") ? (state["StatusDetails"] as string) : DEFAULT_DETAILS[status];
      if (details === undefined || !INVOCATION_DETAILS.has(details)) {
        fault(`${TIMELINE}[${k}]: ${details === undefined ? `Status '${status}' needs its StatusDetails` : `StatusDetails '${details}' is a command's, not an invocation's`}`);
        ok = false;
      }
      entry["Status"] = status;
      entry["StatusDetails"] = details;
    }
    entries.push(entry);
  });
  return ok ? entries : undefined;
}

/**
 * A command on a timeline whose invocations are in the data set: the members its states set among
 * those that follow from the invocations must agree with them at every change of the run.
 */
function checkCommandsAgree(set: DataSet, result: Progressions, invocationsOf: Map<string, Rec[]>, where: Where): void {
  set.Commands.forEach((record, position) => {
    const own = result.byRecord.get(record);
    const invocations = invocationsOf.get(String(record["CommandId"])) ?? [];
    if (!own || own.points.length === 0 || invocations.length === 0 || result.faults.length > 0) return;
    const progressions = invocations.map((invocation) => result.byRecord.get(invocation));
    const changes = [...new Set([...own.points, ...progressions.flatMap((p) => p?.changes ?? [])])].sort((a, b) => a - b);
    const timeline = parseTimeline(record, SHAPES.Command);
    if (!timeline.ok || !timeline.timeline) return;
    const { sets } = timeline.timeline;
    for (const value of changes) {
      const moment: Moment = { elapsedMs: value, reads: () => value };
      const index = own.indexAt(moment);
      if (index <= 0) continue;
      const written = new Set(sets.slice(0, index).flatMap((members) => [...members]));
      const states = invocations.map((invocation, i) => {
        const progression = progressions[i];
        if (!progression) return baseOf(invocation);
        const at = progression.indexAt(moment);
        return at < 0 ? undefined : progression.states[at];
      });
      const derived = derivedCommand(own.states[index]!, states);
      const wrong = DERIVED_COMMAND_MEMBERS.filter((member) => written.has(member) && own.states[index]![member] !== derived[member]);
      if (wrong.length > 0) {
        const at = JSON.stringify(formatAt({ kind: own.kind, value }));
        result.faults.push(
          `${where("Commands", position)} ${TIMELINE}[${index - 1}]: ${wrong.map((m) => `${m} ${JSON.stringify(own.states[index]![m])}`).join(", ")} disagree${wrong.length === 1 ? "s" : ""} with its invocations at ${at}, which give ${wrong.map((m) => `${m} ${JSON.stringify(derived[m])}`).join(", ")} (MaxErrors ${JSON.stringify(record["MaxErrors"])}); a command's Status, StatusDetails and counts follow from its invocations`,
        );
        return;
      }
    }
  });
}
