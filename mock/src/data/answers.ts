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
import { runOf, type Moment } from "./progressions.js";
import type { CommandEntry, DataStore, InvocationEntry, StepEntry } from "./store.js";
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
  /** The time of the request on the mock's clock (epoch ms), which records on a timeline are seen at; default: the data set's load. */
  now?: number;
}

const momentOf = ({ store, now }: DataContext): Moment => store.momentAt(now ?? store.loadedAt);

const fail = (name: string, message: string, status = 400): DataAnswer => ({ ok: false, error: { status, name, message } });
const invalidNextToken = (): DataAnswer => fail("InvalidNextToken", "The specified token isn't valid.");
const tokenJson = (member: string, token: string | undefined): string => (token ? `,"${member}":${JSON.stringify(token)}` : "");

interface ListingOptions<T> {
  before?: string;
  after?: string;
  invalidToken?: () => DataAnswer;
  /** The run each listed record belongs to, counted as answered (read counts); and the run the request asks about. */
  runOf?: (item: T) => string;
  subject?: string;
}

/**
 * The answer of a listing: a page of `list` under `listMember` (between `before` and `after`, more
 * members as JSON), with the token when records remain; the same paging for every operation.
 * `jsonOf` gives a record's JSON as it is at the request, or undefined to leave it out.
 */
function listing<T>(
  context: DataContext,
  body: Rec,
  listMember: string,
  list: readonly T[],
  jsonOf: (item: T) => string | undefined,
  { before = "", after = "", invalidToken = invalidNextToken, runOf: runOfItem, subject }: ListingOptions<T> = {},
): DataAnswer {
  const { operation, store, tokens, carry } = context;
  // Only the listing operations come here: the spec documents their paging.
  const paging = pagingOf(operation.pagination)!;
  const { tokenMember, sizeMember } = paging;
  const head = `{${before}"${listMember}":[`;
  const tail = `]${after}`;
  const page = pageOf(tokens, list, {
    generation: store.tokenGeneration(operation.operationId, body),
    query: queryKey(operation.operationId, body, tokenMember, sizeMember),
    token: text(body[tokenMember]),
    size: pageSizeOf(paging, body),
    ...(carry === undefined ? {} : { carry }),
    envelopeBytes: Buffer.byteLength(head) + Buffer.byteLength(tail) + 1,
    tokenMemberBytes: Buffer.byteLength(tokenJson(tokenMember, "x")) - 1,
  }, jsonOf);
  if (!page) return invalidToken();
  const runs = runOfItem ? page.taken.map(runOfItem) : [];
  store.countAnswer(subject === undefined ? runs : [subject, ...runs]);
  return { ok: true, body: `${head}${page.items.join(",")}${tail}${tokenJson(tokenMember, page.nextToken)}}` };
}

const commandRun = (entry: CommandEntry): string => runOf.command(entry.record["CommandId"]);

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
  const moment = momentOf(context);
  let base = store.commands;
  let remaining: Predicate[] = predicates;
  let ofInstance: readonly CommandEntry[] | undefined;
  if (commandId !== undefined) {
    const entry = store.commandById.get(commandId);
    if (!entry?.at(moment)) return fail("InvalidCommandId", `The specified command ID isn't valid. Verify the ID and try again. (No command ${commandId}.)`);
    base = [entry];
  }
  if (instanceId !== undefined) {
    if (!store.instances.has(instanceId)) return fail("InvalidInstanceId", invalidInstanceMessage(instanceId));
    const commands = store.commandsByInstance.get(instanceId) ?? [];
    if (commandId === undefined) base = commands;
    else ofInstance = commands;
  } else if (commandId === undefined && status && !store.commandsChange) {
    // The Status index already holds exactly the matching commands, newest first.
    base = (status.member === "Status" ? store.commandsByStatus : store.commandsByStatusDetails).get(status.value) ?? [];
    remaining = predicates.filter((p) => p !== status.predicate);
  }
  return listing(context, body, "Commands", base, (entry) => {
    if (ofInstance && !ofInstance.includes(entry)) return undefined;
    const view = entry.at(moment);
    return view && remaining.every((p) => p(view)) ? view.json : undefined;
  }, { runOf: commandRun });
}

function listCommandInvocations(context: DataContext, body: Rec): DataAnswer {
  const { store } = context;
  const parsed = parseCommandFilters("ListCommandInvocations", body["Filters"] as { key: string; value: string }[] | undefined);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const commandId = text(body["CommandId"]);
  const instanceId = text(body["InstanceId"]);
  const moment = momentOf(context);
  let base: readonly InvocationEntry[] = store.invocations;
  const { predicates } = parsed.filters;
  let onInstance: string | undefined;
  if (commandId !== undefined) {
    const command = store.commandById.get(commandId);
    if (command ? !command.at(moment) : !store.invocationsByCommand.has(commandId)) {
      return fail("InvalidCommandId", `The specified command ID isn't valid. Verify the ID and try again. (No command ${commandId}.)`);
    }
    base = store.invocationsByCommand.get(commandId) ?? [];
  }
  if (instanceId !== undefined) {
    if (!store.instances.has(instanceId)) return fail("InvalidInstanceId", invalidInstanceMessage(instanceId));
    if (commandId === undefined) base = store.invocationsByInstance.get(instanceId) ?? [];
    else onInstance = instanceId;
  }
  const details = body["Details"] === true;
  return listing(context, body, "CommandInvocations", base, (entry) => {
    if (onInstance !== undefined && entry.instanceId !== onInstance) return undefined;
    const view = entry.at(moment);
    if (!view || !predicates.every((p) => p(view))) return undefined;
    return details ? view.json : view.briefJson;
  }, { runOf: commandRun, ...(commandId === undefined ? {} : { subject: runOf.command(commandId) }) });
}

function getMaintenanceWindowExecution(context: DataContext, body: Rec): DataAnswer {
  const id = String(body["WindowExecutionId"]);
  const view = context.store.windowExecutions.get(id)?.at(momentOf(context));
  if (view === undefined) return fail("DoesNotExistException", `Maintenance window execution ${id} doesn't exist.`);
  context.store.countAnswer([runOf.window(id)]);
  return { ok: true, body: view.json };
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
  const moment = momentOf(context);
  const steps = store.automationSteps.get(id);
  const appears = store.automationAppears.get(id);
  if (!steps || (appears && appears.indexAt(moment) < 0)) return fail("AutomationExecutionNotFoundException", `Automation execution ${id} doesn't exist.`);
  const predicates: StepPredicate[] = [];
  for (const filter of (body["Filters"] as { Key: string; Values: string[] }[] | undefined) ?? []) {
    const predicate = stepFilter(filter.Key, filter.Values);
    if (typeof predicate !== "function") return { ok: false, error: predicate };
    predicates.push(predicate);
  }
  // The steps in the order they ran; ReverseOrder lists the latest first.
  const list: readonly StepEntry[] = body["ReverseOrder"] === true ? [...steps].reverse() : steps;
  return listing(context, body, "StepExecutions", list, (step) => {
    const view = step.at(moment);
    return view && predicates.every((p) => p(view.record)) ? view.json : undefined;
  }, { subject: runOf.automation(id) });
}

function listWorkflowStepExecutions(context: DataContext, body: Rec): DataAnswer {
  const id = String(body["workflowExecutionId"]);
  const moment = momentOf(context);
  const workflow = context.store.workflows.get(id);
  const members = workflow?.members.at(moment);
  // The operation documents no not-found error of its own; ClientException is the one for "an invalid resource identifier".
  if (!workflow || !members) return fail("ClientException", `The workflow execution ${id} was not found.`);
  const requestId = context.requestId?.() ?? randomUUID();
  return listing(context, body, "steps", workflow.steps, (step) => step.at(moment)?.json, {
    before: `"requestId":"${requestId}",`,
    after: members.membersJson ? `,${members.membersJson}` : "",
    invalidToken: () => fail("InvalidPaginationTokenException", "The pagination token is not valid."),
    subject: runOf.workflow(id),
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
