/**
 * Which journal entries a reader asks for: the same filters in Node (`mock.requests({ operation })`)
 * and over HTTP (`GET /_mock/requests?operation=ListCommands`), each checked and refused by name
 * when malformed.
 */
import type { OperationName } from "aws-ops-contract/types";
import { ANSWERED_BY, type AnsweredBy, type JournalEntry } from "./entry.js";

export interface RequestFilter<Op extends OperationName = OperationName> {
  /** Only this operation, or any of these. */
  operation?: Op | readonly Op[];
  /** Only requests received at or after this time (a Date, epoch milliseconds or ISO 8601 text). */
  since?: Date | number | string;
  /** Only requests received before this time. */
  until?: Date | number | string;
  /** Only entries with an ID above this one (to read on from the last entry seen). */
  after?: number;
  /** Only answers with this HTTP status. */
  status?: number;
  /** Only answers with this error name; `null` for successes only. */
  error?: string | null;
  answeredBy?: AnsweredBy;
  /** Only requests signed with this access key ID. */
  accessKeyId?: string;
  /** Only the attempts of this SDK call (`amz-sdk-invocation-id`). */
  invocationId?: string;
  /** At most this many entries: the newest ones. */
  limit?: number;
}

/** The query parameters GET /_mock/requests takes (the RequestFilter members). */
export const FILTER_PARAMETERS = ["operation", "since", "until", "after", "status", "error", "answeredBy", "accessKeyId", "invocationId", "limit"] as const;

export type FilterParse = { ok: true; filter: RequestFilter } | { ok: false; message: string };

/** A time as epoch milliseconds, or undefined when `value` is not one. */
export function timeOf(value: Date | number | string): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (/^\d+(?:\.\d+)?$/.test(value)) return Number(value);
  // ISO 8601 with a date and a time: Date.parse alone would take "1" or "March 3".
  if (!/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

const wholeNumber = (text: string): number | undefined => (/^\d{1,15}$/.test(text) ? Number(text) : undefined);

/** Reads the filters of GET /_mock/requests; an unknown parameter or a malformed value is refused by name. */
export function parseFilterQuery(params: URLSearchParams, known: ReadonlySet<string>): FilterParse {
  const filter: RequestFilter = {};
  const bad = (name: string, rule: string): FilterParse => ({ ok: false, message: `Query parameter '${name}' ${rule}` });
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    const value = values[values.length - 1]!;
    switch (name) {
      case "operation": {
        const names = values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
        const unknown = names.find((n) => !known.has(n));
        if (unknown !== undefined || names.length === 0) return bad(name, `must name operations this mock serves (${[...known].join(", ")}); got '${unknown ?? value}'`);
        filter.operation = names as OperationName[];
        break;
      }
      case "since":
      case "until":
        if (timeOf(value) === undefined) return bad(name, `must be an ISO 8601 time (2026-03-04T10:11:12Z) or epoch milliseconds; got '${value}'`);
        filter[name] = value;
        break;
      case "after":
      case "limit": {
        const n = wholeNumber(value);
        if (n === undefined || (name === "limit" && n < 1)) return bad(name, `must be a whole number${name === "limit" ? ", at least 1" : ""}; got '${value}'`);
        filter[name] = n;
        break;
      }
      case "status": {
        const n = wholeNumber(value);
        if (n === undefined || n < 100 || n > 599) return bad(name, `must be an HTTP status (100 to 599); got '${value}'`);
        filter.status = n;
        break;
      }
      case "error":
        // `error=` (empty) or `error=null` asks for the successes.
        filter.error = value === "" || value === "null" ? null : value;
        break;
      case "answeredBy":
        if (!(ANSWERED_BY as readonly string[]).includes(value)) return bad(name, `must be one of ${ANSWERED_BY.join(", ")}; got '${value}'`);
        filter.answeredBy = value as AnsweredBy;
        break;
      case "accessKeyId":
      case "invocationId":
        filter[name] = value;
        break;
      default:
        return bad(name, `is not a filter of /_mock/requests; the filters are ${FILTER_PARAMETERS.join(", ")}`);
    }
  }
  return { ok: true, filter };
}

/** Checks a filter given in code (what TypeScript cannot: times, counts); throws a TypeError naming the member. */
export function checkFilter(filter: RequestFilter): void {
  for (const name of ["since", "until"] as const) {
    const value = filter[name];
    if (value !== undefined && timeOf(value) === undefined) throw new TypeError(`requests({ ${name} }) must be a Date, epoch milliseconds or ISO 8601 text (got ${JSON.stringify(value)})`);
  }
  for (const name of ["after", "limit", "status"] as const) {
    const value = filter[name];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < (name === "limit" ? 1 : 0))) throw new TypeError(`requests({ ${name} }) must be a whole number (got ${JSON.stringify(value)})`);
  }
}

/** The entries (oldest first) that pass `filter`, the newest `limit` of them. */
export function applyFilter(entries: readonly JournalEntry[], filter: RequestFilter = {}): JournalEntry[] {
  const operations = filter.operation === undefined ? undefined : new Set<string>(typeof filter.operation === "string" ? [filter.operation] : filter.operation);
  const since = filter.since === undefined ? undefined : timeOf(filter.since);
  const until = filter.until === undefined ? undefined : timeOf(filter.until);
  const out = entries.filter((entry) => {
    if (operations && (entry.operation === null || !operations.has(entry.operation))) return false;
    if (filter.after !== undefined && entry.id <= filter.after) return false;
    if (since !== undefined || until !== undefined) {
      const at = Date.parse(entry.receivedAt);
      if (since !== undefined && at < since) return false;
      if (until !== undefined && at >= until) return false;
    }
    if (filter.status !== undefined && entry.status !== filter.status) return false;
    if (filter.error !== undefined && entry.error !== filter.error) return false;
    if (filter.answeredBy !== undefined && entry.answeredBy !== filter.answeredBy) return false;
    if (filter.accessKeyId !== undefined && entry.accessKeyId !== filter.accessKeyId) return false;
    if (filter.invocationId !== undefined && entry.sdk.invocationId !== filter.invocationId) return false;
    return true;
  });
  return filter.limit !== undefined && out.length > filter.limit ? out.slice(out.length - filter.limit) : out;
}
