/**
 * Faults on request, through `Prefer` (parsed in prefer.ts), on every operation:
 * - `failures=N` with an error (`example=ThrottlingException`, `code=500`, ...): the first N attempts
 *   of one SDK call get that error, later attempts the normal answer, so a test sees retries succeed;
 * - `delay=MS`: the answer is held back that many milliseconds (at most MAX_DELAY_MS), for timeouts.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Preferences } from "../prefer.js";
import { AttemptCounter } from "./attempts.js";

export { AttemptCounter } from "./attempts.js";

/** The longest `delay` accepted: one minute, beyond any SDK's default request timeout. */
export const MAX_DELAY_MS = 60_000;
/** The most `failures` accepted (the SDKs' own retry limits are far lower). */
export const MAX_FAILURES = 100;

type Decided<D> = { ok: true; decision: D } | { ok: false; message: string };

export interface Faults {
  /**
   * Decides this attempt's answer with `decide` (choose.ts). With `failures=N`, the asked-for answer
   * must be an error; attempts after the Nth are decided without it (the normal answer).
   */
  decideAttempt<D extends { choice: { code?: number } }>(req: IncomingMessage, preferences: Preferences, decide: (preferences: Preferences) => Decided<D>): Decided<D>;
}

export function createFaults(): Faults {
  const attempts = new AttemptCounter();
  return {
    decideAttempt(req, preferences, decide) {
      const { failures, ...rest } = preferences;
      const asked = decide(rest);
      if (failures === undefined || !asked.ok) return asked;
      if ((asked.decision.choice.code ?? 200) < 300) {
        return { ok: false, message: "Prefer: failures=N needs an error to answer with, such as example=ThrottlingException or code=500" };
      }
      const attempt = attempts.attemptOf(req);
      if (!attempt.ok) return attempt;
      if (attempt.attempt <= failures) return asked;
      const { code: _code, example: _example, ...normal } = rest;
      return decide(normal);
    },
  };
}

/**
 * Waits `ms` before answering. Resolves false when the client hangs up meanwhile (or the server
 * closes its connections), so that no timer outlives the connection.
 */
export function delayAnswer(req: IncomingMessage, res: ServerResponse, ms: number): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!req.socket.destroyed);
  return new Promise((resolve) => {
    const socket = req.socket;
    if (socket.destroyed) return resolve(false);
    // The wait is the answer the client asked for, not an idle connection: keep Node's socket timeout off it.
    const keep = (): void => undefined;
    res.on("timeout", keep);
    const onClose = (): void => {
      res.off("timeout", keep);
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      socket.off("close", onClose);
      res.off("timeout", keep);
      resolve(!socket.destroyed);
    }, ms);
    socket.once("close", onClose);
  });
}
