/**
 * Which request faults AWS reports as a SerializationException rather than a ValidationException.
 * A service first reads the JSON into the operation's input shape, and only then checks constraints
 * (lengths, ranges, patterns, enums). A value that cannot be read as its member's type (a string for
 * an integer, `1.5` or `2^31` for a 32-bit integer, `"true"` for a boolean, `null` inside a list)
 * fails that first step: Smithy's malformed-request protocol tests (RestJsonBodyIntegerMalformed-
 * ValueRejected, RestJsonBodyIntegerUnderflowOverflow, RestJsonBodyBooleanBadLiteral,
 * RestJsonBodyMalformedListNullItem, ...) expect `400 SerializationException` for each, and the AWS
 * JSON services answer such bodies with a SerializationException too. The mock's validator reports
 * them as `type` and integer `format` issues; this module picks those out and words them.
 */
import { awsMemberPath, getByPointer, type ValidationIssue } from "aws-ops-contract/model";

const INTEGER_FORMATS: Record<string, string> = { int32: "a 32-bit integer", int64: "a 64-bit integer" };

/** Whether an issue means the value could not be read as its member's type at all. */
function unreadable(issue: ValidationIssue): boolean {
  return issue.rule === "type" || (issue.rule === "format" && typeof issue.params["format"] === "string" && issue.params["format"] in INTEGER_FORMATS);
}

function expected(issue: ValidationIssue): string {
  if (issue.rule === "format") return INTEGER_FORMATS[issue.params["format"] as string]!;
  const type = String(issue.params["type"] ?? "JSON");
  return type === "integer" || type === "object" || type === "array" ? `an ${type}` : `a ${type}`;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "number") return `the number ${value}`;
  return `a ${typeof value}`;
}

/**
 * The SerializationException message for a request whose issues include values that cannot be read
 * as their members' types (naming each such member, its type and what was sent), or undefined when
 * every issue is a constraint for a ValidationException.
 */
export function serializationFailure(issues: readonly ValidationIssue[], body: unknown): string | undefined {
  const misread = issues.filter(unreadable);
  if (misread.length === 0) return undefined;
  // One line per member: a fraction breaks both `type` and the integer format of one member.
  const lines = new Map<string, string>();
  for (const issue of misread) {
    const path = awsMemberPath(issue.path, body);
    if (!lines.has(path)) lines.set(path, `'${path}' must be ${expected(issue)}, not ${kindOf(getByPointer(body, issue.path))}`);
  }
  return `The request body could not be read as the operation's input: ${[...lines.values()].join("; ")}`;
}
