/** The log line: one subscriber of the answer events, one line per answer. */
import type { AnswerEvent } from "./event.js";

/** What answered, as the log names it: the operation (with the error), the preflight, the admin route, or the error. */
function label(event: AnswerEvent): string {
  const error = event.errorName ? ` ${event.errorName}` : "";
  if (event.operation) return `${event.target ?? event.operation}${error}`;
  if (event.answeredBy === "cors") return "preflight";
  // The line already shows the method and the path.
  if (event.answeredBy === "admin") return event.errorName ?? "admin";
  return event.errorName ?? event.answeredBy;
}

export function logLine(event: AnswerEvent): string {
  const what = event.closed === "aborted" ? "aborted -" : `${label(event)} ${event.status}`;
  return `${new Date(event.receivedAt).toISOString()} ${event.method} ${event.path} ${what} ${event.timings.totalMs.toFixed(1)}ms ${event.requestId}`;
}
