/**
 * ListCommands and ListCommandInvocations answers. Both list runs newest first, as the service does,
 * honour the request's CommandId, InstanceId and Filters, and page by MaxResults (default 50).
 */
import { passes, readCommandFilters, type CommandFilterView } from "./filters.js";
import { place } from "./ids.js";
import { pageAnswer, pageRequest } from "./page.js";
import type { Random } from "./random.js";
import { commandRun, invocation, type CommandRun } from "./run-command.js";
import { history, instant } from "./time.js";

/** The service's page size when MaxResults is absent. */
const DEFAULT_MAX_RESULTS = 50;

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** Runs requested at `count` successive times (newest first) within the request's time filters. */
function runs(random: Random, request: Record<string, unknown>, view: CommandFilterView, count: number, commandId?: string): CommandRun[] {
  if (view.after !== undefined && view.before !== undefined && view.after > view.before) return [];
  const at = place(random);
  const times = history(random, instant(random, view.after, view.before), count, view.after);
  return times.map((requestedMs) => {
    const wanted: Parameters<typeof commandRun>[2] = { requestedMs };
    const instanceId = text(request["InstanceId"]);
    if (commandId !== undefined) wanted.commandId = commandId;
    if (instanceId !== undefined) wanted.instanceId = instanceId;
    if (view.documentName !== undefined) wanted.documentName = view.documentName;
    if (view.status !== undefined) wanted.status = view.status;
    return commandRun(random, at, wanted);
  });
}

export function listCommands(random: Random, request: Record<string, unknown>, seed: string): Record<string, unknown> {
  const page = pageRequest(request, "MaxResults", "NextToken", DEFAULT_MAX_RESULTS);
  const commandId = text(request["CommandId"]);
  // One command has one ID: asking for it lists at most that one.
  const count = commandId !== undefined ? 1 : random.int(1, 2 * page.size);
  const view = readCommandFilters(request["Filters"]);
  const commands = runs(random, request, view, count, commandId).map((run) => run.command).filter((command) => passes(view, command));
  return pageAnswer(commands, page, seed, { list: "Commands", token: "NextToken" });
}

export function listCommandInvocations(random: Random, request: Record<string, unknown>, seed: string): Record<string, unknown> {
  const page = pageRequest(request, "MaxResults", "NextToken", DEFAULT_MAX_RESULTS);
  const commandId = text(request["CommandId"]);
  const instanceId = text(request["InstanceId"]);
  const details = request["Details"] === true;
  const view = readCommandFilters(request["Filters"]);
  const count = commandId !== undefined ? 1 : random.int(1, Math.max(1, Math.ceil(page.size / 2)));
  const records: Record<string, unknown>[] = [];
  for (const run of runs(random, request, view, count, commandId)) {
    run.invocations.forEach((node, index) => {
      if (instanceId !== undefined && node.instanceId !== instanceId) return;
      records.push(invocation(random, run, index, details));
    });
  }
  return pageAnswer(records.filter((record) => passes(view, record)), page, seed, { list: "CommandInvocations", token: "NextToken" });
}
