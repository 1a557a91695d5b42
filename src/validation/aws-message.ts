/**
 * A ValidationException message worded as the AWS services word theirs (both SSM and Image Builder):
 *
 *   1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1
 *   2 validation errors detected: Value null at 'commandId' failed to satisfy constraint: Member must not be null; Value 'X' at 'filters.1.member.key' failed ...
 *
 * Member paths are written as the services write them: each member name with its first letter in
 * lower case (`MaxResults` becomes `maxResults`), list elements as `<list>.<1-based index>.member`.
 * `validate()` keeps its JSON-pointer issues for consumers; this turns the same issues into the
 * services' words for the mock's answers.
 */
import type { ValidationIssue } from "./errors.js";
import { lookupByPointer, parsePointer } from "../model/pointer.js";

/** How much of a value a message quotes; longer values are cut (the services cut long values too). */
const MAX_VALUE_CHARS = 200;

const lowerFirst = (name: string): string => (name === "" ? name : name[0]!.toLowerCase() + name.slice(1));

/** The service's path of the member a JSON pointer designates in `body`: `/Filters/0/key` is `filters.1.member.key`. */
export function awsMemberPath(pointer: string, body: unknown): string {
  const parts: string[] = [];
  let current = body;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(current) && /^\d+$/.test(token)) {
      parts.push(`${Number(token) + 1}`, "member");
      current = current[Number(token)];
    } else {
      parts.push(lowerFirst(token));
      current = current !== null && typeof current === "object" && Object.hasOwn(current, token) ? (current as Record<string, unknown>)[token] : undefined;
    }
  }
  return parts.join(".");
}

/** A value as the services quote it (Java's rendering: lists as `[a, b]`, strings unquoted). */
function render(value: unknown): string {
  const text = (() => {
    if (typeof value === "string") return value;
    if (Array.isArray(value)) return `[${value.map((item) => (item !== null && typeof item === "object" ? JSON.stringify(item) : String(item))).join(", ")}]`;
    if (value !== null && typeof value === "object") return JSON.stringify(value);
    return String(value);
  })();
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}...` : text;
}

/** The constraint, in the services' words. */
function constraint(issue: ValidationIssue): string {
  const p = issue.params;
  switch (issue.rule) {
    case "required":
      return "Member must not be null";
    case "maxLength":
    case "maxItems":
    case "maxProperties":
      return `Member must have length less than or equal to ${String(p["limit"])}`;
    case "minLength":
    case "minItems":
    case "minProperties":
      return `Member must have length greater than or equal to ${String(p["limit"])}`;
    case "maximum":
      return `Member must have value less than or equal to ${String(p["limit"])}`;
    case "minimum":
      return `Member must have value greater than or equal to ${String(p["limit"])}`;
    case "exclusiveMaximum":
      return `Member must have value less than ${String(p["limit"])}`;
    case "exclusiveMinimum":
      return `Member must have value greater than ${String(p["limit"])}`;
    case "pattern":
      return `Member must satisfy regular expression pattern: ${String(p["pattern"])}`;
    case "enum":
      return `Member must satisfy enum value set: [${(Array.isArray(p["allowedValues"]) ? p["allowedValues"] : []).map(String).join(", ")}]`;
    case "type":
      return `Member must be of type ${String(p["type"] ?? "JSON")}`;
    case "format":
      return p["format"] === "int32" ? "Member must be a 32-bit integer" : `Member must have format ${String(p["format"])}`;
    case "additionalProperties":
      return "Member must not be present (it is not a member of this shape)";
    case "propertyNames":
      return "Member must be a valid map key";
    default:
      return `Member must satisfy ${issue.rule}`;
  }
}

/** One violation: `Value '0' at 'maxResults' failed to satisfy constraint: Member must ...`. */
export function awsViolation(issue: ValidationIssue, body: unknown): string {
  const path = awsMemberPath(issue.path, body);
  const { found, value } = lookupByPointer(body, issue.path);
  const quoted = !found || value === null ? "null" : `'${render(value)}'`;
  const at = path === "" ? "" : ` at '${path}'`;
  return `Value ${quoted}${at} failed to satisfy constraint: ${constraint(issue)}`;
}

/**
 * `N validation error(s) detected: <one>; <two>`: every listed violation, then `; and M more` when
 * `omitted` violations were not listed (a bounded message for any body).
 */
export function awsValidationMessage(issues: readonly ValidationIssue[], body: unknown, omitted = 0): string {
  const total = issues.length + omitted;
  const head = `${total} validation error${total === 1 ? "" : "s"} detected`;
  const listed = issues.map((issue) => awsViolation(issue, body));
  if (omitted > 0) listed.push(`and ${omitted} more`);
  return `${head}: ${listed.join("; ")}`;
}
