/**
 * Validates payloads against the documents' schemas with the package's one ajv configuration and the
 * operation model's JSON Schema (`createAjv`, `definitionsSchema`, `bodySchema` from
 * `aws-ops-contract/model`): the same factory and the same schemas the validators behind
 * `aws-ops-contract/validate` are generated from, so the mock and the package cannot disagree. (The
 * mock compiles at start-up rather than importing the precompiled validators because it also serves
 * documents given with `--spec`; each operation's schemas are compiled on its first use.) Errors are bounded: at most ERROR_LIMIT are kept, the rest counted.
 *
 * Requests are validated here, not in Prism, so that the ValidationException message can name each
 * member (Prism's diagnostics do not) and so that no body that breaks the schema (such as one with a
 * `__proto__` member) ever reaches Prism. Responses are validated so that generated (dynamic) data
 * that would break the contract is never sent (mock/src/generate falls back to the documented
 * example).
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import {
  ERROR_LIMIT,
  OVER_LIMIT_KEYWORD,
  SCHEMA_BASE,
  awsValidationMessage,
  bodySchema,
  createAjv,
  definitionsSchema,
  summarizeAjvErrors,
  type IssueSummary,
  type OpenApiDocument,
} from "aws-ops-contract/model";
import type { IndexedOperation } from "aws-ops-contract/model";

export interface Validators {
  /** The violations of the request schema (at most ERROR_LIMIT listed, the rest counted). */
  request(operation: IndexedOperation, body: unknown): IssueSummary;
  /** ajv's errors for a response body of that status, or `[]` (also when the status has no schema). */
  response(operation: IndexedOperation, status: number, body: unknown): ErrorObject[];
}

export function createValidators(docs: readonly OpenApiDocument[]): Validators {
  const ajv = createAjv();
  const rootId = (index: number): string => `${SCHEMA_BASE}/mock/${index}.json`;
  docs.forEach((doc, index) => ajv.addSchema(definitionsSchema(doc, rootId(index))));
  const compile = (op: IndexedOperation, schema: unknown, what: string): ValidateFunction =>
    ajv.compile(bodySchema([schema], rootId(op.docIndex), `${SCHEMA_BASE}/mock/${op.docIndex}/${op.operationId}/${what}.json`));

  // Compiled on an operation's first request (or first generated answer), not at start: compiling
  // every operation's schemas would be most of the mock's start-up.
  const requests = new Map<IndexedOperation, ValidateFunction | undefined>();
  const responses = new Map<IndexedOperation, Map<number, ValidateFunction | undefined>>();
  const requestValidator = (op: IndexedOperation): ValidateFunction | undefined => {
    if (!requests.has(op)) requests.set(op, op.request && compile(op, op.request.schema, "request"));
    return requests.get(op);
  };
  const responseValidator = (op: IndexedOperation, status: number): ValidateFunction | undefined => {
    let byStatus = responses.get(op);
    if (!byStatus) responses.set(op, (byStatus = new Map()));
    if (!byStatus.has(status)) {
      const response = op.responses.find((r) => r.status === status);
      byStatus.set(status, response?.schemaPointer === undefined ? undefined : compile(op, response.schema, String(status)));
    }
    return byStatus.get(status);
  };
  return {
    request(operation, body) {
      const validate = requestValidator(operation);
      if (!validate || validate(body)) return { issues: [], omitted: 0 };
      return summarizeAjvErrors(validate.errors, ERROR_LIMIT);
    },
    response(operation, status, body) {
      const validate = responseValidator(operation, status);
      if (!validate || validate(body)) return [];
      // The markers of errors past the limit and the `if` of a bounded list name no member to repair.
      return (validate.errors ?? []).filter((error) => error.keyword !== "if" && error.keyword !== OVER_LIMIT_KEYWORD);
    },
  };
}

/** The ValidationException message, in the services' words (see src/validation/aws-message.ts). */
export function validationMessage(summary: IssueSummary, body: unknown): string {
  return awsValidationMessage(summary.issues, body, summary.omitted);
}
