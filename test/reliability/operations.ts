/**
 * Every operation's request, success-response and error bodies, read from the bundled specs, with
 * the validator each must pass.
 */
import type { OperationName } from "../../src/client/errors.js";
import { validate } from "../../src/validate.js";
import { issuesFromAjvErrors, type ValidationIssue } from "../../src/validation/errors.js";
import { API_NAMES, createAjv, deref, loadSpec, schemaKey, type ApiName, type OpenApiDoc } from "../spec/load.js";
import type { Schema } from "./schema.js";

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

interface MediaNode {
  content: Record<string, { schema: Schema }>;
}

export function operationBodies(): OperationBody[] {
  const out: OperationBody[] = [];
  for (const api of API_NAMES) {
    const doc = loadSpec(api);
    for (const pathItem of Object.values(doc.paths)) {
      for (const op of Object.values(pathItem) as Array<Record<string, unknown>>) {
        const operationId = op["operationId"] as string;
        const push = (kind: BodyKind, status: string, node: unknown): void => {
          for (const media of Object.values(deref<MediaNode>(doc, node).content)) {
            const schemaRef = media.schema.$ref!;
            const same = out.find((b) => b.api === api && b.operationId === operationId && b.kind === kind && b.schemaRef === schemaRef);
            if (same) same.statuses.push(status);
            else out.push({ api, doc, operationId, kind, schemaRef, statuses: [status] });
          }
        };
        push("request", "", op["requestBody"]);
        for (const [status, response] of Object.entries(op["responses"] as Record<string, unknown>)) {
          push(status.startsWith("2") ? "response" : "error", status, response);
        }
      }
    }
  }
  return out;
}

export type Validate = (body: OperationBody, payload: unknown) => { ok: boolean; errors: ValidationIssue[] };

/** The package's own `validate()` (the precompiled standalone validators): what the properties test. */
export function packageValidator(): Validate {
  return (body, payload) => validate(body.operationId as OperationName, body.kind, payload);
}

/** ajv compiled from the bundle at run time, as the spec tests do: the reference the package must agree with. */
export function ajvValidator(): Validate {
  const ajv = createAjv();
  return (body, payload) => {
    const check = ajv.getSchema(schemaKey(body.api, body.schemaRef));
    if (!check) throw new Error(`no compiled schema for ${body.schemaRef}`);
    const ok = check(payload) as boolean;
    return { ok, errors: ok ? [] : issuesFromAjvErrors(check.errors) };
  };
}
