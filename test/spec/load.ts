/** Loads the bundled specs and compiles their component schemas with ajv (2020-12, strict). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

export const API_NAMES = ["ssm", "imagebuilder"] as const;
export type ApiName = (typeof API_NAMES)[number];

type Json = unknown;
export interface OpenApiDoc {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; examples?: Record<string, { value: Json }> };
  [key: string]: Json;
}

export function loadSpec(api: ApiName): OpenApiDoc {
  const file = fileURLToPath(new URL(`../../generated/openapi/${api}.json`, import.meta.url));
  return JSON.parse(readFileSync(file, "utf8")) as OpenApiDoc;
}

export const specId = (api: ApiName): string => `urn:aws-ops-contract:${api}`;

/** The ajv key of a component schema, from its OpenAPI `$ref` (`#/components/schemas/X`). */
export const schemaKey = (api: ApiName, ref: string): string => `${specId(api)}${ref.replace("#/components/schemas/", "#/$defs/")}`;

/** One strict ajv instance holding both documents, so `$ref`s resolve inside each. */
export function createAjv(): Ajv2020.default {
  const ajv = new Ajv2020.default({ strict: true, allErrors: true });
  addFormats.default(ajv, ["int32", "int64"]);
  for (const api of API_NAMES) {
    const doc = loadSpec(api);
    // Only components.schemas is JSON Schema; it becomes a $defs document and its refs follow.
    const defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/'));
    ajv.addSchema({ $id: specId(api), $defs: defs });
  }
  return ajv;
}

/** Resolves `$ref` (`#/components/...`) inside an OpenAPI document. */
export function deref<T = Json>(doc: OpenApiDoc, node: Json): T {
  let current = node as { $ref?: string };
  while (current && typeof current === "object" && typeof current.$ref === "string") {
    const pointer = current.$ref.replace(/^#\//, "").split("/").map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
    current = pointer.reduce<Json>((acc, key) => (acc as Record<string, Json>)[key], doc) as { $ref?: string };
  }
  return current as T;
}

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
  const doc = loadSpec(api);
  const out: MediaExample[] = [];
  for (const pathItem of Object.values(doc.paths)) {
    for (const op of Object.values(pathItem) as Array<Record<string, Json>>) {
      const operationId = op["operationId"] as string;
      const bodies: Array<[string, Json]> = [["request", op["requestBody"]]];
      for (const [status, response] of Object.entries(op["responses"] as Record<string, Json>)) {
        bodies.push([`response ${status}`, response]);
      }
      for (const [where, bodyNode] of bodies) {
        const body = deref<{ content: Record<string, { schema: { $ref: string }; examples?: Record<string, Json> }> }>(doc, bodyNode);
        for (const media of Object.values(body.content)) {
          for (const [name, exampleNode] of Object.entries(media.examples ?? {})) {
            out.push({ api, operationId, where, name, schemaRef: media.schema.$ref, value: deref<{ value: Json }>(doc, exampleNode).value });
          }
        }
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
      for (const [key, child] of Object.entries(node)) walk(child, `${pointer}/${key}`);
    }
  };
  walk(doc.components.schemas, "#/components/schemas");
}
