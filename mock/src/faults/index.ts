/**
 * Faults on request, through `Prefer` (parsed in prefer.ts), on every operation:
 * - `failures=N` with an error (`example=ThrottlingException`, `code=500`, ...): the first N attempts
 *   of one SDK call get that error, later attempts the normal answer, so a test sees retries succeed;
 * - `delay=MS`: the answer is held back that many milliseconds (at most MAX_DELAY_MS) on the mock's
 *   clock, for timeouts.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Clock } from "../clock/clock.js";
import { answersError } from "../sources/choose.js";
import type { AnswerSource } from "../sources/types.js";
import type { AttemptCounter } from "./attempts.js";

export { AttemptCounter } from "./attempts.js";

/** The longest `delay` accepted: one minute, beyond any SDK's default request timeout. */
export const MAX_DELAY_MS = 60_000;
/** The most `failures` accepted (the SDKs' own retry limits are far lower). */
export const MAX_FAILURES = 100;

export type FailureVerdict = { ok: true; fails: boolean } | { ok: false; message: string };

/**
 * With `failures=N`: whether this attempt of the SDK call gets the asked-for error (`source`, which
 * must be an error), or (after the Nth attempt) the normal answer.
 */
export function attemptFails(req: IncomingMessage, attempts: AttemptCounter, now: number, failures: number, source: AnswerSource): FailureVerdict {
  if (!answersError(source)) {
    return { ok: false, message: "Prefer: failures=N needs an error to answer with, such as example=ThrottlingException or code=500" };
  }
  const attempt = attempts.attemptOf(req, now);
  if (!attempt.ok) return attempt;
  return { ok: true, fails: attempt.attempt <= failures };
}

/**
 * Waits `ms` on `clock` before answering. Resolves false when the client hangs up meanwhile (or the
 * server closes its connections), so that no wait outlives the connection.
 */
export function delayAnswer(req: IncomingMessage, res: ServerResponse, ms: number, clock: Clock): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!req.socket.destroyed);
  return new Promise((resolve) => {
    const socket = req.socket;
    if (socket.destroyed) return resolve(false);
    // The wait is the answer the client asked for, not an idle connection: keep Node's socket timeout off it.
    const keep = (): void => undefined;
    res.on("timeout", keep);
    const onClose = (): void => {
      res.off("timeout", keep);
      cancel();
      resolve(false);
    };
    const cancel = clock.after(ms, () => {
      socket.off("close", onClose);
      res.off("timeout", keep);
      resolve(!socket.destroyed);
    });
    socket.once("close", onClose);
  });
}
