/** Journal entries as the mock records them, for the journal's and verification's unit tests. */
import type { JournalEntry } from "../../../mock/src/journal/entry.js";
import type { NewEntry } from "../../../mock/src/journal/request-journal.js";

let requestNumber = 0;

/** An entry of `operation` with `input`, answered 200 by the data set, received at `receivedAt`; `more` overrides. */
export function entry(operation: string | null, input: unknown, more: Partial<JournalEntry> = {}): NewEntry {
  return {
    requestId: `req-${++requestNumber}`,
    receivedAt: "2026-03-04T10:00:00.000Z",
    method: "POST",
    path: "/",
    headers: {},
    accessKeyId: null,
    signature: null,
    sdk: { invocationId: null, attempt: null, max: null },
    answeredBy: "data",
    status: 200,
    error: null,
    issues: null,
    timings: { totalMs: 1, stages: {} },
    operation,
    input,
    ...more,
  } as NewEntry;
}
