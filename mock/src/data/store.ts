/**
 * A loaded data set, indexed for the operations: by ID, by status, by managed node, in the order
 * the operations list records; each record is serialised to its wire JSON once, the first time it is
 * sent, so that a request only picks and joins strings (no validation, sorting or serialising per
 * request) and loading a large data set does not pay for records nobody asks for.
 */
import { scopeOf } from "./records.js";
import type { DataSet, Rec } from "./types.js";

const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);

/** A record and its wire JSON, made on first use. */
export class StepEntry {
  private serialised: string | undefined;
  constructor(readonly record: Rec) {}
  get json(): string {
    this.serialised ??= JSON.stringify(this.record);
    return this.serialised;
  }
}

/** A Command (or CommandInvocation) with the members the filters read. */
export class CommandEntry extends StepEntry {
  readonly requested: number | undefined;
  readonly status: string | undefined;
  readonly statusDetails: string | undefined;
  readonly documentName: string | undefined;
  constructor(record: Rec) {
    super(record);
    this.requested = num(record["RequestedDateTime"]);
    this.status = str(record["Status"]);
    this.statusDetails = str(record["StatusDetails"]);
    this.documentName = str(record["DocumentName"]);
  }
}

export class InvocationEntry extends CommandEntry {
  readonly commandId: string;
  readonly instanceId: string;
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
}

export interface WorkflowEntry {
  record: Rec;
  /** The answer's members other than `steps`, `requestId` and `nextToken`, as JSON object members (`"k":v,...`). */
  membersJson: string;
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

export class DataStore {
  /** Commands, newest first. */
  readonly commands: CommandEntry[];
  readonly commandById = new Map<string, CommandEntry>();
  /** Commands by `Status` and by `StatusDetails` value (a Status filter reads one of these lists). */
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

  readonly windowExecutions = new Map<string, string>();
  /** Each Automation execution's steps, in the order of their start (not-yet-started steps last). */
  readonly automationSteps = new Map<string, StepEntry[]>();
  readonly workflows = new Map<string, WorkflowEntry>();

  constructor(
    readonly data: DataSet,
    /** Changes with every data set a mock loads, so that its old pagination tokens are refused. */
    readonly generation: number | string,
    /** How many single-record changes touched each token scope (records.ts) since the data set loaded. */
    private readonly scopes: ReadonlyMap<string, number> = new Map(),
  ) {
    this.commands = newestFirst(data.Commands.map((record) => new CommandEntry(record)));
    this.invocations = newestFirst(data.CommandInvocations.map((record) => new InvocationEntry(record)));

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
      if (entry.status !== undefined) pushTo(this.commandsByStatus, entry.status, entry);
      if (entry.statusDetails !== undefined) pushTo(this.commandsByStatusDetails, entry.statusDetails, entry);
      for (const instance of (entry.record["InstanceIds"] as unknown[] | undefined) ?? []) if (typeof instance === "string") target(id, instance);
    }
    for (const entry of this.invocations) {
      pushTo(this.invocationsByCommand, entry.commandId, entry);
      pushTo(this.invocationsByInstance, entry.instanceId, entry);
      target(entry.commandId, entry.instanceId);
    }
    for (const entry of this.commands) {
      for (const instance of nodesOf.get(entry.record["CommandId"] as string) ?? []) pushTo(this.commandsByInstance, instance, entry);
    }

    for (const record of data.MaintenanceWindowExecutions) this.windowExecutions.set(record["WindowExecutionId"] as string, JSON.stringify(record));
    for (const execution of data.AutomationExecutions) {
      const steps = (execution.StepExecutions ?? [])
        .map((record, index) => ({ record, index, start: num(record["ExecutionStartTime"]) }))
        .sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || a.index - b.index)
        .map(({ record }) => new StepEntry(record));
      this.automationSteps.set(execution.AutomationExecutionId, steps);
    }
    for (const record of data.WorkflowExecutions) {
      const { steps, requestId: _requestId, nextToken: _nextToken, ...members } = record;
      this.workflows.set(record["workflowExecutionId"] as string, {
        record,
        membersJson: JSON.stringify(members).slice(1, -1),
        steps: ((steps as Rec[] | undefined) ?? []).map((step) => new StepEntry(step)),
      });
    }
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
