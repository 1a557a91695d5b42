/**
 * SSM timestamps travel as epoch seconds (JSON numbers), but `aws ssm ... --output json` and boto3
 * dumps print them as ISO 8601 strings. A data file may use either; this turns the strings into the
 * wire form before the record is validated. Which members are timestamps is the model's
 * (`SpecBody.timestamps`: the members whose schema is the AWS JSON `DateTime`, a number), not listed here.
 */

/** A member path inside a body; `"*"` stands for every item of an array. */
export type MemberPath = readonly string[];

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

/** A timestamp that cannot be used: where (a JSON pointer inside the body) and why. */
export interface TimestampFault {
  pointer: string;
  message: string;
}

/**
 * Rewrites, in place, the ISO 8601 strings found at `paths` in `body` as epoch seconds; returns the
 * timestamps that name no moment or lie outside the years clients read (MIN/MAX_EPOCH_SECONDS).
 */
export function timestampsToWire(body: unknown, paths: readonly MemberPath[]): TimestampFault[] {
  const faults: TimestampFault[] = [];
  const visit = (node: unknown, path: MemberPath, i: number, pointer: string): void => {
    if (!node || typeof node !== "object") return;
    const key = path[i]!;
    if (key === "*") {
      if (Array.isArray(node)) node.forEach((item, index) => visit(item, path, i + 1, `${pointer}/${index}`));
      return;
    }
    if (Array.isArray(node) || !Object.hasOwn(node, key)) return;
    const record = node as Record<string, unknown>;
    if (i < path.length - 1) return visit(record[key], path, i + 1, `${pointer}/${key}`);
    const value = record[key];
    const at = `${pointer}/${key}`;
    if (typeof value === "string") {
      const why = impossibleDate(value);
      const seconds = why === undefined ? isoToEpochSeconds(value) : undefined;
      if (why !== undefined) faults.push({ pointer: at, message: `'${value}' is not a date: ${why}` });
      else if (seconds !== undefined && (seconds < MIN_EPOCH_SECONDS || seconds > MAX_EPOCH_SECONDS)) faults.push({ pointer: at, message: outOfRange(value) });
      else if (seconds !== undefined) record[key] = seconds;
    } else if (typeof value === "number" && (value < MIN_EPOCH_SECONDS || value > MAX_EPOCH_SECONDS)) {
      faults.push({ pointer: at, message: outOfRange(String(value)) });
    }
  };
  for (const path of paths) if (path.length > 0) visit(body, path, 0, "");
  return faults;
}

const outOfRange = (value: string): string =>
  `${value} is outside the timestamps clients can read: epoch seconds from ${MIN_EPOCH_SECONDS} (0001-01-01) to ${MAX_EPOCH_SECONDS} (9999-12-31T23:59:59.999Z)`;
