/**
 * `aws-ops-contract/validate`: validation of any request, response or error body of the five
 * operations (precompiled validators), and an assertion helper for consumers' tests.
 */
import type { OperationName } from "./client/errors.js";
import { type BodyKind, ContractValidationError } from "./validation/contract-error.js";
import { type OperationBody, type ValidateOptions, validate } from "./validation/validate.js";

export { ContractValidationError } from "./validation/contract-error.js";
export type { BodyKind } from "./validation/contract-error.js";
export type { ValidationIssue } from "./validation/errors.js";
export type { OperationName } from "./client/errors.js";
export { validate, type OperationBody, type ValidateOptions, type ValidationMode, type ValidationResult } from "./validation/validate.js";

/**
 * Throws a `ContractValidationError` listing every issue unless `body` is valid (strict mode unless
 * `options.mode` is `compatible`); narrows `body` otherwise.
 */
export function assertValid<Op extends OperationName, K extends BodyKind>(operation: Op, kind: K, body: unknown, options?: ValidateOptions): asserts body is OperationBody<Op, K> {
  const result = validate(operation, kind, body, options);
  if (!result.ok) throw new ContractValidationError(operation, kind, result.errors, { omitted: result.omitted });
}
