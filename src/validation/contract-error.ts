/** The error thrown when a body breaks the contract (by `assertValid`, or by a validating client). */
import type { ValidationIssue } from "./errors.js";

export type BodyKind = "request" | "response" | "error";

export class ContractValidationError extends Error {
  override readonly name = "ContractValidationError";
  readonly operation: string;
  readonly kind: BodyKind;
  /** The broken rules (at most a bounded number), each with the JSON pointer of the member at fault. */
  readonly issues: ValidationIssue[];
  /** How many more broken rules there were beyond those in `issues`. */
  readonly omitted: number;

  constructor(operation: string, kind: BodyKind, issues: ValidationIssue[], options?: { cause?: unknown; omitted?: number }) {
    const omitted = options?.omitted ?? 0;
    const total = issues.length + omitted;
    const lines = issues.map((issue) => `  ${issue.path === "" ? "(root)" : issue.path} [${issue.rule}]: ${issue.message}`);
    if (omitted > 0) lines.push(`  ... and ${omitted} more`);
    super(`${operation} ${kind} body does not match the contract (${total} issue${total === 1 ? "" : "s"}):\n${lines.join("\n")}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.operation = operation;
    this.kind = kind;
    this.issues = issues;
    this.omitted = omitted;
  }
}
