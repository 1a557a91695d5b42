/** The clients' options, as types only (no run-time code: any module may import them). */
import type { ValidateOptions } from "../../validation/validate.js";
import type { RetryStrategy } from "./retry.js";

/**
 * AWS credentials, as the SDK's credential providers resolve them (`AwsCredentialIdentity`):
 * `sessionToken` for temporary credentials, `expiration` when they expire.
 */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
  /** When temporary credentials stop working; the client asks its provider again 5 minutes before. */
  expiration?: Date | undefined;
}

/**
 * A function that resolves credentials: any of `@aws-sdk/credential-providers` (`fromNodeProviderChain()`,
 * `fromIni()`, `fromEnv()`, `fromCognitoIdentityPool()`, ...) or your own. As the SDK does, the client
 * calls it on the first call, keeps what it resolves, and calls it again only when those
 * credentials carry an `expiration` less than 5 minutes away (concurrent calls share one refresh).
 */
export type CredentialProvider = (properties?: Record<string, unknown>) => Promise<Credentials>;

export interface ClientOptions {
  /**
   * The AWS Region, such as `us-east-1`; it picks the default endpoint and is part of the signature.
   * Under Node.js it may be left out: the client then reads `AWS_REGION` (as the SDK does), then
   * `AWS_DEFAULT_REGION` (as the AWS CLI does). In browsers it is required.
   */
  region?: string | undefined;
  /** Overrides the endpoint, such as `http://127.0.0.1:4010` for the contract mock. */
  endpoint?: string | undefined;
  /** Static credentials, or a provider such as `fromNodeProviderChain()` from `@aws-sdk/credential-providers`. */
  credentials: Credentials | CredentialProvider;
  /**
   * The fetch to send requests with; it receives the signed `Request` (with `redirect: "manual"`
   * and the attempt's abort signal) and must resolve to a `Response`. Default: node:http(s) with a
   * keep-alive agent under Node.js, `globalThis.fetch` in browsers. Whichever sends, the client
   * follows no redirect (a 3xx rejects with a `CallError` named `RedirectError`), and `timeoutMs`,
   * the call's `signal` and `maxResponseBytes` hold even for a fetch that ignores the signal.
   */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /**
   * Checks every response body (success and error) against the contract before returning it, and
   * throws a `ContractValidationError` naming each member at fault. Off by default: the validators
   * are loaded on first use, so clients that never validate never load them. `true` validates in
   * compatible mode, as fits live traffic: a member or an enum value AWS added after the contract
   * is reported to `onUnknown` (when given) and does not fail the call, while types, required
   * members, formats and bounds do. `{ mode: "strict" }` fails on those too, for contract tests.
   */
  validateResponses?: boolean | ValidateOptions | undefined;
  /**
   * Extra headers sent, and signed, with every request: for instance the contract mock's `Prefer`
   * (`{ prefer: "code=400, example=InvalidNextToken" }`). The headers the protocol sets
   * (`Content-Type`, `X-Amz-Target`, the signature's, `amz-sdk-*`) take precedence over these.
   */
  headers?: Record<string, string> | undefined;
  /**
   * The client's own clock (default: `() => new Date()`). The client signs with this clock plus the
   * offset it learns from the service's `Date` header (clock-skew correction, as SDK v3 does), so a
   * machine whose clock is minutes off still signs requests the service accepts. Tests set it to
   * a fixed or a wrong time.
   */
  now?: (() => Date) | undefined;
  /**
   * The most attempts one call makes, the first included (default 3, as the SDK's standard retry
   * mode; 1 turns retries off). Ignored when `retryStrategy` is given (it has its own).
   */
  maxAttempts?: number | undefined;
  /**
   * Decides whether a failed attempt is retried, and after how long. Default: the SDK's standard
   * mode, `standardRetryStrategy({ maxAttempts })`, one per client (its retry quota is shared by the
   * client's calls, as the SDK's is).
   */
  retryStrategy?: RetryStrategy | undefined;
  /**
   * The most time one call may take, all attempts and the waits between them included, from the
   * call to the last byte of the answer, in milliseconds (a paginator applies it to each page).
   * Past it the call rejects with a `CallError` named `TimeoutError`, the connection is closed and
   * nothing is retried. Default: 300000 (5 minutes), the figure Node's own fetch (undici) uses for
   * its headers and body timeouts. It is a deadline, so a server trickling its answer a byte at a
   * time cannot hold a call open either.
   */
  timeoutMs?: number | undefined;
  /**
   * The most time one attempt may take, in milliseconds (default: no limit but `timeoutMs`). An
   * attempt past it is cancelled and retried as a transient error (a `CallError` named
   * `TimeoutError` if it was the last attempt), within the call's `timeoutMs`.
   */
  attemptTimeoutMs?: number | undefined;
  /**
   * The largest answer body the client reads, in bytes, counted while it streams in (and refused at
   * once when `Content-Length` says more). Past it the call rejects with a `CallError` named
   * `ResponseTooLargeError` and the connection is closed, so memory stays bounded. Default: 67108864
   * (64 MiB), far above any page these APIs answer (a page of 50 command invocations with their
   * output is well under 1 MiB).
   */
  maxResponseBytes?: number | undefined;
}

/** Options of one call (each method's and paginator's second argument). */
export interface CallOptions {
  /**
   * Aborts the call (for a paginator: the page in flight, and stops it), retries and waits
   * included. The call rejects with a `CallError` named `AbortError` whose `cause` is the signal's reason.
   */
  signal?: AbortSignal | undefined;
}

/** The limits each call runs under, checked once. */
export interface Limits {
  timeoutMs: number;
  attemptTimeoutMs: number | undefined;
  maxResponseBytes: number;
}
