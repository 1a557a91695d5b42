/** The error thrown when a body breaks the contract (by `assertValid`, or by a validating client). */
import type { ValidationIssue } from "./errors.js";

export type BodyKind = "request" | "response" | "error";

export class ContractValidationError extends Error {
  override readonly name = "ContractValidationError";
  readonly operation: string;
  readonly kind: BodyKind;
  /** Every broken rule, each with the JSON pointer of the member at fault. */
  readonly issues: ValidationIssue[];

  constructor(operation: string, kind: BodyKind, issues: ValidationIssue[], options?: { cause?: unknown }) {
    const lines = issues.map((issue) => `  ${issue.path === "" ? "(root)" : issue.path} [${issue.rule}]: ${issue.message}`);
    super(`${operation} ${kind} body does not match the contract (${issues.length} issue${issues.length === 1 ? "" : "s"}):\n${lines.join("\n")}`, options);
    this.operation = operation;
    this.kind = kind;
    this.issues = issues;
  }
}
