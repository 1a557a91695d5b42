/**
 * Failures that are not an answer from the service: the call timed out or was aborted, the
 * connection failed, the credentials could not be resolved, the answer was too large, redirected,
 * or not the JSON object the protocol promises, or a paginator was handed a token it had already
 * followed. Each names the operation (and the HTTP status when there was one); `cause` holds what
 * the runtime or the provider threw.
 */

/** What went wrong, as the error's `name`. */
export type CallErrorName =
  /** No complete answer within the client's `timeoutMs` (or, on the last attempt, `attemptTimeoutMs`). */
  | "TimeoutError"
  /** The caller's `signal` aborted the call; `cause` is the signal's reason. */
  | "AbortError"
  /**
   * The connection failed before a whole answer arrived: refused, reset (also mid-body), DNS,
   * unreachable, or the browser's `TypeError: Failed to fetch`. Retried as a transient error.
   */
  | "NetworkError"
  /** The credentials provider threw, or resolved something that is not credentials; `cause` is its error. */
  | "CredentialsError"
  /** The answer's body is larger than the client's `maxResponseBytes`. */
  | "ResponseTooLargeError"
  /** The service answered a 3xx; the client follows no redirect (AWS APIs do not redirect these calls). */
  | "RedirectError"
  /**
   * Not an HTTP answer the protocol allows: headers too large, a malformed chunk, a doubled
   * `Content-Length`, an unknown `Content-Encoding`, or a success that is not a JSON object.
   */
  | "InvalidResponseError"
  /** A paginator was handed a token it had already followed, which would loop for ever. */
  | "PaginationLoopError";

export class CallError extends Error {
  override readonly name: CallErrorName;
  /** The operation that failed, such as `ListCommands`. */
  readonly operation: string;
  /** The HTTP status of the answer, when one arrived. */
  readonly status: number | undefined;
  /** The runtime's error code when it gave one (`ECONNRESET`, `HPE_HEADER_OVERFLOW`, ...). */
  readonly code: string | undefined;

  constructor(name: CallErrorName, operation: string, message: string, init: { status?: number | undefined; cause?: unknown; code?: string | undefined } = {}) {
    super(`${operation}: ${message}`, "cause" in init ? { cause: init.cause } : undefined);
    this.name = name;
    this.operation = operation;
    this.status = init.status;
    this.code = init.code;
  }
}

/** True when `err` is a `CallError` (with the given name, if one is passed). */
export function isCallError<N extends CallErrorName>(err: unknown, name?: N): err is CallError & { name: N } {
  return err instanceof CallError && (name === undefined || err.name === name);
}
