/**
 * Validates request bodies against the documents' request schemas with ajv (JSON Schema 2020-12, as
 * OpenAPI 3.1 uses), reporting every violation with the member's JSON pointer. The mock validates here,
 * not in Prism, so that the ValidationException message can name each member (Prism's diagnostics do
 * not), and so that no request body that breaks the schema (such as one with a `__proto__` member)
 * ever reaches Prism.
 */
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";
import { issuesFromAjvErrors, type ValidationIssue } from "../validation/errors.js";
import type { MockOperation } from "./operations.js";
import type { OpenApiDocument } from "./spec.js";

export type RequestValidator = (operation: MockOperation, body: unknown) => ValidationIssue[];

export function createRequestValidator(docs: readonly OpenApiDocument[], operations: readonly MockOperation[]): RequestValidator {
  // Not strict: the documents are OpenAPI, whose schemas may carry OpenAPI-only keywords (`example`,
  // `xml`); linting them is the spec's tests' job, the mock only has to validate with them.
  const ajv = new Ajv2020.default({ allErrors: true, strict: false, logger: false });
  addFormats.default(ajv);
  docs.forEach((doc, index) => ajv.addSchema(doc as object, docId(index), undefined, false));

  const validators = new Map<MockOperation, ValidateFunction>();
  for (const op of operations) {
    if (op.requestSchemaPointer) {
      validators.set(op, ajv.compile({ $ref: `${docId(op.docIndex)}${op.requestSchemaPointer}` }));
    }
  }
  return (operation, body) => {
    const validate = validators.get(operation);
    if (!validate || validate(body)) return [];
    return issuesFromAjvErrors(validate.errors);
  };
}

const docId = (index: number): string => `urn:aws-ops-contract:mock:${index}`;

/** AWS's wording: `2 validation errors detected: <one>; <two>`. */
export function validationMessage(issues: readonly ValidationIssue[]): string {
  const count = `${issues.length} validation error${issues.length === 1 ? "" : "s"} detected`;
  return `${count}: ${issues.map((issue) => issue.message).join("; ")}`;
}
