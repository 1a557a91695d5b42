/**
 * Compatible validation: what AWS adds to an answer after the spec was written (a member the spec
 * does not know, a string value outside an enum) is reported, not failed, as the official SDKs
 * treat it (they drop unknown members and pass any enum string through). Everything else the spec
 * says (types, required members, formats, patterns, bounds) still fails. Built on the strict
 * validators: an unknown member is an `additionalProperties` issue and an unknown enum value an
 * `enum` issue on a string, so the strict result is sorted into the two; a valid body costs the
 * same as in strict mode. When the strict validator stopped listing (its error limit), the unknown
 * members and values it listed are taken out of a copy and the copy checked again, so an answer
 * with many additions is judged on everything else too.
 */
import { parsePointer } from "../model/pointer.js";
import type { IssueSummary, ValidationIssue } from "./errors.js";

/** The most unknown members and values one body may carry; past it the body fails (no answer of these APIs comes near). */
export const MAX_UNKNOWN = 1000;

type Container = Record<string, unknown> | unknown[];

/** The container holding the member a pointer designates, and the member's key. */
function parentOf(root: unknown, path: string): { parent: Container; key: string } | undefined {
  const tokens = parsePointer(path);
  const key = tokens.pop();
  let current = root;
  for (const token of tokens) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, token)) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return key !== undefined && current !== null && typeof current === "object" ? { parent: current as Container, key } : undefined;
}

/** Whether an issue is an addition AWS may make: an unknown member, or an unknown string value of an enum. */
function isAddition(issue: ValidationIssue, body: unknown): boolean {
  if (issue.rule === "additionalProperties") return true;
  if (issue.rule !== "enum") return false;
  const at = parentOf(body, issue.path);
  return at !== undefined && typeof (at.parent as Record<string, unknown>)[at.key] === "string";
}

export interface CompatibleSummary extends IssueSummary {
  /** The unknown members and enum values, each with its path and rule (`additionalProperties`, `enum`). */
  unknown: ValidationIssue[];
}

/**
 * Validates `body` (plain JSON) with `check`, which answers the strict summary of a body or
 * undefined when it is valid, sorting additions out of the issues.
 */
export function validateCompatible(check: (body: unknown) => IssueSummary | undefined, body: unknown): CompatibleSummary {
  const unknown: ValidationIssue[] = [];
  let current = body;
  let copied = false;
  for (;;) {
    const summary = check(current);
    if (!summary) return { issues: [], omitted: 0, unknown };
    const issues: ValidationIssue[] = [];
    const found: ValidationIssue[] = [];
    for (const issue of summary.issues) (isAddition(issue, current) ? found : issues).push(issue);
    unknown.push(...found);
    if (issues.length > 0 || summary.omitted === 0 || found.length === 0) return { issues, omitted: summary.omitted, unknown };
    if (unknown.length > MAX_UNKNOWN) {
      const issue: ValidationIssue = { path: "", rule: "maxUnknown", message: `the payload carries more than ${MAX_UNKNOWN} members or enum values the contract does not know`, params: { limit: MAX_UNKNOWN } };
      return { issues: [issue], omitted: summary.omitted, unknown: unknown.slice(0, MAX_UNKNOWN) };
    }
    // Every listed issue was an addition but more were not listed: check again without these.
    if (!copied) {
      current = structuredClone(current);
      copied = true;
    }
    for (const issue of found) {
      const at = parentOf(current, issue.path);
      if (!at) continue;
      if (issue.rule === "additionalProperties") delete (at.parent as Record<string, unknown>)[at.key];
      else (at.parent as Record<string, unknown>)[at.key] = (issue.params["allowedValues"] as unknown[])[0];
    }
  }
}
