/**
 * The request journal's subscriber: each AnswerEvent becomes one journal entry (entry.ts) in the
 * journal of the caller who sent it. What the event does not spell out is read off the request
 * headers it carries: the signature's region, service, signed headers and signing time (from the
 * credential scope, which is no secret), the SDK's `max` attempts, and whether an error was a
 * fault asked for with `Prefer: failures=N`. The admin API's own requests and the requests whose
 * client went away before the answer are not journaled, so reading the journal never changes it.
 */
import type { OperationName } from "aws-ops-contract/types";
import type { AnsweredBy, SignatureVerdict } from "./entry.js";
import type { AnswerEvent } from "./event.js";
import type { NewEntry, RequestJournal } from "./request-journal.js";

/** What an entry holds besides its body and headers, for the journal's byte bound. */
const ENTRY_OVERHEAD_BYTES = 512;

const CREDENTIAL = /Credential=[^/,\s]*\/(\d{8})\/([^/,\s]*)\/([^/,\s]*)\//;
const SIGNED_HEADERS = /SignedHeaders=([^,\s]*)/;
const FAILURES = /(?:^|[,;\s])failures\s*=/i;
/** `max=M` of `amz-sdk-request: attempt=N; max=M` (the event carries the attempt, not the maximum). */
const MAX_ATTEMPTS = /(?:^|;)\s*max=(\d+)\s*(?:;|$)/;

function answeredBy(event: AnswerEvent, headers: Record<string, string>): AnsweredBy {
  if (event.errorName === "InternalFailure" && event.status === 500) return "internal";
  if (event.answeredBy !== "answer") return "refusal";
  if (event.source === "dataSet") return "data";
  if (event.source === "generated") return "generated";
  return event.status >= 400 && FAILURES.test(headers["prefer"] ?? "") ? "fault" : "example";
}

/** The signing time of `X-Amz-Date` (basic ISO 8601) or `Date`, in epoch ms. */
function signedAt(headers: Record<string, string>): number | undefined {
  const amz = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(headers["x-amz-date"] ?? "");
  if (amz) return Date.UTC(Number(amz[1]), Number(amz[2]) - 1, Number(amz[3]), Number(amz[4]), Number(amz[5]), Number(amz[6]));
  const date = headers["date"] === undefined ? Number.NaN : Date.parse(headers["date"]);
  return Number.isNaN(date) ? undefined : date;
}

function signatureOf(event: AnswerEvent, headers: Record<string, string>): SignatureVerdict | null {
  if (!event.auth.checked) return null;
  const authorization = headers["authorization"] ?? "";
  const scope = CREDENTIAL.exec(authorization);
  const at = signedAt(headers);
  return {
    valid: event.auth.ok,
    accessKeyId: event.auth.accessKeyId || event.accessKeyId || null,
    region: scope?.[2] ?? null,
    service: scope?.[3] ?? null,
    signedHeaders: SIGNED_HEADERS.exec(authorization)?.[1]?.split(";").filter((h) => h !== "") ?? [],
    clockSkewMs: at === undefined ? null : at - event.receivedAt,
  };
}

/** What an answer's entry holds (its headers and body), for the journal's byte bound. */
export function bytesOf(event: AnswerEvent): number {
  let bytes = ENTRY_OVERHEAD_BYTES;
  for (const name in event.headers) bytes += name.length + event.headers[name]!.length;
  return bytes + (Number(event.headers["content-length"] ?? 0) || 0);
}

/** The journal entry of an answer. */
export function entryOf(event: AnswerEvent): NewEntry {
  // The event's headers are redacted already, by the same rules (journal/redact.ts).
  const headers = event.headers;
  const max = MAX_ATTEMPTS.exec(headers["amz-sdk-request"] ?? "")?.[1];
  // An input the parse stage refused never parsed: what the event holds is its placeholder.
  const input = event.operation === undefined || event.answeredBy === "parse" || event.input === undefined ? null : event.input;
  return {
    requestId: event.requestId,
    receivedAt: new Date(event.receivedAt).toISOString(),
    method: event.method,
    path: event.path,
    headers,
    accessKeyId: event.accessKeyId ?? null,
    signature: signatureOf(event, headers),
    sdk: { invocationId: event.invocationId ?? null, attempt: event.attempt ?? null, max: max === undefined ? null : Number(max) },
    answeredBy: answeredBy(event, headers),
    status: event.status,
    error: event.errorName ?? null,
    issues: event.issues && event.issues.length > 0 ? event.issues : null,
    timings: { totalMs: event.timings.totalMs, stages: event.timings.stages as Record<string, number> },
    operation: (event.operation ?? null) as OperationName | null,
    input,
  } as NewEntry;
}

/** Records `event` in the journal `journalOf` names (the caller's); admin answers and aborted requests are not journaled. */
export function journalSubscriber(journalOf: (event: AnswerEvent) => RequestJournal): (event: AnswerEvent) => void {
  return (event) => {
    if (event.answeredBy === "admin" || event.closed === "aborted") return;
    const journal = journalOf(event);
    if (journal.enabled) journal.record(() => entryOf(event), bytesOf(event));
  };
}
