/**
 * A loaded data set, indexed for the operations: by ID, by status, by managed node, in the order
 * the operations list records; each record is serialised to its wire JSON once, the first time it is
 * sent, so that a request only picks and joins strings (no validation, sorting or serialising per
 * request) and loading a large data set does not pay for records nobody asks for.
 */
import { loadedProgressions } from "./load.js";
import { buildProgressions, derivedCommand, runOf, type Moment, type Progression, type Progressions } from "./progressions.js";
import { scopeOf } from "./records.js";
import type { DataSet, Rec } from "./types.js";

const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);

/** A record on a timeline: its view of each state, each made on first use. */
class Live<V> {
  private readonly views: Array<V | undefined>;
  constructor(
    readonly progression: Progression,
    private readonly make: (state: Rec) => V,
  ) {
    this.views = new Array<V | undefined>(progression.states.length);
  }

  /** The index of the state in force (-1: not appeared yet). */
  indexAt(moment: Moment): number {
    return this.progression.indexAt(moment);
  }

  at(moment: Moment): V | undefined {
    const index = this.progression.indexAt(moment);
    if (index < 0) return undefined;
    return (this.views[index] ??= this.make(this.progression.states[index]!));
  }

  /** The last state: how the record ends. */
  get last(): Rec {
    return this.progression.states[this.progression.states.length - 1]!;
  }
}

/** A record and its wire JSON, made on first use. */
export class StepEntry {
  private serialised: string | undefined;
  /** Its states, when it is on a timeline. */
  live: Live<StepEntry> | undefined;
  constructor(readonly record: Rec) {}
  get json(): string {
    this.serialised ??= JSON.stringify(this.record);
    return this.serialised;
  }
  /** The record as it is at `moment` (itself when it does not change); undefined while it has not appeared. */
  at(moment: Moment): StepEntry | undefined {
    return this.live ? this.live.at(moment) : this;
  }
}

/** A Command (or CommandInvocation) with the members the filters read. */
export class CommandEntry extends StepEntry {
  readonly requested: number | undefined;
  readonly status: string | undefined;
  readonly statusDetails: string | undefined;
  readonly documentName: string | undefined;
  declare live: Live<CommandEntry> | undefined;
  /** A command on a timeline: its invocations, whose states its progress follows. */
  follows: InvocationEntry[] | undefined;
  private lastDerived: { key: string; view: CommandEntry } | undefined;
  constructor(record: Rec) {
    super(record);
    this.requested = num(record["RequestedDateTime"]);
    this.status = str(record["Status"]);
    this.statusDetails = str(record["StatusDetails"]);
    this.documentName = str(record["DocumentName"]);
  }

  override at(moment: Moment): CommandEntry | undefined {
    const own = this.live ? this.live.at(moment) : this;
    if (!own || !this.follows) return own;
    // Its progress from its invocations' states; the last one made is kept (states change rarely).
    const indexes = this.follows.map((invocation) => invocation.indexAt(moment));
    const key = `${this.live?.indexAt(moment) ?? 0} ${indexes.join(",")}`;
    if (this.lastDerived?.key === key) return this.lastDerived.view;
    const states = this.follows.map((invocation) => invocation.at(moment)?.record);
    const view = new CommandEntry(derivedCommand(own.record, states));
    this.lastDerived = { key, view };
    return view;
  }
}

export class InvocationEntry extends CommandEntry {
  readonly commandId: string;
  readonly instanceId: string;
  declare live: Live<InvocationEntry> | undefined;
  /** Its command, when the command appears later: the invocation is not there before it. */
  command: CommandEntry | undefined;
  private brief: string | undefined;
  constructor(record: Rec) {
    super(record);
    this.commandId = record["CommandId"] as string;
    this.instanceId = record["InstanceId"] as string;
  }
  /** The wire JSON without the plugins' details (`Details` false): the service sends an empty list. */
  get briefJson(): string {
    if (this.brief === undefined) {
      const { CommandPlugins: _plugins, ...brief } = this.record;
      this.brief = JSON.stringify({ ...brief, CommandPlugins: [] });
    }
    return this.brief;
  }

  indexAt(moment: Moment): number {
    if (this.command?.live && this.command.live.indexAt(moment) < 0) return -1;
    return this.live ? this.live.indexAt(moment) : 0;
  }

  override at(moment: Moment): InvocationEntry | undefined {
    if (this.command?.live && this.command.live.indexAt(moment) < 0) return undefined;
    return this.live ? this.live.at(moment) : this;
  }
}

/** The members of a workflow execution's answer other than `steps`, `requestId` and `nextToken`, as JSON object members (`"k":v,...`). */
export class WorkflowMembers {
  readonly membersJson: string;
  live: Live<WorkflowMembers> | undefined;
  constructor(record: Rec) {
    const { steps: _steps, requestId: _requestId, nextToken: _nextToken, Timeline: _timeline, AppearsAt: _appears, ...members } = record;
    this.membersJson = JSON.stringify(members).slice(1, -1);
  }
  at(moment: Moment): WorkflowMembers | undefined {
    return this.live ? this.live.at(moment) : this;
  }
}

export interface WorkflowEntry {
  record: Rec;
  members: WorkflowMembers;
  steps: StepEntry[];
}

/** Newest first (how the service lists commands), records without a time last, ties in data-set order. */
function newestFirst<T extends { requested: number | undefined }>(entries: T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (b.entry.requested ?? -Infinity) - (a.entry.requested ?? -Infinity) || a.index - b.index)
    .map(({ entry }) => entry);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface StoreOptions {
  /** When the data set was loaded, epoch ms on the mock's clock: timelines count from here. Default: the machine's time. */
  loadedAt?: number;
  /** How many single-record changes touched each token scope (records.ts) since the data set loaded. */
  scopes?: ReadonlyMap<string, number>;
}

export class DataStore {
  /** Commands, newest first. */
  readonly commands: CommandEntry[];
  readonly commandById = new Map<string, CommandEntry>();
  /** Commands by `Status` and by `StatusDetails` value (a Status filter reads one of these lists; not for commands that change). */
  readonly commandsByStatus = new Map<string, CommandEntry[]>();
  readonly commandsByStatusDetails = new Map<string, CommandEntry[]>();
  /** Commands that targeted a managed node: listed in its `InstanceIds`, or with an invocation on it. */
  readonly commandsByInstance = new Map<string, CommandEntry[]>();

  /** Invocations, newest first. */
  readonly invocations: InvocationEntry[];
  readonly invocationsByCommand = new Map<string, InvocationEntry[]>();
  readonly invocationsByInstance = new Map<string, InvocationEntry[]>();

  /** Every managed node ID the data set mentions. */
  readonly instances = new Set<string>();

  readonly windowExecutions = new Map<string, StepEntry>();
  /** Each Automation execution's steps, in the order of their start (not-yet-started steps last). */
  readonly automationSteps = new Map<string, StepEntry[]>();
  /** Automation executions that appear later. */
  readonly automationAppears = new Map<string, Progression>();
  readonly workflows = new Map<string, WorkflowEntry>();

  /** Whether any command or invocation is on a timeline (then the Status indexes are not used). */
  readonly commandsChange: boolean;
  readonly loadedAt: number;
  private readonly scopes: ReadonlyMap<string, number>;
  /** How many answers each run has had, for the runs that change by read count. */
  private readonly reads = new Map<string, number>();
  private readonly readRuns: ReadonlySet<string>;

  constructor(
    readonly data: DataSet,
    /** Changes with every data set a mock loads, so that its old pagination tokens are refused. */
    readonly generation: number | string,
    { loadedAt = Date.now(), scopes = new Map() }: StoreOptions = {},
  ) {
    this.loadedAt = loadedAt;
    this.scopes = scopes;
    const progressions: Progressions = loadedProgressions(data) ?? buildProgressions(data, (collection, index) => `${collection}[${index}]`);
    this.readRuns = progressions.readRuns;
    const live = <E extends { live: unknown }>(entry: E, record: Rec, make: (state: Rec) => unknown): E => {
      const progression = progressions.byRecord.get(record);
      if (progression) entry.live = new Live(progression, make);
      return entry;
    };
    this.commands = newestFirst(data.Commands.map((record) => live(new CommandEntry(record), record, (state) => new CommandEntry(state))));
    this.invocations = newestFirst(data.CommandInvocations.map((record) => live(new InvocationEntry(record), record, (state) => new InvocationEntry(state))));
    this.commandsChange = this.commands.some((entry) => entry.live) || this.invocations.some((entry) => entry.live);

    // The managed nodes each command targeted, then each node's commands in the commands' order.
    const nodesOf = new Map<string, Set<string>>();
    const target = (command: string, instance: string): void => {
      this.instances.add(instance);
      const nodes = nodesOf.get(command) ?? new Set<string>();
      nodes.add(instance);
      nodesOf.set(command, nodes);
    };
    for (const entry of this.commands) {
      const id = entry.record["CommandId"] as string;
      this.commandById.set(id, entry);
      if (!this.commandsChange) {
        if (entry.status !== undefined) pushTo(this.commandsByStatus, entry.status, entry);
        if (entry.statusDetails !== undefined) pushTo(this.commandsByStatusDetails, entry.statusDetails, entry);
      }
      for (const instance of (entry.record["InstanceIds"] as unknown[] | undefined) ?? []) if (typeof instance === "string") target(id, instance);
    }
    for (const entry of this.invocations) {
      pushTo(this.invocationsByCommand, entry.commandId, entry);
      pushTo(this.invocationsByInstance, entry.instanceId, entry);
      target(entry.commandId, entry.instanceId);
      const command = this.commandById.get(entry.commandId);
      if (command?.live?.progression.appears !== undefined) entry.command = command;
    }
    for (const entry of this.commands) {
      const id = entry.record["CommandId"] as string;
      for (const instance of nodesOf.get(id) ?? []) pushTo(this.commandsByInstance, instance, entry);
      // A run on a timeline: the command's progress is its invocations'.
      if (progressions.runs.has(runOf.command(id)) && this.invocationsByCommand.has(id)) entry.follows = this.invocationsByCommand.get(id);
    }

    for (const record of data.MaintenanceWindowExecutions) {
      this.windowExecutions.set(record["WindowExecutionId"] as string, live(new StepEntry(record), record, (state) => new StepEntry(state)));
    }
    for (const execution of data.AutomationExecutions) {
      const record = execution as unknown as Rec;
      const appears = progressions.byRecord.get(record);
      if (appears?.appears !== undefined) this.automationAppears.set(execution.AutomationExecutionId, appears);
      // In the order of their start: a step on a timeline by the start it ends up with.
      const steps = (execution.StepExecutions ?? [])
        .map((step, index) => {
          const entry = live(new StepEntry(step), step, (state) => new StepEntry(state));
          return { entry, index, start: num((entry.live?.last ?? step)["ExecutionStartTime"]) };
        })
        .sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || a.index - b.index)
        .map(({ entry }) => entry);
      this.automationSteps.set(execution.AutomationExecutionId, steps);
    }
    for (const record of data.WorkflowExecutions) {
      this.workflows.set(record["workflowExecutionId"] as string, {
        record,
        members: live(new WorkflowMembers(record), record, (state) => new WorkflowMembers(state)),
        steps: ((record["steps"] as Rec[] | undefined) ?? []).map((step) => live(new StepEntry(step), step, (state) => new StepEntry(state))),
      });
    }
  }

  /** The moment an answer given at `nowMs` (the mock's clock) sees. */
  momentAt(nowMs: number): Moment {
    return { elapsedMs: nowMs - this.loadedAt, reads: (run) => this.reads.get(run) ?? 0 };
  }

  /** Counts one more answer for each run, for the runs that change by read count. */
  countAnswer(runs: Iterable<string>): void {
    if (this.readRuns.size === 0) return;
    for (const run of new Set(runs)) if (this.readRuns.has(run)) this.reads.set(run, (this.reads.get(run) ?? 0) + 1);
  }

  /**
   * What a listing's tokens are bound to: the data set, and the single-record changes that shifted
   * that listing (so that changing one execution's steps leaves every other listing's tokens valid).
   */
  tokenGeneration(operationId: string, body: Rec): string {
    const changes = this.scopes.get(scopeOf(operationId, body));
    return changes === undefined ? String(this.generation) : `${this.generation}.${changes}`;
  }

  /** The scope counts after `changed` scopes change once more. */
  scopesAfter(changed: readonly string[]): Map<string, number> {
    const next = new Map(this.scopes);
    for (const scope of changed) next.set(scope, (next.get(scope) ?? 0) + 1);
    return next;
  }

  /** How many records of each collection (the HTTP data endpoint's answer). */
  counts(): Record<string, number> {
    return {
      Commands: this.data.Commands.length,
      CommandInvocations: this.data.CommandInvocations.length,
      MaintenanceWindowExecutions: this.data.MaintenanceWindowExecutions.length,
      AutomationExecutions: this.data.AutomationExecutions.length,
      WorkflowExecutions: this.data.WorkflowExecutions.length,
    };
  }
}
