/**
 * The one place the proxy asks the contract about a body: the package's public `validate()`
 * (`aws-ops-contract/validate`, what consumers run), in its compatible mode unless told to be
 * strict. Compatible: a member the contract does not know and an enum value it does not list are
 * reported as not breaking (the SDKs drop the one and pass the other through); everything else
 * breaks. Strict: every broken rule breaks.
 */
import { validate, type BodyKind, type OperationName, type ValidationMode } from "aws-ops-contract/validate";

export type { ValidationMode } from "aws-ops-contract/validate";

export interface ContractIssue {
  /** JSON pointer to the member at fault (`""` is the whole body). */
  path: string;
  /** The JSON Schema keyword broken: `type`, `required`, `additionalProperties`, `enum`, ... */
  rule: string;
  /** Whether the issue breaks the contract in this mode. */
  breaking: boolean;
}

export function checkBody(operation: OperationName, kind: BodyKind, body: unknown, mode: ValidationMode): { issues: ContractIssue[]; omitted: number } {
  const result = validate(operation, kind, body, { mode });
  const issues = [
    ...result.errors.map((issue) => ({ path: issue.path, rule: issue.rule, breaking: true })),
    ...(result.unknown ?? []).map((issue) => ({ path: issue.path, rule: issue.rule, breaking: false })),
  ];
  // In member order, whatever order the validator found them in.
  return { issues: issues.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), omitted: result.omitted };
}
