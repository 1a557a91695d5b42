/**
 * SSM timestamps travel as epoch seconds (JSON numbers), but `aws ssm ... --output json` and boto3
 * dumps print them as ISO 8601 strings. A data file may use either, or a time relative to the
 * moment the data set loads (`"now-2h"`, in both services' records); this turns them into the wire
 * form before the record is validated. Which members are timestamps is the model's
 * (`SpecBody.timestamps` and `SpecBody.isoTimestamps`: the members whose schema is a service's
 * `DateTime`), not listed here.
 */
import { formatDuration, isRelativeTime, parseRelativeTime } from "../clock/duration.js";

/** A member path inside a body; `"*"` stands for every item of an array. */
export type MemberPath = readonly string[];

/** Where a timestamp member is and its wire form: SSM's epoch seconds (a number) or Image Builder's ISO 8601 string. */
export interface TimestampPath {
  path: MemberPath;
  wire: "epochSeconds" | "iso";
}

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * The timestamps every client can read: years 0001 to 9999. A JavaScript Date stops near year
 * 275760 and Python's datetime at 9999, so a number beyond these (`1e300`) would reach an SDK as
 * an invalid Date, or an exception.
 */
export const MIN_EPOCH_SECONDS = -62_135_596_800;
export const MAX_EPOCH_SECONDS = 253_402_300_799.999;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * Why an ISO 8601 date-time names no moment (`2024-02-30`, `25:00`), or undefined when it does or
 * is not shaped like one. Date.parse alone would roll February 30 over into March 1.
 */
export function impossibleDate(text: string): string | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = match[1]!.split("-").map(Number) as [number, number, number];
  const [hour, minute, second = 0] = match[2]!.split(":").map(Number) as [number, number, number?];
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  const days = month === 2 && isLeap(year) ? 29 : DAYS[month - 1]!;
  if (day < 1 || day > days) return `${MONTHS[month - 1]} ${year} has ${days} days`;
  if (hour > 23 || minute > 59 || second > 59) return `${match[2]} is not a time of day`;
  const zone = match[4];
  if (zone && zone.toUpperCase() !== "Z" && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(-2)) > 59)) return `${zone} is not a time zone offset`;
  if (year < 1) return "the year must be 0001 or later";
  return undefined;
}

/** Epoch seconds of an ISO 8601 date-time (fraction kept to the microsecond), or undefined when it is none or names no moment. */
export function isoToEpochSeconds(text: string): number | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (!match || impossibleDate(text) !== undefined) return undefined;
  const [, date, time, fraction = "", zone = "Z"] = match;
  // Date.parse wants the zone as `Z` or `+hh:mm`; ISO 8601 also allows `+hhmm`.
  const offset = zone.toUpperCase() === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const whole = Date.parse(`${date}T${time!.length === 5 ? `${time}:00` : time}${offset}`);
  if (Number.isNaN(whole)) return undefined;
  return Number((whole / 1000 + Number(`0${fraction || ".0"}`)).toFixed(6));
}

/**
 * Rewrites, in place, the timestamps found at `paths` in `body` in their wire form: SSM's ISO 8601
 * strings as epoch seconds, and times relative to now (`"now-2h"`, either service) as the instant
 * they stand for at `nowMs`. A record's Timeline entries are rewritten like the record. A relative
 * time that cannot be read is reported to `fault` with the member's JSON pointer.
 */
export function timestampsToWire(body: unknown, paths: readonly TimestampPath[], nowMs: number, fault: (pointer: string, message: string) => void = () => undefined): void {
  const visit = (node: unknown, { path, wire }: TimestampPath, i: number, pointer: string): void => {
    if (!node || typeof node !== "object") return;
    const key = path[i]!;
    if (key === "*") {
      if (Array.isArray(node)) node.forEach((item, n) => visit(item, { path, wire }, i + 1, `${pointer}/${n}`));
      return;
    }
    if (Array.isArray(node)) return;
    const record = node as Record<string, unknown>;
    // The states of a record on a timeline hold the same members as the record.
    const timeline = record["Timeline"];
    if (Array.isArray(timeline)) timeline.forEach((entry, n) => visit(entry, { path, wire }, i, `${pointer}/Timeline/${n}`));
    if (!Object.hasOwn(record, key)) return;
    if (i < path.length - 1) return visit(record[key], { path, wire }, i + 1, `${pointer}/${key}`);
    const value = record[key];
    const at = `${pointer}/${key}`;
    if (typeof value === "number") {
      if (wire === "epochSeconds" && (value < MIN_EPOCH_SECONDS || value > MAX_EPOCH_SECONDS)) fault(at, outOfRange(String(value)));
      return;
    }
    if (typeof value !== "string") return;
    if (isRelativeTime(value)) {
      const parsed = parseRelativeTime(value, nowMs);
      if (!parsed.ok) return fault(at, parsed.message);
      record[key] = wire === "epochSeconds" ? parsed.value / 1000 : new Date(parsed.value).toISOString();
    } else if (wire === "epochSeconds") {
      const why = impossibleDate(value);
      const seconds = why === undefined ? isoToEpochSeconds(value) : undefined;
      if (why !== undefined) fault(at, `'${value}' is not a date: ${why}`);
      else if (seconds !== undefined && (seconds < MIN_EPOCH_SECONDS || seconds > MAX_EPOCH_SECONDS)) fault(at, outOfRange(value));
      else if (seconds !== undefined) record[key] = seconds;
    }
  };
  for (const path of paths) if (path.path.length > 0) visit(body, path, 0, "");
}

/**
 * Rewrites, in place, the timestamps found at `paths` in `body` (wire form) as times relative to
 * `anchorMs` (`"now-1h2m"`), so that a data set made for one instant happens around the moment it
 * is loaded. Timeline entries are rewritten like their record.
 */
export function timestampsRelative(body: unknown, paths: readonly TimestampPath[], anchorMs: number): void {
  const visit = (node: unknown, path: MemberPath, i: number): void => {
    if (!node || typeof node !== "object") return;
    const key = path[i]!;
    if (key === "*") {
      if (Array.isArray(node)) for (const item of node) visit(item, path, i + 1);
      return;
    }
    if (Array.isArray(node)) return;
    const record = node as Record<string, unknown>;
    const timeline = record["Timeline"];
    if (Array.isArray(timeline)) for (const entry of timeline) visit(entry, path, i);
    if (!Object.hasOwn(record, key)) return;
    if (i < path.length - 1) return visit(record[key], path, i + 1);
    const value = record[key];
    const ms = typeof value === "number" ? Math.round(value * 1000) : typeof value === "string" ? Date.parse(value) : Number.NaN;
    if (Number.isFinite(ms)) record[key] = ms === anchorMs ? "now" : `now${ms < anchorMs ? "-" : "+"}${formatDuration(Math.abs(ms - anchorMs))}`;
  };
  for (const { path } of paths) if (path.length > 0) visit(body, path, 0);
}

const outOfRange = (value: string): string =>
  `${value} is outside the timestamps clients can read: epoch seconds from ${MIN_EPOCH_SECONDS} (0001-01-01) to ${MAX_EPOCH_SECONDS} (9999-12-31T23:59:59.999Z)`;
