/**
 * SSM timestamps travel as epoch seconds (JSON numbers), but `aws ssm ... --output json` and boto3
 * dumps print them as ISO 8601 strings. A data file may use either; this turns the strings into the
 * wire form before the record is validated. Which members are timestamps is the model's
 * (`SpecBody.timestamps`: the members whose schema is the AWS JSON `DateTime`, a number), not listed here.
 */

/** A member path inside a body; `"*"` stands for every item of an array. */
export type MemberPath = readonly string[];

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Epoch seconds of an ISO 8601 date-time (fraction kept to the microsecond), or undefined. */
export function isoToEpochSeconds(text: string): number | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return undefined;
  const [, date, time, fraction = "", zone = "Z"] = match;
  // Date.parse wants the zone as `Z` or `+hh:mm`; ISO 8601 also allows `+hhmm`.
  const offset = zone.toUpperCase() === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const whole = Date.parse(`${date}T${time!.length === 5 ? `${time}:00` : time}${offset}`);
  if (Number.isNaN(whole)) return undefined;
  return Number((whole / 1000 + Number(`0${fraction || ".0"}`)).toFixed(6));
}

/** Rewrites, in place, the ISO 8601 strings found at `paths` in `body` as epoch seconds. */
export function timestampsToWire(body: unknown, paths: readonly MemberPath[]): void {
  const visit = (node: unknown, path: MemberPath, i: number): void => {
    if (!node || typeof node !== "object") return;
    const key = path[i]!;
    if (key === "*") {
      if (Array.isArray(node)) for (const item of node) visit(item, path, i + 1);
      return;
    }
    if (Array.isArray(node) || !Object.hasOwn(node, key)) return;
    const record = node as Record<string, unknown>;
    if (i < path.length - 1) return visit(record[key], path, i + 1);
    const value = record[key];
    if (typeof value === "string") {
      const seconds = isoToEpochSeconds(value);
      if (seconds !== undefined) record[key] = seconds;
    }
  };
  for (const path of paths) if (path.length > 0) visit(body, path, 0);
}
