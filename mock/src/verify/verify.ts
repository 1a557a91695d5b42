/**
 * Verification over the journal: "ListCommands was received with this input, this many times", or
 * "these requests arrived in this order". A failed verification says what was expected, what was
 * received, and which requests came closest and how each differs (a near miss per line), as
 * WireMock's and MockServer's verifications do, but by operation and parsed input rather than by URL.
 */
import type { Shape } from "aws-ops-contract/model";
import type { OperationInput, OperationName } from "aws-ops-contract/types";
import { ANSWERED_BY, type AnsweredBy, type JournalEntry } from "../journal/entry.js";
import { describeDifference, differences, show, type Difference } from "./match.js";

/** A partial input: any member may be left out; `null` expects it not to be set. */
export type InputPattern<T> = T extends readonly (infer I)[]
  ? readonly InputPattern<I>[]
  : T extends Record<string, unknown>
    ? { [K in keyof T]?: InputPattern<T[K]> | null }
    : T;

/** What a request must be to count. Every member is optional: `{}` matches any request. */
export interface RequestPattern<Op extends OperationName = OperationName> {
  operation?: Op;
  /** A partial deep match of the parsed input (see verify/match.ts). */
  input?: InputPattern<OperationInput<Op>>;
  status?: number;
  /** The answer's error name; `null` for a success. */
  error?: string | null;
  answeredBy?: AnsweredBy;
  accessKeyId?: string;
}

/** Exactly N, or a range (`{ atLeast: 1 }` is the default; `{ atMost: 0 }` is "never"). */
export type Times = number | { atLeast?: number; atMost?: number };

export interface CountVerification<Op extends OperationName = OperationName> extends RequestPattern<Op> {
  times?: Times;
}

/** The patterns must be met by requests in this order (others may come between them). */
export interface SequenceVerification {
  sequence: readonly RequestPattern[];
}

/** The `nth` request of `operation` (1 the first, -1 the last) must match the pattern. */
export interface NthVerification<Op extends OperationName = OperationName> extends RequestPattern<Op> {
  operation: Op;
  nth: number;
}

export type Verification<Op extends OperationName = OperationName> = CountVerification<Op> | SequenceVerification | NthVerification<Op>;

export interface NearMiss {
  id: number;
  operation: string | null;
  status: number;
  error: string | null;
  differences: Difference[];
}

export interface VerificationResult {
  ok: boolean;
  /** How many requests matched (a sequence: how many of its steps were met). */
  count: number;
  /** The IDs of the journal entries that matched (a sequence: the entry of each step met). */
  matched: number[];
  /** What was verified and, on failure, how it failed. */
  message: string;
  /** On failure, the requests that came closest, closest first. */
  nearMisses: NearMiss[];
}

export class VerificationError extends Error {
  override name = "VerificationError";
  constructor(readonly result: VerificationResult) {
    super(result.message);
  }
}

/** `verify` over a `check`: the result when it passed, else a VerificationError carrying it (in-process and over HTTP alike). */
export function verifyingWith(check: (verification: Verification) => Promise<VerificationResult>): (verification: Verification) => Promise<VerificationResult> {
  return async (verification) => {
    const result = await check(verification);
    if (!result.ok) throw new VerificationError(result);
    return result;
  };
}

/** The request shape of an operation, for lists compared as sets. */
export type ShapeOf = (operation: string) => Shape | undefined;

/** How many near misses a failure lists. */
const NEAR_MISSES = 3;

const isSequence = (verification: Verification): verification is SequenceVerification => Array.isArray((verification as SequenceVerification).sequence);
const isNth = (verification: Verification): verification is NthVerification => (verification as NthVerification).nth !== undefined;

/** Checks `verification` against `entries` (oldest first). `kept`/`dropped` let a message say the journal lost older requests. */
export function checkVerification(entries: readonly JournalEntry[], verification: Verification, shapeOf: ShapeOf, dropped = 0): VerificationResult {
  if (isSequence(verification)) return checkSequence(entries, verification, shapeOf, dropped);
  return isNth(verification) ? checkNth(entries, verification, shapeOf, dropped) : checkCount(entries, verification as CountVerification, shapeOf, dropped);
}

/** The differences between a journal entry and a pattern; none means the entry matches. */
export function patternDifferences(pattern: RequestPattern, entry: JournalEntry, shapeOf: ShapeOf): Difference[] {
  const found: Difference[] = [];
  const member = (name: "operation" | "status" | "error" | "answeredBy" | "accessKeyId", actual: unknown): void => {
    const expected = pattern[name];
    if (expected !== undefined && !Object.is(expected, actual)) found.push({ path: name, expected, actual });
  };
  member("operation", entry.operation);
  // Another operation's input is not worth comparing member by member.
  if (found.length === 0 && pattern.input !== undefined) {
    found.push(...differences(pattern.input, entry.input ?? undefined, entry.operation ? shapeOf(entry.operation) : undefined, "input"));
  }
  member("status", entry.status);
  member("error", entry.error);
  member("answeredBy", entry.answeredBy);
  member("accessKeyId", entry.accessKeyId);
  return found;
}

function nearMisses(pattern: RequestPattern, entries: readonly JournalEntry[], shapeOf: ShapeOf): NearMiss[] {
  return entries
    .map((entry) => ({ entry, found: patternDifferences(pattern, entry, shapeOf) }))
    .filter(({ found }) => found.length > 0)
    .sort((a, b) => rank(a.found) - rank(b.found) || b.entry.id - a.entry.id)
    .slice(0, NEAR_MISSES)
    .map(({ entry, found }) => ({ id: entry.id, operation: entry.operation, status: entry.status, error: entry.error, differences: found }));
}

/** Another operation ranks below any difference of the same operation. */
const rank = (found: readonly Difference[]): number => (found.some((d) => d.path === "operation") ? 1000 : 0) + found.length;

function timesRange(times: Times | undefined): { atLeast: number; atMost: number } {
  if (times === undefined) return { atLeast: 1, atMost: Number.POSITIVE_INFINITY };
  if (typeof times === "number") return { atLeast: times, atMost: times };
  return { atLeast: times.atLeast ?? 0, atMost: times.atMost ?? Number.POSITIVE_INFINITY };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export function describeTimes(times: Times | undefined): string {
  const { atLeast, atMost } = timesRange(times);
  if (atLeast === atMost) return atLeast === 0 ? "never" : `exactly ${plural(atLeast, "time")}`;
  if (atMost === Number.POSITIVE_INFINITY) return `at least ${plural(atLeast, "time")}`;
  if (atLeast === 0) return `at most ${plural(atMost, "time")}`;
  return `between ${atLeast} and ${plural(atMost, "time")}`;
}

/** `ListCommands with input {...}, answered 200`: a pattern as a message names it. */
export function describePattern(pattern: RequestPattern): string {
  const parts = [pattern.operation ?? "a request"];
  if (pattern.input !== undefined) parts.push(`with input ${show(pattern.input, 400)}`);
  if (pattern.status !== undefined) parts.push(`answered ${pattern.status}`);
  if (pattern.error !== undefined) parts.push(pattern.error === null ? "answered with success" : `answered with ${pattern.error}`);
  if (pattern.answeredBy !== undefined) parts.push(`answered by ${pattern.answeredBy}`);
  if (pattern.accessKeyId !== undefined) parts.push(`signed by ${pattern.accessKeyId}`);
  return parts.join(" ");
}

function describeNearMisses(misses: readonly NearMiss[]): string {
  if (misses.length === 0) return "";
  const lines = misses.flatMap((miss) => [
    `  #${miss.id} ${miss.operation ?? "(no operation)"} -> ${miss.status}${miss.error ? ` ${miss.error}` : ""}:`,
    ...miss.differences.slice(0, 8).map((d) => `      ${describeDifference(d)}`),
    ...(miss.differences.length > 8 ? [`      ... and ${miss.differences.length - 8} more`] : []),
  ]);
  return `\nThe closest requests:\n${lines.join("\n")}`;
}

const journalNote = (entries: readonly JournalEntry[], dropped: number): string =>
  ` (the journal holds ${plural(entries.length, "request")}${dropped > 0 ? `; ${dropped} older ones were dropped, past its size` : ""})`;

function checkCount(entries: readonly JournalEntry[], verification: CountVerification, shapeOf: ShapeOf, dropped: number): VerificationResult {
  const { times, ...pattern } = verification;
  checkTimes(times);
  const matched = entries.filter((entry) => patternDifferences(pattern, entry, shapeOf).length === 0).map((entry) => entry.id);
  const { atLeast, atMost } = timesRange(times);
  const ok = matched.length >= atLeast && matched.length <= atMost;
  const expectation = `Expected ${describePattern(pattern)} to be received ${describeTimes(times)}`;
  if (ok) {
    return { ok, count: matched.length, matched, message: `${expectation}: it was received ${plural(matched.length, "time")}${matched.length ? ` (${matched.map((id) => `#${id}`).join(", ")})` : ""}.`, nearMisses: [] };
  }
  const misses = matched.length < atLeast ? nearMisses(pattern, entries, shapeOf) : [];
  const which = matched.length > 0 ? `: ${matched.map((id) => `#${id}`).join(", ")}` : "";
  const message = `${expectation}, but it was received ${plural(matched.length, "time")}${which}${journalNote(entries, dropped)}.${describeNearMisses(misses)}`;
  return { ok, count: matched.length, matched, message, nearMisses: misses };
}

function checkSequence(entries: readonly JournalEntry[], verification: SequenceVerification, shapeOf: ShapeOf, dropped: number): VerificationResult {
  const steps = verification.sequence;
  const listed = steps.map((step, i) => `  ${i + 1}. ${describePattern(step)}`).join("\n");
  const matched: number[] = [];
  let from = 0;
  for (let s = 0; s < steps.length; s++) {
    const at = entries.findIndex((entry, index) => index >= from && patternDifferences(steps[s]!, entry, shapeOf).length === 0);
    if (at === -1) {
      const after = matched.length > 0 ? ` after #${matched[matched.length - 1]} (step ${s})` : "";
      const misses = nearMisses(steps[s]!, entries.slice(from), shapeOf);
      const earlier = matched.length > 0 && entries.slice(0, from).some((entry) => patternDifferences(steps[s]!, entry, shapeOf).length === 0) ? ` (it was received before that, out of order)` : "";
      const message = `Expected the requests in this order:\n${listed}\nbut step ${s + 1} was not received${after}${earlier}${journalNote(entries, dropped)}.${describeNearMisses(misses)}`;
      return { ok: false, count: matched.length, matched, message, nearMisses: misses };
    }
    matched.push(entries[at]!.id);
    from = at + 1;
  }
  return { ok: true, count: matched.length, matched, message: `Received the requests in order: ${matched.map((id) => `#${id}`).join(", ")}.`, nearMisses: [] };
}

const ordinal = (n: number): string => (n === -1 ? "last" : `${n}${[11, 12, 13].includes(n % 100) ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th"}`);

function checkNth(entries: readonly JournalEntry[], verification: NthVerification, shapeOf: ShapeOf, dropped: number): VerificationResult {
  const { nth, ...pattern } = verification;
  if (!Number.isSafeInteger(nth) || nth === 0 || nth < -1) throw new TypeError(`nth must be a whole number from 1, or -1 for the last (got ${JSON.stringify(nth)})`);
  const ofOperation = entries.filter((entry) => entry.operation === pattern.operation);
  const entry = nth === -1 ? ofOperation.at(-1) : ofOperation[nth - 1];
  const expectation = `Expected the ${ordinal(nth)} ${pattern.operation} request to be ${describePattern(pattern)}`;
  if (!entry) {
    return { ok: false, count: 0, matched: [], message: `${expectation}, but ${pattern.operation} was received ${plural(ofOperation.length, "time")}${journalNote(entries, dropped)}.`, nearMisses: [] };
  }
  const found = patternDifferences(pattern, entry, shapeOf);
  if (found.length === 0) return { ok: true, count: 1, matched: [entry.id], message: `${expectation}: it is #${entry.id}.`, nearMisses: [] };
  const miss: NearMiss = { id: entry.id, operation: entry.operation, status: entry.status, error: entry.error, differences: found };
  return { ok: false, count: 0, matched: [], message: `${expectation}, but it differs.${describeNearMisses([miss])}`, nearMisses: [miss] };
}

function checkTimes(times: Times | undefined): void {
  const bad = (why: string): never => {
    throw new TypeError(`times ${why} (got ${JSON.stringify(times)})`);
  };
  if (times === undefined) return;
  if (typeof times === "number") {
    if (!Number.isSafeInteger(times) || times < 0) bad("must be a whole number, 0 or more, or { atLeast, atMost }");
    return;
  }
  if (times === null || typeof times !== "object") bad("must be a whole number or { atLeast, atMost }");
  for (const [key, value] of Object.entries(times)) {
    if (key !== "atLeast" && key !== "atMost") bad(`takes only atLeast and atMost, not '${key}'`);
    if (!Number.isSafeInteger(value) || (value as number) < 0) bad(`.${key} must be a whole number, 0 or more`);
  }
  if ((times.atLeast ?? 0) > (times.atMost ?? Number.POSITIVE_INFINITY)) bad("has atLeast above atMost");
}

export type VerificationParse = { ok: true; verification: Verification } | { ok: false; message: string };

const PATTERN_MEMBERS = new Set(["operation", "input", "status", "error", "answeredBy", "accessKeyId"]);

/** Reads the JSON body of POST /_mock/verify; a malformed one is refused, naming the member and the rule. */
export function parseVerification(body: unknown, known: ReadonlySet<string>): VerificationParse {
  const fail = (message: string): VerificationParse => ({ ok: false, message });
  if (body === null || typeof body !== "object" || Array.isArray(body)) return fail("The body must be a JSON object: { operation, input, times } or { sequence: [...] }");
  const record = body as Record<string, unknown>;
  if ("sequence" in record) {
    const extra = Object.keys(record).filter((k) => k !== "sequence");
    if (extra.length > 0) return fail(`A sequence verification takes only 'sequence' (got '${extra[0]}')`);
    if (!Array.isArray(record["sequence"]) || record["sequence"].length === 0) return fail("'sequence' must be a non-empty list of request patterns");
    const steps: RequestPattern[] = [];
    for (const [i, step] of record["sequence"].entries()) {
      const read = readPattern(step, known, `sequence[${i}]`);
      if (typeof read === "string") return fail(read);
      steps.push(read);
    }
    return { ok: true, verification: { sequence: steps } };
  }
  const { times, nth, ...rest } = record;
  const pattern = readPattern(rest, known, "");
  if (typeof pattern === "string") return fail(pattern);
  if (nth !== undefined) {
    if (times !== undefined) return fail("Give 'times' or 'nth', not both");
    if (!Number.isSafeInteger(nth) || (nth as number) === 0 || (nth as number) < -1) return fail("'nth' must be a whole number from 1, or -1 for the last");
    if (pattern.operation === undefined) return fail("'nth' needs the 'operation' it counts");
    return { ok: true, verification: { ...pattern, operation: pattern.operation, nth: nth as number } };
  }
  const verification: CountVerification = { ...pattern };
  if (times !== undefined) {
    try {
      checkTimes(times as Times);
    } catch (error) {
      return fail(`'times' ${(error as Error).message.replace(/^times /, "")}`);
    }
    verification.times = times as Times;
  }
  return { ok: true, verification };
}

function readPattern(value: unknown, known: ReadonlySet<string>, where: string): RequestPattern | string {
  const at = (name: string): string => (where ? `'${where}.${name}'` : `'${name}'`);
  if (value === null || typeof value !== "object" || Array.isArray(value)) return `${where ? `'${where}'` : "A request pattern"} must be a JSON object`;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!PATTERN_MEMBERS.has(key) && !(where === "" && (key === "times" || key === "nth"))) return `${at(key)} is not a member of a request pattern; the members are ${[...PATTERN_MEMBERS].join(", ")}${where === "" ? ", times, nth" : ""}`;
  }
  const { operation, input, status, error, answeredBy, accessKeyId } = record;
  if (operation !== undefined && (typeof operation !== "string" || !known.has(operation))) return `${at("operation")} must name an operation this mock serves (${[...known].join(", ")}); got ${JSON.stringify(operation)}`;
  if (input !== undefined && (input === null || typeof input !== "object" || Array.isArray(input))) return `${at("input")} must be a JSON object (a partial input)`;
  if (status !== undefined && (!Number.isSafeInteger(status) || (status as number) < 100 || (status as number) > 599)) return `${at("status")} must be an HTTP status (100 to 599)`;
  if (error !== undefined && error !== null && typeof error !== "string") return `${at("error")} must be an error name, or null for a success`;
  if (answeredBy !== undefined && !(ANSWERED_BY as readonly unknown[]).includes(answeredBy)) return `${at("answeredBy")} must be one of ${ANSWERED_BY.join(", ")}`;
  if (accessKeyId !== undefined && typeof accessKeyId !== "string") return `${at("accessKeyId")} must be a string`;
  return record as RequestPattern;
}
