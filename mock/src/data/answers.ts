/**
 * The five operations answered from a data set, as the spec's descriptions and the AWS documents
 * describe them (where they are silent, as the service behaves; mock/README.md lists each choice).
 * Each answer is the wire JSON, joined from the records' pre-serialised JSON.
 */
import { randomUUID } from "node:crypto";
import type { SpecOperation } from "aws-ops-contract/model";
import type { MockError } from "../protocol.js";
import { parseCommandFilters, type Predicate } from "./command-filters.js";
import { pageOf, pageSizeOf, pagingOf, queryKey, type TokenIssuer } from "./paging.js";
import { schemaEnum } from "./bundled.js";
import type { DataStore, InvocationEntry, StepEntry } from "./store.js";
import { isoToEpochSeconds } from "./timestamps.js";
import { text, type Rec } from "./types.js";

/**
 * SSM's InvalidInstanceId message ends with the caller's account ID (`... for account 775288309636`);
 * the mock knows no caller account, so it names the account of the documents' examples.
 */
const EXAMPLE_ACCOUNT_ID = "111122223333";
const invalidInstanceMessage = (instanceId: string): string => `Instances [[${instanceId}]] not in a valid state for account ${EXAMPLE_ACCOUNT_ID}`;

export type DataAnswer = { ok: true; body: string } | { ok: false; error: MockError };

export interface DataContext {
  /** The operation asked for, as the mock serves it (its paging members and bounds). */
  operation: SpecOperation;
  store: DataStore;
  tokens: TokenIssuer;
  /** What this data set's tokens carry (a generated data set's seed); none for a loaded one. */
  carry?: string;
  /** Image Builder's `requestId` of an answer; a new UUID each time unless given (a generated answer repeats by seed). */
  requestId?: () => string;
}

const fail = (name: string, message: string, status = 400): DataAnswer => ({ ok: false, error: { status, name, message } });
const invalidNextToken = (): DataAnswer => fail("InvalidNextToken", "The specified token isn't valid.");
const tokenJson = (member: string, token: string | undefined): string => (token ? `,"${member}":${JSON.stringify(token)}` : "");

/**
 * The answer of a listing: a page of `list` under `listMember` (between `before` and `after`, more
 * members as JSON), with the token when records remain; the same paging for every operation.
 */
function listing<T>(
  { operation, store, tokens, carry }: DataContext,
  body: Rec,
  listMember: string,
  list: readonly T[],
  jsonOf: (item: T) => string,
  { before = "", after = "", invalidToken = invalidNextToken }: { before?: string; after?: string; invalidToken?: () => DataAnswer } = {},
): DataAnswer {
  // Only the listing operations come here: the spec documents their paging.
  const paging = pagingOf(operation.pagination)!;
  const { tokenMember, sizeMember } = paging;
  const head = `{${before}"${listMember}":[`;
  const tail = `]${after}`;
  const page = pageOf(tokens, list, {
    generation: store.generation,
    query: queryKey(operation.operationId, body, tokenMember, sizeMember),
    token: text(body[tokenMember]),
    size: pageSizeOf(paging, body),
    ...(carry === undefined ? {} : { carry }),
    envelopeBytes: Buffer.byteLength(head) + Buffer.byteLength(tail) + 1,
    tokenMemberBytes: Buffer.byteLength(tokenJson(tokenMember, "x")) - 1,
  }, jsonOf);
  if (!page) return invalidToken();
  return { ok: true, body: `${head}${page.items.join(",")}${tail}${tokenJson(tokenMember, page.nextToken)}}` };
}

function listCommands(context: DataContext, body: Rec): DataAnswer {
  const { store } = context;
  const parsed = parseCommandFilters("ListCommands", body["Filters"] as { key: string; value: string }[] | undefined);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const { predicates, status } = parsed.filters;
  const commandId = text(body["CommandId"]);
  const instanceId = text(body["InstanceId"]);
  if (instanceId !== undefined && status?.value === "Pending") {
    return fail("InvalidFilterKey", "You can't specify a managed node ID with the Status filter Pending: the command hasn't reached the managed node yet.");
  }
  let base = store.commands;
  let remaining: Predicate[] = predicates;
  if (commandId !== undefined) {
    const entry = store.commandById.get(commandId);
    if (!entry) return fail("InvalidCommandId", `The specified command ID isn't valid. Verify the ID and try again. (No command ${commandId}.)`);
    base = [entry];
  }
  if (instanceId !== undefined) {
    if (!store.instances.has(instanceId)) return fail("InvalidInstanceId", invalidInstanceMessage(instanceId));
    const ofInstance = store.commandsByInstance.get(instanceId) ?? [];
    if (commandId === undefined) base = ofInstance;
    else remaining = [...remaining, (entry) => ofInstance.includes(entry)];
  } else if (commandId === undefined && status) {
    // The Status index already holds exactly the matching commands, newest first.
    base = (status.member === "Status" ? store.commandsByStatus : store.commandsByStatusDetails).get(status.value) ?? [];
    remaining = predicates.filter((p) => p !== status.predicate);
  }
  const list = remaining.length === 0 ? base : base.filter((entry) => remaining.every((p) => p(entry)));
  return listing(context, body, "Commands", list, (entry) => entry.json);
}

function listCommandInvocations(context: DataContext, body: Rec): DataAnswer {
  const { store } = context;
  const parsed = parseCommandFilters("ListCommandInvocations", body["Filters"] as { key: string; value: string }[] | undefined);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const commandId = text(body["CommandId"]);
  const instanceId = text(body["InstanceId"]);
  let base: readonly InvocationEntry[] = store.invocations;
  const predicates: Predicate[] = [...parsed.filters.predicates];
  if (commandId !== undefined) {
    if (!store.commandById.has(commandId) && !store.invocationsByCommand.has(commandId)) {
      return fail("InvalidCommandId", `The specified command ID isn't valid. Verify the ID and try again. (No command ${commandId}.)`);
    }
    base = store.invocationsByCommand.get(commandId) ?? [];
  }
  if (instanceId !== undefined) {
    if (!store.instances.has(instanceId)) return fail("InvalidInstanceId", invalidInstanceMessage(instanceId));
    if (commandId === undefined) base = store.invocationsByInstance.get(instanceId) ?? [];
    else predicates.push((entry) => (entry as InvocationEntry).instanceId === instanceId);
  }
  const list = predicates.length === 0 ? base : base.filter((entry) => predicates.every((p) => p(entry)));
  const details = body["Details"] === true;
  return listing(context, body, "CommandInvocations", list, (entry) => (details ? entry.json : entry.briefJson));
}

function getMaintenanceWindowExecution({ store }: DataContext, body: Rec): DataAnswer {
  const id = String(body["WindowExecutionId"]);
  const json = store.windowExecutions.get(id);
  return json === undefined ? fail("DoesNotExistException", `Maintenance window execution ${id} doesn't exist.`) : { ok: true, body: json };
}

type StepPredicate = (step: Rec) => boolean;
const parent = (step: Rec): Rec => (step["ParentStepDetails"] as Rec | undefined) ?? {};

let automationStatuses: Set<string> | undefined;

/** One StepExecutionFilter: its values are alternatives (any may match); `InvalidFilterValue` for a value the key does not take. */
function stepFilter(key: string, values: readonly string[]): StepPredicate | MockError {
  const invalid = (why: string): MockError => ({ status: 400, name: "InvalidFilterValue", message: `The filter value isn't valid: ${why}` });
  switch (key) {
    case "StartTimeBefore":
    case "StartTimeAfter": {
      const times: number[] = [];
      for (const value of values) {
        const seconds = isoToEpochSeconds(value);
        if (seconds === undefined) return invalid(`${key} must be a timestamp such as 2024-07-07T00:00:00Z (got '${value}').`);
        times.push(seconds);
      }
      return key === "StartTimeBefore"
        ? (step) => typeof step["ExecutionStartTime"] === "number" && times.some((t) => (step["ExecutionStartTime"] as number) < t)
        : (step) => typeof step["ExecutionStartTime"] === "number" && times.some((t) => (step["ExecutionStartTime"] as number) >= t);
    }
    case "StepExecutionStatus": {
      automationStatuses ??= new Set(schemaEnum("AutomationExecutionStatus"));
      const bad = values.find((value) => !automationStatuses!.has(value));
      if (bad !== undefined) return invalid(`StepExecutionStatus must be an automation execution status, one of ${[...automationStatuses].join(", ")} (got '${bad}').`);
      return (step) => values.includes(step["StepStatus"] as string);
    }
    case "StepExecutionId":
    case "StepName":
    case "Action":
      return (step) => values.includes(step[key] as string);
    case "ParentStepExecutionId":
      return (step) => values.includes(parent(step)["StepExecutionId"] as string);
    case "ParentStepIteration": {
      const bad = values.find((value) => !/^\d+$/.test(value));
      if (bad !== undefined) return invalid(`ParentStepIteration must be a whole number (got '${bad}').`);
      return (step) => values.includes(String(parent(step)["Iteration"]));
    }
    case "ParentStepIteratorValue":
      return (step) => values.includes(parent(step)["IteratorValue"] as string);
    default:
      return { status: 400, name: "InvalidFilterKey", message: `The specified key isn't valid: ${key}.` };
  }
}

function describeAutomationStepExecutions(context: DataContext, body: Rec): DataAnswer {
  const { store } = context;
  const id = String(body["AutomationExecutionId"]);
  const steps = store.automationSteps.get(id);
  if (!steps) return fail("AutomationExecutionNotFoundException", `Automation execution ${id} doesn't exist.`);
  const predicates: StepPredicate[] = [];
  for (const filter of (body["Filters"] as { Key: string; Values: string[] }[] | undefined) ?? []) {
    const predicate = stepFilter(filter.Key, filter.Values);
    if (typeof predicate !== "function") return { ok: false, error: predicate };
    predicates.push(predicate);
  }
  let list: readonly StepEntry[] = predicates.length === 0 ? steps : steps.filter((s) => predicates.every((p) => p(s.record)));
  // The steps in the order they ran; ReverseOrder lists the latest first.
  if (body["ReverseOrder"] === true) list = [...list].reverse();
  return listing(context, body, "StepExecutions", list, (step) => step.json);
}

function listWorkflowStepExecutions(context: DataContext, body: Rec): DataAnswer {
  const id = String(body["workflowExecutionId"]);
  const workflow = context.store.workflows.get(id);
  // The operation documents no not-found error of its own; ClientException is the one for "an invalid resource identifier".
  if (!workflow) return fail("ClientException", `The workflow execution ${id} was not found.`);
  const requestId = context.requestId?.() ?? randomUUID();
  return listing(context, body, "steps", workflow.steps, (step) => step.json, {
    before: `"requestId":"${requestId}",`,
    after: workflow.membersJson ? `,${workflow.membersJson}` : "",
    invalidToken: () => fail("InvalidPaginationTokenException", "The pagination token is not valid."),
  });
}

/** The one list of the operations a data set answers; generate/ makes records for exactly these (DataOperation). */
const ANSWERS = {
  ListCommands: listCommands,
  ListCommandInvocations: listCommandInvocations,
  GetMaintenanceWindowExecution: getMaintenanceWindowExecution,
  DescribeAutomationStepExecutions: describeAutomationStepExecutions,
  ListWorkflowStepExecutions: listWorkflowStepExecutions,
} satisfies Record<string, (context: DataContext, body: Rec) => DataAnswer>;

export type DataOperation = keyof typeof ANSWERS;

export function isDataOperation(operationId: string): operationId is DataOperation {
  return Object.hasOwn(ANSWERS, operationId);
}

/** The answer from the data set, or undefined for an operation the data set does not serve. */
export function answerFromData(context: DataContext, body: Rec): DataAnswer | undefined {
  const { operationId } = context.operation;
  return isDataOperation(operationId) ? ANSWERS[operationId](context, body) : undefined;
}
