/**
 * Timestamps in each service's wire form. SSM (AWS JSON 1.1) sends epoch seconds as a JSON number
 * with a millisecond fraction (`1582244543.188`); Image Builder's DateTime is a string, which the
 * service writes as ISO 8601 in UTC with milliseconds (`2024-08-04T18:45:34.994Z`).
 * Generated times are built in milliseconds and converted at the end, so that order holds exactly.
 */
import type { Random } from "./random.js";

/** Generated runs fall between these instants, whatever the clock says, so a seed always repeats. */
export const EARLIEST_MS = Date.UTC(2024, 0, 1);
export const LATEST_MS = Date.UTC(2026, 0, 1);

/**
 * An instant in milliseconds, never on a whole second (the wire keeps the fraction), within
 * [earliest, latest] when they are given (a request's time filters), else within the default span.
 */
export function instant(random: Random, earliest = EARLIEST_MS, latest = LATEST_MS): number {
  const from = Math.ceil(earliest / 1000);
  const to = Math.max(from, Math.floor(latest / 1000) - 1);
  return random.int(from, to) * 1000 + random.int(1, 999);
}

/**
 * Instants going back in time from `newest`, spaced by 1 minute to 2 hours (closer when `count` would
 * not fit in the time since `earliest`), none before `earliest`.
 */
export function history(random: Random, newest: number, count: number, earliest = EARLIEST_MS): number[] {
  const widest = Math.max(60, Math.min(7200, Math.floor((newest - earliest) / 1000 / Math.max(count, 1))));
  const times: number[] = [];
  for (let at = newest; times.length < count && at >= earliest; at -= random.int(60, widest) * 1000 + random.int(1, 999)) times.push(at);
  return times;
}

/** `from` plus between `minSeconds` and `maxSeconds`, with fresh milliseconds: strictly later. */
export function later(random: Random, from: number, minSeconds: number, maxSeconds: number): number {
  return from + random.int(minSeconds, maxSeconds) * 1000 + random.int(1, 999);
}

/** SSM wire form: epoch seconds with the millisecond fraction. */
export const epochSeconds = (ms: number): number => Math.round(ms) / 1000;

/** Image Builder wire form. */
export const isoTime = (ms: number): string => new Date(ms).toISOString();
