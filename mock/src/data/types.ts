/**
 * The shape of a data set: records in the services' own shapes, one collection per kind of thing
 * the five operations read. Every collection is optional in a data file; a missing one is empty.
 */
export type Rec = Record<string, unknown>;

export interface AutomationExecutionRecord {
  AutomationExecutionId: string;
  StepExecutions: Rec[];
}

export interface DataSet {
  /** ListCommands' `Command` records. */
  Commands: Rec[];
  /** ListCommandInvocations' `CommandInvocation` records, with their `CommandPlugins`. */
  CommandInvocations: Rec[];
  /** GetMaintenanceWindowExecution outputs. */
  MaintenanceWindowExecutions: Rec[];
  /** An Automation execution's ID and its `StepExecution` records (DescribeAutomationStepExecutions). */
  AutomationExecutions: AutomationExecutionRecord[];
  /** ListWorkflowStepExecutions' members of one workflow execution, with all its `steps`. */
  WorkflowExecutions: Rec[];
}

/**
 * When a state of a record on a timeline begins: a duration since the data set was loaded
 * (`"30s"`, `"2m"`, `"1h30m"`) or `{ reads: N }`, from the answer after the record's run has been
 * answered N times.
 */
export type TimelineAt = string | { reads: number };

/** One state of a record's `Timeline`: `at` and the members that change, in the service's own shape. */
export type TimelineEntry = { at: TimelineAt } & Rec;

/** The members any record of a data file (and a step of an execution) may add to its own. */
export interface Progressing {
  /** The states the record goes through, in the order they begin; the record's own members are its state before the first. */
  Timeline?: TimelineEntry[];
  /** The record is in no answer before this. */
  AppearsAt?: TimelineAt;
}

export const COLLECTION_NAMES = ["Commands", "CommandInvocations", "MaintenanceWindowExecutions", "AutomationExecutions", "WorkflowExecutions"] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];

/** A data set as given: a file's path, or the parsed object (any subset of the collections). */
export type DataSource = string | Partial<Record<CollectionName, unknown[]>>;

/** A member's value when it is a non-empty string (how the operations read IDs and tokens), else undefined. */
export const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);
