/**
 * Validates payloads against the documents' schemas with ajv (JSON Schema 2020-12, as OpenAPI 3.1
 * uses), reporting every violation with the member's JSON pointer.
 *
 * Requests are validated here, not in Prism, so that the ValidationException message can name each
 * member (Prism's diagnostics do not) and so that no body that breaks the schema (such as one with a
 * `__proto__` member) ever reaches Prism. Responses are validated to keep generated (dynamic) data
 * inside the contract: Prism's data generator ignores some keywords (`maxProperties`, `\p{...}`
 * classes in patterns), see prune.ts.
 */
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { ErrorObject, ValidateFunction } from "ajv";
import { issuesFromAjvErrors, type ValidationIssue } from "aws-ops-contract/spec";
import { resolveRef, type MockOperation } from "./operations.js";
import type { OpenApiDocument } from "aws-ops-contract/spec";

export interface Validators {
  /** Every violation of the request schema, or `[]`. */
  request(operation: MockOperation, body: unknown): ValidationIssue[];
  /** ajv's errors for a response body of that status, or `[]` (also when the status has no schema). */
  response(operation: MockOperation, status: number, body: unknown): ErrorObject[];
}

const docId = (index: number): string => `urn:aws-ops-contract:mock:${index}`;
const pointerToken = (token: string): string => token.replace(/~/g, "~0").replace(/\//g, "~1");

export function createValidators(docs: readonly OpenApiDocument[], operations: readonly MockOperation[]): Validators {
  // Not strict: the documents are OpenAPI, whose schemas may carry OpenAPI-only keywords (`example`,
  // `xml`); linting them is the spec's tests' job, the mock only has to validate with them.
  const ajv = new Ajv2020.default({ allErrors: true, strict: false, logger: false });
  addFormats.default(ajv);
  docs.forEach((doc, index) => ajv.addSchema(doc as object, docId(index), undefined, false));
  const compile = (op: MockOperation, pointer: string): ValidateFunction => ajv.compile({ $ref: `${docId(op.docIndex)}${pointer}` });

  const requests = new Map<MockOperation, ValidateFunction>();
  const responses = new Map<string, ValidateFunction>();
  for (const op of operations) {
    if (op.requestSchemaPointer) requests.set(op, compile(op, op.requestSchemaPointer));
    const doc = docs[op.docIndex]!;
    const opPointer = `#/paths/${pointerToken(op.pathKey)}/${op.method.toLowerCase()}`;
    for (const status of op.examples.keys()) {
      const opNode = resolveRef(doc, { $ref: opPointer }, opPointer).node as { responses?: Record<string, unknown> };
      const raw = opNode.responses?.[String(status)];
      const resolved = resolveRef(doc, raw, `${opPointer}/responses/${status}`);
      const content = (resolved.node as { content?: Record<string, { schema?: unknown }> }).content ?? {};
      const [mediaType, media] = Object.entries(content)[0] ?? [];
      if (mediaType && media?.schema) {
        responses.set(`${op.operationId} ${op.docIndex} ${status}`, compile(op, `${resolved.pointer}/content/${pointerToken(mediaType)}/schema`));
      }
    }
  }
  return {
    request(operation, body) {
      const validate = requests.get(operation);
      if (!validate || validate(body)) return [];
      return issuesFromAjvErrors(validate.errors);
    },
    response(operation, status, body) {
      const validate = responses.get(`${operation.operationId} ${operation.docIndex} ${status}`);
      if (!validate || validate(body)) return [];
      return [...(validate.errors ?? [])];
    },
  };
}

/** AWS's wording: `2 validation errors detected: <one>; <two>`. */
export function validationMessage(issues: readonly ValidationIssue[]): string {
  const count = `${issues.length} validation error${issues.length === 1 ? "" : "s"} detected`;
  return `${count}: ${issues.map((issue) => issue.message).join("; ")}`;
}
