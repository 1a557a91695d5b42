/**
 * Records whose state changes: a record's `Timeline` is a list of states, each a partial record (the
 * members that change) with `at`, when it begins: a duration since the data set was loaded (`"30s"`,
 * inclusive) or `{ "reads": N }` (from the answer after the record's run has been answered N times).
 * The record's own members are its state before the first entry; each entry's members are merged
 * onto the state before it (a member set to null is removed). `AppearsAt`, in the same form, keeps
 * the record out of every answer until then.
 *
 * This module reads and checks a timeline and picks the state for a moment; what a state means for
 * its service (end times only once terminal, plugins that follow their invocation) is
 * progress-rules.ts's business.
 */
import { formatDuration, parseDuration } from "../clock/duration.js";
import type { Rec } from "./types.js";

/** The data-file members of a record that changes. */
export const TIMELINE = "Timeline";
export const APPEARS_AT = "AppearsAt";

export type AtKind = "time" | "reads";
/** When a state begins: milliseconds since load, or a number of earlier answers. */
export interface At {
  kind: AtKind;
  value: number;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const AT_FORM = `a duration since the data set was loaded, such as "30s" or "2m", or { "reads": N }`;

/** Reads an `at` (or `AppearsAt`) value. */
export function parseAt(value: unknown): Checked<At> {
  if (typeof value === "string") {
    const parsed = parseDuration(value);
    return parsed.ok ? { ok: true, value: { kind: "time", value: parsed.value } } : { ok: false, message: `${parsed.message} (or { "reads": N })` };
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const reads = (value as Rec)["reads"];
    if (keys.length === 1 && typeof reads === "number" && Number.isSafeInteger(reads) && reads >= 0) return { ok: true, value: { kind: "reads", value: reads } };
    return { ok: false, message: `{ "reads": N } takes one member, reads, a whole number of at least 0 (got ${JSON.stringify(value)})` };
  }
  return { ok: false, message: `must be ${AT_FORM} (got ${value === undefined ? "nothing" : JSON.stringify(value)})` };
}

/** An `at` as a data file writes it. */
export const formatAt = (at: At): string | { reads: number } => (at.kind === "time" ? formatDuration(at.value) : { reads: at.value });

/** How a collection's timelines are read: the members no state may change. */
export interface TimelineShape {
  /** The record's identity (IDs it is found by). */
  identity: readonly string[];
  /** Members that hold records with timelines of their own (an execution's steps), which a state may not replace. */
  nested?: string;
  /** Adjusts the merged state (`next`) after `entry` merged onto `previous` (an invocation's plugins follow its Status). */
  merged?(previous: Rec, entry: Rec, next: Rec): void;
}

/** A checked timeline: the kind of its `at`s, each entry's `at`, and the merged states (index 0 is the record itself). */
export interface ParsedTimeline {
  kind: AtKind;
  points: number[];
  /** points.length + 1 merged states, without the Timeline and AppearsAt members. */
  states: Rec[];
  /** The members each entry sets (for the entry at index i, states[i + 1]). */
  sets: Array<ReadonlySet<string>>;
}

/** The record's own members, without the timeline members. */
export function baseOf(record: Rec): Rec {
  if (!Object.hasOwn(record, TIMELINE) && !Object.hasOwn(record, APPEARS_AT)) return record;
  const { [TIMELINE]: _timeline, [APPEARS_AT]: _appears, ...base } = record;
  return base;
}

/** Merges one entry's members onto a state (null removes the member). */
function merge(previous: Rec, entry: Rec): Rec {
  const next: Rec = { ...previous };
  for (const [key, value] of Object.entries(entry)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/**
 * Reads `record`'s Timeline (undefined when it has none), or the faults, each naming the entry
 * (`Timeline[1]: ...`).
 */
export function parseTimeline(record: Rec, shape: TimelineShape): { ok: true; timeline: ParsedTimeline | undefined } | { ok: false; faults: string[] } {
  const list = record[TIMELINE];
  if (list === undefined) return { ok: true, timeline: undefined };
  if (!Array.isArray(list)) return { ok: false, faults: [`member '/${TIMELINE}' must be a list of states, each with 'at' (got ${JSON.stringify(list)})`] };
  const faults: string[] = [];
  const base = baseOf(record);
  const states: Rec[] = [base];
  const points: number[] = [];
  const sets: Array<ReadonlySet<string>> = [];
  let kind: AtKind | undefined;
  list.forEach((item: unknown, index) => {
    const where = `${TIMELINE}[${index}]`;
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      faults.push(`${where}: must be an object: 'at' and the members that change (got ${JSON.stringify(item)})`);
      return;
    }
    const { at, ...entry } = item as Rec;
    const parsed = parseAt(at);
    if (!parsed.ok) {
      faults.push(`${where}: member 'at' ${parsed.message.startsWith("must") ? parsed.message : `is not valid: ${parsed.message}`}`);
      return;
    }
    kind ??= parsed.value.kind;
    if (parsed.value.kind !== kind) {
      faults.push(`${where}: 'at' ${JSON.stringify(at)} mixes ${parsed.value.kind === "reads" ? "a read count with durations" : "a duration with read counts"}; a timeline's entries are all at durations or all at read counts`);
      return;
    }
    const previousPoint = points[points.length - 1];
    if (previousPoint !== undefined && parsed.value.value < previousPoint) {
      faults.push(`${where}: 'at' ${JSON.stringify(at)} is earlier than the entry before it (${JSON.stringify(formatAt({ kind, value: previousPoint }))}); list the states in the order they begin`);
      return;
    }
    for (const member of Object.keys(entry)) {
      if (shape.identity.includes(member)) faults.push(`${where}: member '${member}' cannot change (the record is found by it)`);
      else if (member === TIMELINE || member === APPEARS_AT) faults.push(`${where}: member '${member}' belongs to the record, not to one of its states`);
      else if (member === shape.nested) faults.push(`${where}: member '${member}' cannot be replaced by a state; give each of them its own ${TIMELINE}`);
    }
    const previous = states[states.length - 1]!;
    const next = merge(previous, entry);
    shape.merged?.(previous, entry, next);
    points.push(parsed.value.value);
    states.push(next);
    sets.push(new Set(Object.keys(entry)));
  });
  if (faults.length > 0) return { ok: false, faults };
  return { ok: true, timeline: { kind: kind ?? "time", points, states, sets } };
}

/** The record's AppearsAt, when it has one. */
export function parseAppearsAt(record: Rec): Checked<At | undefined> {
  if (!Object.hasOwn(record, APPEARS_AT)) return { ok: true, value: undefined };
  const parsed = parseAt(record[APPEARS_AT]);
  return parsed.ok ? parsed : { ok: false, message: `member '/${APPEARS_AT}' ${parsed.message.startsWith("must") ? parsed.message : `is not valid: ${parsed.message}`}` };
}

/** How many of `points` (ascending) are at or before `value`: the index of the state in force. */
export function stateIndex(points: readonly number[], value: number): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (points[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
