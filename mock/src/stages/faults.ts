/**
 * faults: the answer source for this attempt (sources/choose.ts), with `failures=N` counted per SDK
 * call (faults/); then delay: `Prefer: delay=MS` held back on the caller's clock.
 */
import { delayAnswer, sourceForAttempt } from "../faults/index.js";
import { chooseSource } from "../sources/choose.js";
import { operationError } from "./operation-error.js";
import type { Stage } from "./types.js";

export const faultsStage: Stage = {
  name: "faults",
  run(context) {
    const op = context.operation!;
    const { caller } = context;
    const chosen = sourceForAttempt(context.req, caller.attempts, caller.clock.now(), context.preferences!, (preferences) => chooseSource(op, preferences, context.input, context.mock.dynamic));
    if (!chosen.ok) return operationError(context, 400, "InvalidPreferHeaderException", chosen.message);
    context.source = chosen.source;
    return undefined;
  },
};

export const delayStage: Stage = {
  name: "delay",
  async run(context) {
    const ms = context.preferences?.delay;
    if (!ms) return undefined;
    return (await delayAnswer(context.req, context.res, ms, context.caller.clock)) ? undefined : "aborted";
  },
};
