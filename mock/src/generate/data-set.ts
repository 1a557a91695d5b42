/**
 * Generated data sets: records in the services' own shapes, the same collections a data file has
 * (see ../data/types.ts), so that the mock answers them with the code that answers any data set.
 * `dataSetFor` makes the small world one request looks at (`Prefer: dynamic=true`): the execution it
 * asks for, the commands it names, runs within its time filters. `generateDataSet` makes a whole data
 * set of a chosen size, to load with `--data`, `startMock({ data })` or `PUT /_mock/data`.
 */
import { randomUUID } from "node:crypto";
import type { DataOperation } from "../data/answers.js";
import { parseCommandFilters, type CommandOperation } from "../data/command-filters.js";
import { text, type DataSet, type Rec } from "../data/types.js";
import { automationSteps } from "./automation.js";
import { uuid } from "./ids.js";
import { maintenanceWindowExecution } from "./maintenance-window.js";
import { seededRandom, type Random } from "./random.js";
import { withTimelines } from "./timelines.js";
import { runCommandRecords } from "./run-command-data.js";
import { LATEST_MS } from "./time.js";
import { workflowExecution } from "./workflow.js";

const empty = (): DataSet => ({ Commands: [], CommandInvocations: [], MaintenanceWindowExecutions: [], AutomationExecutions: [], WorkflowExecutions: [] });

/** The Run Command runs a request looks at: the command it names, on the node it names, as its filters ask. */
function runsFor(operation: CommandOperation, random: Random, request: Rec, pageSize: number): DataSet {
  const commandId = text(request["CommandId"]);
  const instanceId = text(request["InstanceId"]);
  // Unreadable filters aim at nothing: the answer refuses them.
  const parsed = parseCommandFilters(operation, request["Filters"] as { key: string; value: string }[] | undefined);
  // One command has one ID. Otherwise up to two pages' worth (of commands, or of runs with a few nodes each).
  const count = commandId !== undefined ? 1 : operation === "ListCommands" ? random.int(1, 2 * pageSize) : random.int(1, Math.max(1, Math.ceil(pageSize / 2)));
  const wanted = { ...(commandId === undefined ? {} : { commandId }), ...(instanceId === undefined ? {} : { instanceId }), ...(parsed.ok ? { aim: parsed.filters.aim } : {}) };
  return { ...empty(), ...runCommandRecords(random, count, wanted) };
}

/**
 * The data set generated for one request: `pageSize` is the page size of the request that began the
 * listing (a later page's token carries it), so a listing holds up to about two pages.
 */
export function dataSetFor(operationId: DataOperation, random: Random, request: Rec, pageSize: number): DataSet {
  return DATA_SETS[operationId](random, request, pageSize);
}

/** One generator per operation the data set answers: typed by data/answers.ts's list, so none is missing or extra. */
const DATA_SETS: Record<DataOperation, (random: Random, request: Rec, pageSize: number) => DataSet> = {
  ListCommands: (random, request, pageSize) => runsFor("ListCommands", random, request, pageSize),
  ListCommandInvocations: (random, request, pageSize) => runsFor("ListCommandInvocations", random, request, pageSize),
  GetMaintenanceWindowExecution: (random, request) => ({ ...empty(), MaintenanceWindowExecutions: [maintenanceWindowExecution(random, text(request["WindowExecutionId"]))] }),
  DescribeAutomationStepExecutions: (random, request) => ({ ...empty(), AutomationExecutions: [{ AutomationExecutionId: text(request["AutomationExecutionId"]) ?? uuid(random), StepExecutions: automationSteps(random) }] }),
  ListWorkflowStepExecutions: (random, request) => ({ ...empty(), WorkflowExecutions: [workflowExecution(random, text(request["workflowExecutionId"]))] }),
};

export interface GenerateDataSetOptions {
  /** The same seed gives the same data set. Default: a new one each time. */
  seed?: string;
  /** How many commands (each with the invocations of the nodes it targeted). Default 20. */
  commands?: number;
  /** How many of each other kind of record. Default 3 each. */
  maintenanceWindowExecutions?: number;
  automationExecutions?: number;
  workflowExecutions?: number;
  /**
   * Runs in progress: every record on a Timeline that replays its run from when it was sent, every
   * time relative to the moment the data set loads ("now-3m"), so the newest runs finish while a
   * test watches (generate/timelines.ts). Default false: each record as it ends up, at fixed times.
   */
  timelines?: boolean;
}

/**
 * A whole data set of realistic records (the generator's rules: wire-form timestamps in order, real
 * ID and ARN formats, counts that add up), ready for `startMock({ data })` or a data file.
 */
export function generateDataSet(options: GenerateDataSetOptions = {}): DataSet {
  const random = seededRandom(`data set\u0000${options.seed ?? randomUUID()}`);
  const times = (n: number | undefined, fallback: number): number => Math.max(0, Math.floor(n ?? fallback));
  // The newest command within the generator's span, early enough that many fit after 2024-01-01.
  const newestMs = LATEST_MS - random.int(1, 30 * 86_400) * 1000 + random.int(1, 999);
  // On timelines, the load is a little after the newest command, and the executions began shortly before it.
  const anchorMs = options.timelines ? newestMs + random.int(30, 300) * 1000 : 0;
  const recent = (): number | undefined => (options.timelines ? anchorMs - random.int(60, 1800) * 1000 - random.int(1, 999) : undefined);
  const runs = runCommandRecords(random, times(options.commands, 20), { newestMs });
  const set: DataSet = {
    ...runs,
    MaintenanceWindowExecutions: Array.from({ length: times(options.maintenanceWindowExecutions, 3) }, () => maintenanceWindowExecution(random, undefined, recent())),
    AutomationExecutions: Array.from({ length: times(options.automationExecutions, 3) }, () => ({ AutomationExecutionId: uuid(random), StepExecutions: automationSteps(random, recent()) })),
    WorkflowExecutions: Array.from({ length: times(options.workflowExecutions, 3) }, () => workflowExecution(random, undefined, recent())),
  };
  return options.timelines ? withTimelines(set, random, anchorMs) : set;
}
