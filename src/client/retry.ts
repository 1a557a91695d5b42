/**
 * Retries as SDK v3's standard mode makes them (@smithy/core's StandardRetryStrategy,
 * DefaultRetryBackoffStrategy and service-error-classification, as installed beside this package):
 * - which failures: throttling (a 429 or a throttling error name), transient (500, 502, 503, 504,
 *   a network error, an attempt's timeout, `RequestTimeout*`, a clock-skew refusal the client has
 *   just corrected, an `InvalidSignatureException` saying "Signature expired"); nothing else;
 * - how many: `maxAttempts` attempts of one call, 3 by default;
 * - how long between: full jitter, `random() * min(base * 2^retries, 20 s)`, the base 1 s after
 *   throttling and 50 ms otherwise, and no less than a `Retry-After` hint asks (capped at 5 s more);
 * - how often overall: a quota of 500 per client; each retry takes 5 after throttling and 14
 *   otherwise, a call that succeeds gives back what its retry took (1 when it took none), and an
 *   empty quota stops retries, so an outage does not multiply the load.
 * Every figure is an option: `{ baseDelayMs: 100, throttlingBaseDelayMs: 500, retryCost: 5,
 * transientRetryCost: 10 }` is the standard mode of SDK v3 releases before 2026.
 */
import { CallError } from "./call-error.js";
import { ServiceError } from "./errors.js";
import type { RetryErrorType, RetryStrategy } from "./types/retry.js";

export interface StandardRetryOptions {
  /** Attempts of one call, the first included (default 3). */
  maxAttempts?: number | undefined;
  /** The jitter's source, a number in [0, 1) (default `Math.random`). */
  random?: (() => number) | undefined;
  /** The wait before a retry (default: a timer). */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /** The clock a `Retry-After` date is read against (default `Date.now`). */
  now?: (() => number) | undefined;
  /** Back-off base after a non-throttling failure, ms (default 50). */
  baseDelayMs?: number | undefined;
  /** Back-off base after throttling, ms (default 1000). */
  throttlingBaseDelayMs?: number | undefined;
  /** The longest wait, ms (default 20000). */
  maxDelayMs?: number | undefined;
  /** The retry quota (default 500). */
  quota?: number | undefined;
  /** Quota taken by a retry after a server or client error that is retried (default 14). */
  retryCost?: number | undefined;
  /** Quota taken by a retry after a transient failure: 5xx, network, timeout, skew (default 14). */
  transientRetryCost?: number | undefined;
  /** Quota taken by a retry after throttling (default 5). */
  throttlingRetryCost?: number | undefined;
}

/** What a call that succeeds without a retry gives back to the quota. */
const NO_RETRY_INCREMENT = 1;
/** The most a `Retry-After` hint adds to the computed back-off. */
const RETRY_AFTER_MAX_EXTRA_MS = 5_000;

export function standardRetryStrategy(options: StandardRetryOptions = {}): RetryStrategy {
  const maxAttempts = options.maxAttempts ?? 3;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new TypeError(`maxAttempts must be an integer of at least 1, got ${JSON.stringify(options.maxAttempts)}`);
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const baseDelay = options.baseDelayMs ?? 50;
  const throttlingBaseDelay = options.throttlingBaseDelayMs ?? 1_000;
  const maxDelay = options.maxDelayMs ?? 20_000;
  const quota = options.quota ?? 500;
  const cost = options.retryCost ?? 14;
  const transientCost = options.transientRetryCost ?? 14;
  const throttlingCost = options.throttlingRetryCost ?? 5;
  let capacity = quota;
  const costOf = (type: RetryErrorType): number => (type === "THROTTLING" ? throttlingCost : type === "TRANSIENT" ? transientCost : cost);

  const strategy: RetryStrategy = {
    maxAttempts,
    acquireInitialRetryToken: () => ({ retryCount: 0, cost: 0, delayMs: 0 }),
    refreshRetryTokenForRetry(token, info) {
      if (info.errorType !== "THROTTLING" && info.errorType !== "TRANSIENT") return undefined;
      if (token.retryCount + 1 >= maxAttempts) return undefined;
      const taken = costOf(info.errorType);
      if (capacity < taken) return undefined;
      capacity -= taken;
      const base = info.errorType === "THROTTLING" ? throttlingBaseDelay : baseDelay;
      let delayMs = Math.floor(random() * Math.min(base * 2 ** token.retryCount, maxDelay));
      if (info.retryAfterHint) delayMs = Math.max(delayMs, Math.min(info.retryAfterHint.getTime() - now(), delayMs + RETRY_AFTER_MAX_EXTRA_MS));
      return { retryCount: token.retryCount + 1, cost: taken, delayMs };
    },
    recordSuccess(token) {
      capacity = Math.min(quota, capacity + (token.cost || NO_RETRY_INCREMENT));
    },
  };
  if (options.sleep) strategy.sleep = options.sleep;
  return strategy;
}

/** Throttling error names (@smithy's THROTTLING_ERROR_CODES). */
const THROTTLING = new Set([
  "BandwidthLimitExceeded",
  "EC2ThrottledException",
  "LimitExceededException",
  "PriorRequestNotComplete",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
  "ThrottledException",
  "Throttling",
  "ThrottlingException",
  "TooManyRequestsException",
  "TransactionInProgressException",
]);
/** Transient error names and statuses (@smithy's TRANSIENT_ERROR_CODES and TRANSIENT_ERROR_STATUS_CODES). */
const TRANSIENT_NAMES = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException"]);
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);

/**
 * How the SDK classifies a failed attempt. `skewCorrected`: the attempt's answer moved the client's
 * clock offset past the skew threshold, so a new signature will be accepted.
 */
export function retryErrorType(error: unknown, skewCorrected: boolean): RetryErrorType {
  if (error instanceof ServiceError) {
    if (error.status === 429 || THROTTLING.has(error.name)) return "THROTTLING";
    if (
      skewCorrected ||
      (error.name === "InvalidSignatureException" && error.message.includes("Signature expired")) ||
      TRANSIENT_NAMES.has(error.name) ||
      TRANSIENT_STATUSES.has(error.status)
    ) {
      return "TRANSIENT";
    }
    return error.status >= 500 && error.status <= 599 ? "SERVER_ERROR" : "CLIENT_ERROR";
  }
  // A NetworkError (the request may never have reached the service; these five operations are
  // reads, safe to send again) and an attempt's timeout. Not a header Node refused to send.
  if (error instanceof CallError && (error.name === "TimeoutError" || (error.name === "NetworkError" && !error.code?.startsWith("ERR_")))) return "TRANSIENT";
  return "CLIENT_ERROR";
}

/** The `x-amz-retry-after` (milliseconds) or `Retry-After` (seconds or an HTTP date) of an answer, as a date. */
export function retryAfterHint(headers: Readonly<Record<string, string | undefined>>, now: number): Date | undefined {
  const amz = headers["x-amz-retry-after"];
  if (amz !== undefined && /^\d+$/.test(amz)) return new Date(now + Number(amz));
  const after = headers["retry-after"];
  if (after === undefined) return undefined;
  if (/^\d+$/.test(after)) return new Date(now + Number(after) * 1000);
  const at = Date.parse(after);
  return Number.isNaN(at) ? undefined : new Date(at);
}

