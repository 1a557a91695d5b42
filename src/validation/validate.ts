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
import { ERROR_LIMIT } from "./bounded-errors.js";
import type { BodyKind } from "./contract-error.js";
import { validateCompatible } from "./compatible.js";
import { summarizeAjvErrors, type IssueSummary, type ValidationIssue } from "./errors.js";
import { isPlainJson, toJsonValue } from "./json-value.js";

const VALIDATORS = { ...ssm, ...imagebuilder };
type Validators = typeof VALIDATORS;
type Validator = Validators[keyof Validators];
type Guarded<V> = V extends (data: unknown) => data is infer T ? T : never;

/** The type of an operation's request, success (`response`) or error body. */
export type OperationBody<Op extends OperationName, K extends BodyKind> = Guarded<Validators[`${Op}${Capitalize<K>}`]>;

export interface ValidationResult {
  ok: boolean;
  /** Empty when `ok`; otherwise the broken rules, with JSON-pointer paths: at most MAX_LISTED_ISSUES. */
  errors: ValidationIssue[];
  /** How many more violations there were beyond those in `errors` (0 when all are listed). */
  omitted: number;
  /**
   * Compatible mode only: the members and enum values the contract does not know (rule
   * `additionalProperties` or `enum`), which did not fail the body. Absent in strict mode, where
   * they are `errors`.
   */
  unknown?: ValidationIssue[];
}

/**
 * `strict` (the default): the body must be exactly what the contract says, as a contract test or the
 * mock wants. `compatible`: for live traffic, a member or an enum value the contract does not know
 * (what AWS adds to its answers over time) is reported in `unknown` and to `onUnknown` without
 * failing; types, required members, formats, patterns and bounds still fail.
 */
export type ValidationMode = "strict" | "compatible";

export interface ValidateOptions {
  mode?: ValidationMode | undefined;
  /** Compatible mode: called with the unknown members and enum values of a body that has any. */
  onUnknown?: ((unknown: ValidationIssue[], context: { operation: OperationName; kind: BodyKind }) => void) | undefined;
}

/** The most issues a result lists; the rest are counted in `omitted`. */
export const MAX_LISTED_ISSUES = ERROR_LIMIT;

const KINDS: Record<BodyKind, "Request" | "Response" | "Error"> = { request: "Request", response: "Response", error: "Error" };
const OPERATIONS = [...new Set(Object.keys(VALIDATORS).map((name) => name.replace(/(Request|Response|Error)$/, "")))].sort();

/** An argument, named safely: a string quoted, anything else by its type (its `toString` may throw). */
const describeArgument = (value: unknown): string =>
  typeof value === "string" ? JSON.stringify(value) : value === null || typeof value !== "object" ? String(value as string | number | undefined) : Object.prototype.toString.call(value);

/** The validators by kind, then by operation: found without building a name per call. */
const BY_KIND = new Map<string, Map<string, Validator>>(
  Object.entries(KINDS).map(([kind, suffix]) => [kind, new Map(OPERATIONS.flatMap((operation) => {
    const validator = (VALIDATORS as Record<string, Validator>)[`${operation}${suffix}`];
    return validator ? [[operation, validator] as const] : [];
  }))]),
);

function validatorFor(operation: unknown, kind: unknown): Validator {
  // Maps, not objects: "toString" or "constructor" are not kinds or operations.
  const byOperation = typeof kind === "string" ? BY_KIND.get(kind) : undefined;
  if (byOperation === undefined) {
    throw new TypeError(`validate: kind must be "request", "response" or "error", got ${describeArgument(kind)}`);
  }
  const validator = typeof operation === "string" ? byOperation.get(operation) : undefined;
  if (validator === undefined) {
    throw new TypeError(`validate: unknown operation ${describeArgument(operation)}; expected one of ${OPERATIONS.join(", ")}`);
  }
  return validator;
}

function checkOptions(options: unknown): ValidateOptions | undefined {
  if (options === undefined) return undefined;
  if (options === null || typeof options !== "object") throw new TypeError(`validate: options must be an object, got ${describeArgument(options)}`);
  const { mode, onUnknown } = options as ValidateOptions;
  if (mode !== undefined && mode !== "strict" && mode !== "compatible") throw new TypeError(`validate: mode must be "strict" or "compatible", got ${describeArgument(mode)}`);
  if (onUnknown !== undefined && typeof onUnknown !== "function") throw new TypeError(`validate: onUnknown must be a function, got ${describeArgument(onUnknown)}`);
  return options as ValidateOptions;
}

/**
 * Validates `body` as the operation's request, success (`response`) or error body, in strict mode
 * unless `options.mode` is `compatible`. Never throws for any `body`: what is checked is what the
 * wire would carry (own enumerable members, plain JSON values only), and anything else is an issue.
 * Throws a `TypeError` only for an unknown operation or kind, or bad options (and passes on what
 * `onUnknown` throws).
 */
export function validate(operation: OperationName, kind: BodyKind, body: unknown, options?: ValidateOptions): ValidationResult {
  const validator = validatorFor(operation, kind);
  const check = checkOptions(options)?.mode === "compatible" ? runCompatible : run;
  const result = checked(validator, body, check);
  if (result.unknown?.length) options!.onUnknown?.(result.unknown, { operation, kind });
  return result;
}

function checked(validator: Validator, body: unknown, check: (validator: Validator, body: unknown) => ValidationResult): ValidationResult {
  // A plain JSON body (the common case) is validated as it is; anything else, or a body whose
  // getters throw while it is looked at, is first copied as the wire would carry it.
  // (A Proxy can look plain and still throw from a trap while validated: that falls back too.)
  try {
    if (isPlainJson(body)) return check(validator, body);
  } catch {
    // looked at through a getter or trap that throws: the copy below reports it as an issue
  }
  const json = toJsonValue(body);
  if (!json.ok) return { ok: false, errors: json.issues, omitted: json.omitted };
  return check(validator, json.value);
}

function runCompatible(validator: Validator, body: unknown): ValidationResult {
  const { issues, omitted, unknown } = validateCompatible((value) => strictSummary(validator, value), body);
  return { ok: issues.length === 0 && omitted === 0, errors: issues, omitted, unknown };
}

function strictSummary(validator: Validator, body: unknown): IssueSummary | undefined {
  return validator(body) ? undefined : summarizeAjvErrors(validator.errors, MAX_LISTED_ISSUES);
}

function run(validator: Validator, body: unknown): ValidationResult {
  if (validator(body)) return { ok: true, errors: [], omitted: 0 };
  const { issues, omitted } = summarizeAjvErrors(validator.errors, MAX_LISTED_ISSUES);
  return { ok: false, errors: issues, omitted };
}
