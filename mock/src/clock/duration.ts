/**
 * Durations and times relative to the mock's clock, as a data file and the clock's controls write
 * them: a duration is a number and a unit (`ms`, `s`, `m`, `h`, `d`), several in a row adding up
 * (`"90s"`, `"2m"`, `"1h30m"`, `"1.5h"`); a relative time is `now` with an optional signed duration
 * (`"now"`, `"now-2h"`, `"now+30s"`), read against the instant the data set is loaded.
 */

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
const RELATIVE = /^now(?:([+-])(.+))?$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Milliseconds of a duration text (`"90s"`, `"1h30m"`), whole milliseconds; or why it is not one. */
export function parseDuration(text: string): Parsed<number> {
  const bad = (): Parsed<number> => ({ ok: false, message: `'${text}' is not a duration; write a number and a unit (ms, s, m, h, d), such as "30s", "2m", "1h30m"` });
  if (typeof text !== "string" || text === "") return bad();
  PART.lastIndex = 0;
  let total = 0;
  let end = 0;
  for (let match = PART.exec(text); match; match = PART.exec(text)) {
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
    end = PART.lastIndex;
  }
  if (end !== text.length || !Number.isFinite(total)) return bad();
  return { ok: true, value: Math.round(total) };
}

/** True for a text written as a time relative to now (`now`, `now-...`, `now+...`), valid or not. */
export const isRelativeTime = (text: string): boolean => text === "now" || text.startsWith("now-") || text.startsWith("now+");

/** The epoch milliseconds a relative time (`"now-2h"`) stands for at `nowMs`; or why it is not one. */
export function parseRelativeTime(text: string, nowMs: number): Parsed<number> {
  const match = RELATIVE.exec(text);
  if (!match) return { ok: false, message: `'${text}' is not a time relative to now; write "now", "now-2h" or "now+30s"` };
  if (match[1] === undefined) return { ok: true, value: nowMs };
  const duration = parseDuration(match[2]!);
  if (!duration.ok) return { ok: false, message: `'${text}' is not a time relative to now: ${duration.message}` };
  return { ok: true, value: match[1] === "-" ? nowMs - duration.value : nowMs + duration.value };
}

/** A duration in the shortest exact form parseDuration reads back (`90000` -> `"1m30s"`). */
export function formatDuration(ms: number): string {
  if (ms === 0) return "0s";
  let rest = Math.round(Math.abs(ms));
  const parts: string[] = [];
  for (const unit of ["d", "h", "m", "s", "ms"]) {
    const size = UNIT_MS[unit]!;
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join("");
}
