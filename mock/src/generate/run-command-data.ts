/**
 * Run Command records (ListCommands, ListCommandInvocations): commands requested one after another
 * (newest first, as the service lists them), each with the invocation of every node it targeted,
 * CommandPlugins included (an answer without `Details` leaves them out, as any data set's does).
 * What a request pins down (its CommandId, InstanceId and Filters: `aim`) shapes the runs, so that the
 * answer has records to show; the data-set answering code then applies the request's rules to them.
 */
import type { FilterAim } from "../data/command-filters.js";
import type { Rec } from "../data/types.js";
import { place } from "./ids.js";
import type { Random } from "./random.js";
import { commandRun, invocation, type CommandWanted } from "./run-command.js";
import { history, instant } from "./time.js";

export interface RunsWanted {
  commandId?: string;
  instanceId?: string;
  aim?: FilterAim;
  /** When the newest run was requested (epoch ms); default: a seeded instant within the time filters. */
  newestMs?: number;
}

/** `count` runs (fewer when the time filters leave less room), their commands and invocations. */
export function runCommandRecords(random: Random, count: number, wanted: RunsWanted = {}): { Commands: Rec[]; CommandInvocations: Rec[] } {
  const aim = wanted.aim ?? {};
  const after = aim.after === undefined ? undefined : aim.after * 1000;
  const before = aim.before === undefined ? undefined : aim.before * 1000;
  const Commands: Rec[] = [];
  const CommandInvocations: Rec[] = [];
  if (after !== undefined && before !== undefined && after >= before) return { Commands, CommandInvocations };
  const at = place(random);
  for (const requestedMs of history(random, wanted.newestMs ?? instant(random, after, before), count, after)) {
    const run: CommandWanted = { requestedMs };
    if (wanted.commandId !== undefined) run.commandId = wanted.commandId;
    if (wanted.instanceId !== undefined) run.instanceId = wanted.instanceId;
    if (aim.documentName !== undefined) run.documentName = aim.documentName;
    if (aim.status !== undefined) run.status = aim.status;
    const made = commandRun(random, at, run);
    Commands.push(made.command);
    made.invocations.forEach((_, index) => CommandInvocations.push(invocation(random, made, index)));
  }
  return { Commands, CommandInvocations };
}
