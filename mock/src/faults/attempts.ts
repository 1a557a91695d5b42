/**
 * Which attempt of one SDK call a request is. The AWS SDKs and the AWS CLI mark every attempt:
 * `amz-sdk-invocation-id` (one UUID for all attempts of a call) and `amz-sdk-request:
 * attempt=N; max=M`. The attempt number is read from `amz-sdk-request`; a client that sends only the
 * invocation ID gets its attempts counted here, in a bounded table whose entries expire.
 */
import type { IncomingMessage } from "node:http";
import { firstValue } from "../http.js";

/** Entries kept at most (oldest dropped first), and how long an invocation is remembered. */
const MAX_INVOCATIONS = 10_000;
const INVOCATION_TTL_MS = 15 * 60_000;
/**
 * The longest invocation ID kept. The SDKs and the CLI send a UUID (36 characters); the room above
 * that is for a test's own readable IDs. Without a cap, 10,000 IDs of 15 KB would hold 143 MB.
 */
export const MAX_INVOCATION_ID_LENGTH = 64;

export type AttemptResult = { ok: true; attempt: number } | { ok: false; message: string };

export class AttemptCounter {
  private readonly seen = new Map<string, { count: number; expires: number }>();

  attemptOf(req: IncomingMessage, now = Date.now()): AttemptResult {
    const marked = /(?:^|;)\s*attempt=(\d+)\s*(?:;|$)/.exec(firstValue(req.headers["amz-sdk-request"]) ?? "")?.[1];
    if (marked !== undefined && Number(marked) >= 1) return { ok: true, attempt: Number(marked) };
    const invocation = firstValue(req.headers["amz-sdk-invocation-id"]);
    if (!invocation) {
      return { ok: false, message: "Prefer: failures=N counts the attempts of one call by the amz-sdk-invocation-id header (or amz-sdk-request: attempt=N), which the AWS SDKs and the AWS CLI send; this request has neither" };
    }
    if (invocation.length > MAX_INVOCATION_ID_LENGTH) {
      return { ok: false, message: `amz-sdk-invocation-id may be at most ${MAX_INVOCATION_ID_LENGTH} characters (the AWS SDKs send a 36-character UUID); this one has ${invocation.length}` };
    }
    this.expire(now);
    const entry = this.seen.get(invocation);
    const count = (entry?.count ?? 0) + 1;
    // Re-inserted so that Map order stays oldest-first.
    this.seen.delete(invocation);
    this.seen.set(invocation, { count, expires: now + INVOCATION_TTL_MS });
    if (this.seen.size > MAX_INVOCATIONS) this.seen.delete(this.seen.keys().next().value!);
    return { ok: true, attempt: count };
  }

  /** Forgets every call's attempts (a reset). */
  clear(): void {
    this.seen.clear();
  }

  get size(): number {
    return this.seen.size;
  }

  private expire(now: number): void {
    for (const [key, entry] of this.seen) {
      if (entry.expires > now) break; // oldest first: the rest are younger
      this.seen.delete(key);
    }
  }
}
