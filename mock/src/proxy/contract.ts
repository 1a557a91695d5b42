/**
 * The one place the proxy asks the contract about a body: the package's public validators
 * (`aws-ops-contract/validate`, the same ones consumers run). In the compatible mode, a member the
 * contract does not know and an enum value it does not list are reported as not breaking (the SDKs
 * ignore the one and pass the other through); in the strict mode every broken rule breaks.
 */
import { validate, type BodyKind, type OperationName } from "aws-ops-contract/validate";

export type ValidationMode = "compatible" | "strict";

export interface ContractIssue {
  /** JSON pointer to the member at fault (`""` is the whole body). */
  path: string;
  /** The JSON Schema keyword broken: `type`, `required`, `additionalProperties`, `enum`, ... */
  rule: string;
  /** Whether the issue breaks the contract in this mode. */
  breaking: boolean;
}

/** Rules a newer service may break without breaking its clients: new members, new enum values. */
const COMPATIBLE_RULES = new Set(["additionalProperties", "enum"]);

export function checkBody(operation: OperationName, kind: BodyKind, body: unknown, mode: ValidationMode): { issues: ContractIssue[]; omitted: number } {
  const result = validate(operation, kind, body);
  const issues = result.errors.map((issue) => ({ path: issue.path, rule: issue.rule, breaking: mode === "strict" || !COMPATIBLE_RULES.has(issue.rule) }));
  // In member order, whatever order the validator found them in.
  return { issues: issues.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), omitted: result.omitted };
}
