/** How the client decides on retries, as types only. */

/**
 * What kind of failure an attempt met, as the SDK classifies it (@smithy's service-error-classification):
 * - `THROTTLING`: a 429 or a throttling error name (`ThrottlingException`, ...);
 * - `TRANSIENT`: a 500/502/503/504, a network error, an attempt's timeout, a clock-skew refusal;
 * - `SERVER_ERROR`: another 5xx; `CLIENT_ERROR`: anything else (not retried).
 */
export type RetryErrorType = "THROTTLING" | "TRANSIENT" | "SERVER_ERROR" | "CLIENT_ERROR";

/** One failed attempt, as the retry strategy sees it. */
export interface RetryErrorInfo {
  errorType: RetryErrorType;
  /** The error the attempt failed with (a `ServiceError` or a `CallError`). */
  error: Error;
  /** When the service asked to be called again (`x-amz-retry-after` or `Retry-After`), if it did. */
  retryAfterHint?: Date | undefined;
}

/** A call's standing with the strategy: created for the first attempt, replaced for each retry. */
export interface RetryToken {
  /** Retries made so far (0 on the first attempt). */
  readonly retryCount: number;
  /** The quota this retry took (refunded on success), 0 for the first attempt. */
  readonly cost: number;
  /** The wait before this attempt, in milliseconds. */
  readonly delayMs: number;
}

/**
 * Decides on retries for one client's calls. `standardRetryStrategy()` is the SDK's standard mode;
 * any object of this shape may replace it (to retry less, differently, or never).
 */
export interface RetryStrategy {
  /** The most attempts of one call, the first included (sent as `amz-sdk-request: attempt=N; max=M`). */
  readonly maxAttempts: number;
  /** The token of a call's first attempt. */
  acquireInitialRetryToken(): RetryToken;
  /** The token of the next attempt (its `delayMs` is waited first), or `undefined` to stop and fail with `info.error`. */
  refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): RetryToken | undefined;
  /** A call succeeded with this token: the quota it took is refunded. */
  recordSuccess(token: RetryToken): void;
  /**
   * Waits `ms` before a retry (default: a timer). The client cuts the wait short on its deadline or
   * the caller's abort, so this need not listen to either. Tests pass one that records and returns.
   */
  sleep?(ms: number): Promise<void>;
}
