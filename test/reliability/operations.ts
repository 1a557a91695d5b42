/**
 * Every operation's request, success-response and error bodies, as the operation model reads them from the
 * bundled specs, with the package's validator each must pass.
 */
import type { OperationName } from "../../src/client/errors.js";
import { readOperations } from "../../src/model/model.js";
import { validate } from "../../src/validate.js";
import type { ValidationIssue } from "../../src/validation/errors.js";
import { API_NAMES, loadSpec, type ApiName, type OpenApiDoc } from "../openapi/load.js";

export type BodyKind = "request" | "response" | "error";

export interface OperationBody {
  api: ApiName;
  doc: OpenApiDoc;
  operationId: string;
  kind: BodyKind;
  /** `#/components/schemas/...` */
  schemaRef: string;
  /** The HTTP statuses that use this schema (error bodies share one schema across statuses). */
  statuses: string[];
}

export function operationBodies(): OperationBody[] {
  const out: OperationBody[] = [];
  for (const api of API_NAMES) {
    const doc = loadSpec(api);
    for (const op of readOperations(doc)) {
      const push = (kind: BodyKind, status: string, schemaRef: string | undefined): void => {
        if (schemaRef === undefined) throw new Error(`${op.operationId} ${kind} ${status}: the body's schema is not a component $ref`);
        const same = out.find((b) => b.api === api && b.operationId === op.operationId && b.kind === kind && b.schemaRef === schemaRef);
        if (same) same.statuses.push(status);
        else out.push({ api, doc, operationId: op.operationId, kind, schemaRef, statuses: [status] });
      };
      if (op.request) push("request", "", op.request.schemaRef);
      for (const response of op.responses) push(response.ok ? "response" : "error", String(response.status), response.schemaRef);
    }
  }
  return out;
}

export type Validate = (body: OperationBody, payload: unknown) => { ok: boolean; errors: ValidationIssue[] };

/** The package's own `validate()` (the precompiled standalone validators): what the properties test. */
export function packageValidator(): Validate {
  return (body, payload) => validate(body.operationId as OperationName, body.kind, payload);
}
