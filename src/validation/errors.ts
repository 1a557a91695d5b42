/**
 * Turns ajv's error objects into `{ path, rule, message, params }` records whose `path` is a JSON
 * pointer to the member at fault. ajv points `required` and `additionalProperties` errors at the
 * parent object, so the missing or unknown member's name is appended here: every error names its field.
 */
import type { ErrorObject } from "ajv";
import { escapePointerToken } from "../model/pointer.js";
import { OVER_LIMIT_KEYWORD } from "./bounded-errors.js";

export interface ValidationIssue {
  /** JSON pointer to the member at fault, such as `/Filters/0/key` (`""` is the whole payload). */
  path: string;
  /** The broken rule, as the JSON Schema keyword: `pattern`, `maxLength`, `enum`, `required`, ... */
  rule: string;
  /** A sentence naming the member and the rule. */
  message: string;
  /** The rule's parameters (`{ limit: 50 }`, `{ pattern: "..." }`, `{ allowedValues: [...] }`). */
  params: Record<string, unknown>;
}

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
  return { path, rule: error.keyword, message: describe(error, path), params: { ...params } };
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

export interface IssueSummary {
  /** The issues, at most `limit` of them. */
  issues: ValidationIssue[];
  /** How many more violations there were beyond those listed. */
  omitted: number;
}

/**
 * The issues of a failed validation, at most `limit` of them, and how many more there were. Drops
 * ajv's echo errors: a failed `propertyNames` also reports the nested keyword that failed, and the
 * `if` of a bounded list (src/model/json-schema.ts) reports that its `then` failed.
 */
export function summarizeAjvErrors(errors: readonly ErrorObject[] | null | undefined, limit = Number.POSITIVE_INFINITY): IssueSummary {
  const issues: ValidationIssue[] = [];
  let omitted = 0;
  const seen = new Set<string>();
  for (const error of errors ?? []) {
    if (error.keyword === OVER_LIMIT_KEYWORD) {
      omitted++;
      continue;
    }
    if (error.keyword === "if") continue;
    if (error.propertyName !== undefined && error.keyword !== "propertyNames") continue;
    const issue = issueFromAjvError(error);
    const key = `${issue.path}\u0000${issue.rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (issues.length < limit) issues.push(issue);
    else omitted++;
  }
  return { issues, omitted };
}

/** The issues of a failed validation (those ajv kept; see `summarizeAjvErrors` for the count of the rest). */
export function issuesFromAjvErrors(errors: readonly ErrorObject[] | null | undefined): ValidationIssue[] {
  return summarizeAjvErrors(errors).issues;
}
