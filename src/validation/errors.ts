/**
 * Turns ajv's error objects into `{ path, rule, message }` records whose `path` is a JSON pointer to
 * the member at fault. ajv points `required` and `additionalProperties` errors at the parent object,
 * so the missing or unknown member's name is appended here: every error names its field.
 */
import type { ErrorObject } from "ajv";

export interface ValidationIssue {
  /** JSON pointer to the member at fault, such as `/Filters/0/key` (`""` is the whole payload). */
  path: string;
  /** The broken rule, as the JSON Schema keyword: `pattern`, `maxLength`, `enum`, `required`, ... */
  rule: string;
  /** A sentence naming the member and the rule. */
  message: string;
}

const escapePointerToken = (token: string): string => token.replace(/~/g, "~0").replace(/\//g, "~1");

export function issueFromAjvError(error: ErrorObject): ValidationIssue {
  let path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required" && typeof params["missingProperty"] === "string") {
    path += `/${escapePointerToken(params["missingProperty"])}`;
  } else if (error.keyword === "additionalProperties" && typeof params["additionalProperty"] === "string") {
    path += `/${escapePointerToken(params["additionalProperty"])}`;
  } else if (error.keyword === "propertyNames" && typeof params["propertyName"] === "string") {
    path += `/${escapePointerToken(params["propertyName"])}`;
  }
  return { path, rule: error.keyword, message: describe(error, path) };
}

function describe(error: ErrorObject, path: string): string {
  const where = path === "" ? "the payload" : `'${path}'`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return `${where} is required`;
    case "additionalProperties":
      return `${where} is not a member of this shape`;
    case "propertyNames":
      return `${where} is not a valid map key`;
    case "enum":
      return `${where} must be one of: ${(params["allowedValues"] as unknown[]).join(", ")}`;
    default:
      return `${where} ${error.message ?? `fails ${error.keyword}`}`;
  }
}

/** Drops ajv's echo errors: a failed `propertyNames` also reports the nested keyword that failed. */
export function issuesFromAjvErrors(errors: readonly ErrorObject[] | null | undefined): ValidationIssue[] {
  if (!errors) return [];
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.propertyName !== undefined && error.keyword !== "propertyNames") continue;
    const issue = issueFromAjvError(error);
    const key = `${issue.path}\u0000${issue.rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}
