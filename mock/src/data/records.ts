/**
 * Changing one record of a data set (add, replace or remove it by its ID) without replacing the
 * data set, and which pagination tokens that retires. A token holds an offset into one listing;
 * the change retires the tokens of exactly the listings whose records or order it can shift, and
 * leaves every other token valid:
 *
 * - a Command: every ListCommands listing (a new or changed command may enter any of them);
 * - a CommandInvocation: every ListCommandInvocations and ListCommands listing (ListCommands by
 *   `InstanceId` lists the commands with an invocation on that node);
 * - an Automation execution or a workflow execution: only the listings of that execution's steps;
 * - a maintenance window execution: none (GetMaintenanceWindowExecution does not page).
 */
import { COLLECTIONS, type Collection } from "./collections.js";
import { DataSetError, loadDataSet } from "./load.js";
import { COLLECTION_NAMES, type CollectionName, type DataSet, type Rec } from "./types.js";

export type RecordChange = { set: DataSet; scopes: string[]; created: boolean };

export function collectionNamed(name: string): Collection {
  const collection = COLLECTIONS.find((c) => c.name === name);
  if (!collection) throw new DataSetError(`There is no collection '${name}'; a data set has ${COLLECTION_NAMES.join(", ")}`);
  return collection;
}

/** The token scopes a change to the record `id` of `collection` retires (see above). */
export function scopesChangedBy(collection: CollectionName, id: string): string[] {
  switch (collection) {
    case "Commands":
      return ["ListCommands"];
    case "CommandInvocations":
      return ["ListCommandInvocations", "ListCommands"];
    case "AutomationExecutions":
      return [`DescribeAutomationStepExecutions ${id}`];
    case "WorkflowExecutions":
      return [`ListWorkflowStepExecutions ${id}`];
    case "MaintenanceWindowExecutions":
      return [];
  }
}

/** The token scope of a listing request: its operation, and for the per-execution listings that execution. */
export function scopeOf(operationId: string, body: Rec): string {
  if (operationId === "DescribeAutomationStepExecutions") return `${operationId} ${String(body["AutomationExecutionId"])}`;
  if (operationId === "ListWorkflowStepExecutions") return `${operationId} ${String(body["workflowExecutionId"])}`;
  return operationId;
}

/** `set` with `record` added to `collection`, or put in place of the record with its ID; the record is validated as a loaded one is. */
export function withRecord(set: DataSet, collectionName: string, record: unknown, source: string): RecordChange {
  const collection = collectionNamed(collectionName);
  const loaded = loadDataSet({ [collection.name]: [record] }, source)[collection.name] as Rec[];
  const next = loaded[0]!;
  const id = collection.id(next)!;
  const list = set[collection.name] as Rec[];
  const index = list.findIndex((r) => collection.id(r) === id);
  const changed = [...list];
  if (index === -1) changed.push(next);
  else changed[index] = next;
  return { set: { ...set, [collection.name]: changed }, scopes: scopesChangedBy(collection.name, id), created: index === -1 };
}

/** `set` without the record `id` of `collection`, or undefined when it holds none. */
export function withoutRecord(set: DataSet, collectionName: string, id: string): Omit<RecordChange, "created"> | undefined {
  const collection = collectionNamed(collectionName);
  const list = set[collection.name] as Rec[];
  const index = list.findIndex((r) => collection.id(r) === id);
  if (index === -1) return undefined;
  const changed = [...list];
  changed.splice(index, 1);
  return { set: { ...set, [collection.name]: changed }, scopes: scopesChangedBy(collection.name, id) };
}

/** The record `id` of `collection`, or undefined. */
export function recordOf(set: DataSet, collectionName: string, id: string): Rec | undefined {
  const collection = collectionNamed(collectionName);
  return (set[collection.name] as Rec[]).find((r) => collection.id(r) === id);
}
