/**
 * Validation of any request, response or error body of the five operations, on the precompiled
 * standalone validators in generated/validators (no schema compilation, no ajv compiler at run time).
 * Kept apart from `ContractValidationError` so that the client's lazy `import()` of this module
 * shares no module with the client's eager code (a shared module becomes an extra chunk that
 * every bundle loads up front).
 */
import * as imagebuilder from "../../generated/validators/imagebuilder.js";
import * as ssm from "../../generated/validators/ssm.js";
import type { OperationName } from "../client/errors.js";
import type { BodyKind } from "./contract-error.js";
import { issuesFromAjvErrors, type ValidationIssue } from "./errors.js";

const VALIDATORS = { ...ssm, ...imagebuilder };
type Validators = typeof VALIDATORS;
type Guarded<V> = V extends (data: unknown) => data is infer T ? T : never;

/** The type of an operation's request, success (`response`) or error body. */
export type OperationBody<Op extends OperationName, K extends BodyKind> = Guarded<Validators[`${Op}${Capitalize<K>}`]>;

export interface ValidationResult {
  ok: boolean;
  /** Empty when `ok`; otherwise every broken rule, with JSON-pointer paths. */
  errors: ValidationIssue[];
}

const KINDS: Record<BodyKind, "Request" | "Response" | "Error"> = { request: "Request", response: "Response", error: "Error" };
const OPERATIONS = [...new Set(Object.keys(VALIDATORS).map((name) => name.replace(/(Request|Response|Error)$/, "")))].sort();

function validatorFor(operation: string, kind: string): Validators[keyof Validators] {
  const suffix = (KINDS as Record<string, string | undefined>)[kind];
  if (suffix === undefined) throw new TypeError(`validate: kind must be "request", "response" or "error", got ${JSON.stringify(kind)}`);
  const validator = (VALIDATORS as Record<string, Validators[keyof Validators] | undefined>)[`${operation}${suffix}`];
  if (validator === undefined) throw new TypeError(`validate: unknown operation ${JSON.stringify(operation)}; expected one of ${OPERATIONS.join(", ")}`);
  return validator;
}

/** Validates `body` as the operation's request, success (`response`) or error body. */
export function validate(operation: OperationName, kind: BodyKind, body: unknown): ValidationResult {
  const validator = validatorFor(operation, kind);
  if (validator(body)) return { ok: true, errors: [] };
  return { ok: false, errors: issuesFromAjvErrors(validator.errors) };
}

