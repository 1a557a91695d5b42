/**
 * faults: the answer source for this attempt (sources/choose.ts), with `failures=N` counted per SDK
 * call (faults/); then delay: `Prefer: delay=MS` held back on the caller's clock, at most
 * MAX_DELAYED_PER_CONNECTION at once per connection (faults/delays.ts); past that, the protocol's
 * throttling error at once.
 */
import { attemptFails } from "../faults/index.js";
import { chooseSource } from "../sources/choose.js";
import { operationError } from "./operation-error.js";
import type { Stage } from "./types.js";

export const faultsStage: Stage = {
  name: "faults",
  run(context) {
    const op = context.operation!;
    const { caller } = context;
    const refuse = (message: string) => operationError(context, 400, "InvalidPreferHeaderException", message);
    const { failures, ...asked } = context.preferences!;
    let chosen = chooseSource(op, asked, context.input, context.mock.dynamic);
    if (!chosen.ok) return refuse(chosen.message);
    if (failures !== undefined) {
      const verdict = attemptFails(context.req, caller.attempts, caller.clock.now(), failures, chosen.source);
      if (!verdict.ok) return refuse(verdict.message);
      if (!verdict.fails) {
        // Past the failing attempts: the answer the request would get without the error it asked for.
        const { code: _code, example: _example, ...normal } = asked;
        chosen = chooseSource(op, normal, context.input, context.mock.dynamic);
        if (!chosen.ok) return refuse(chosen.message);
      }
    }
    context.source = chosen.source;
    return undefined;
  },
};

export const delayStage: Stage = {
  name: "delay",
  async run(context) {
    const ms = context.preferences?.delay;
    if (!ms) return undefined;
    const held = context.mock.delays.hold(context.req, context.res, ms, context.caller.clock);
    if (held === "full") {
      const { maxPerConnection } = context.mock.delays;
      const message = `Rate exceeded: this connection already has ${maxPerConnection} answers held back by Prefer: delay; wait for them, or use another connection`;
      // The services' own throttling errors: SSM's common ThrottlingException, Image Builder's CallRateLimitExceededException.
      return context.operation!.protocol === "awsJson1_1"
        ? operationError(context, 400, "ThrottlingException", message)
        : operationError(context, 429, "CallRateLimitExceededException", message);
    }
    return (await held) ? undefined : "aborted";
  },
};
