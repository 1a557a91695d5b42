/**
 * The bundled specs for the tests, through the operation model (`aws-ops-contract/model`): the same loader,
 * `$ref` resolution, JSON Schema and ajv configuration as the package, the generator and the mock.
 */
import { createAjv as createPackageAjv, escapePointerToken, definitionsSchema, deref as derefNode, loadSpec as loadBundled, readOperations, rootSchemaId, type Ajv, type OpenApiDocument } from "../../src/model/index.js";

export const API_NAMES = ["ssm", "imagebuilder"] as const;
export type ApiName = (typeof API_NAMES)[number];

type Json = unknown;
export interface OpenApiDoc extends OpenApiDocument {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; examples?: Record<string, { value: Json }> };
}

export const loadSpec = (api: ApiName): OpenApiDoc => loadBundled(api) as OpenApiDoc;

/** The ajv key of a component schema, from its OpenAPI `$ref` (`#/components/schemas/X`). */
export const schemaKey = (api: ApiName, ref: string): string => `${rootSchemaId(api)}${ref.replace("#/components/schemas/", "#/$defs/")}`;

/** The package's one ajv configuration, holding both documents' schemas as the operation model derives them. */
export function createAjv(): Ajv {
  const ajv = createPackageAjv();
  for (const api of API_NAMES) ajv.addSchema(definitionsSchema(loadSpec(api), rootSchemaId(api)));
  return ajv;
}

/** Resolves `$ref` (`#/components/...`) inside an OpenAPI document. */
export const deref = <T = Json>(doc: OpenApiDoc, node: Json): T => derefNode<T>(doc, node);

export interface MediaExample {
  api: ApiName;
  operationId: string;
  where: string;
  name: string;
  schemaRef: string;
  value: Json;
}

/** Every example of every request and response body, with the schema it must satisfy. */
export function mediaExamples(api: ApiName): MediaExample[] {
  const out: MediaExample[] = [];
  for (const op of readOperations(loadSpec(api))) {
    const bodies = [["request", op.request] as const, ...op.responses.map((r) => [`response ${r.status}`, r] as const)];
    for (const [where, body] of bodies) {
      for (const [name, value] of body?.examples ?? []) {
        out.push({ api, operationId: op.operationId, where, name, schemaRef: body!.schemaRef!, value });
      }
    }
  }
  return out;
}

/** Walks every schema object under components.schemas, calling `visit` with its JSON pointer. */
export function walkSchemas(doc: OpenApiDoc, visit: (schema: Record<string, Json>, pointer: string) => void): void {
  const walk = (node: Json, pointer: string): void => {
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${pointer}/${i}`));
    else if (node && typeof node === "object") {
      visit(node as Record<string, Json>, pointer);
      for (const [key, child] of Object.entries(node)) walk(child, `${pointer}/${escapePointerToken(key)}`);
    }
  };
  walk(doc.components.schemas, "#/components/schemas");
}
