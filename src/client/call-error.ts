/**
 * Failures that are not an answer from the service: the call timed out or was aborted, the answer
 * was too large, redirected, or not the JSON object the protocol promises, or a paginator was handed
 * a token it had already followed. Each names the operation (and the HTTP status when there was one).
 */

/** What went wrong, as the error's `name`. */
export type CallErrorName =
  /** No complete answer within the client's `timeoutMs`. */
  | "TimeoutError"
  /** The caller's `signal` aborted the call; `cause` is the signal's reason. */
  | "AbortError"
  /** The answer's body is larger than the client's `maxResponseBytes`. */
  | "ResponseTooLargeError"
  /** The service answered a 3xx; the client follows no redirect (AWS APIs do not redirect these calls). */
  | "RedirectError"
  /** A success answer that is not a JSON object: empty, 204, invalid JSON, an array, text/html, ... */
  | "InvalidResponseError"
  /** A paginator was handed a token it had already followed, which would loop for ever. */
  | "PaginationLoopError";

export class CallError extends Error {
  override readonly name: CallErrorName;
  /** The operation that failed, such as `ListCommands`. */
  readonly operation: string;
  /** The HTTP status of the answer, when one arrived. */
  readonly status: number | undefined;

  constructor(name: CallErrorName, operation: string, message: string, init: { status?: number | undefined; cause?: unknown } = {}) {
    super(`${operation}: ${message}`, "cause" in init ? { cause: init.cause } : undefined);
    this.name = name;
    this.operation = operation;
    this.status = init.status;
  }
}

/** True when `err` is a `CallError` (with the given name, if one is passed). */
export function isCallError<N extends CallErrorName>(err: unknown, name?: N): err is CallError & { name: N } {
  return err instanceof CallError && (name === undefined || err.name === name);
}
