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

export { DelayedAnswers, MAX_DELAYED_PER_CONNECTION } from "./delays.js";
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
