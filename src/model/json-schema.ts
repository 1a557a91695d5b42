/**
 * The JSON Schema handed to ajv, derived from a bundled OpenAPI document (the document is not a JSON
 * Schema). The component schemas become the `$defs` of one schema per API (refs rewritten from
 * `#/components/schemas/X` to `<root>#/$defs/X`) and each body gets an entry schema that refers into
 * it. The document itself is untouched. Used by scripts/generate.ts (the standalone validators), the
 * mock and the tests, so all of them validate against the same schemas.
 */
import type { OpenApiDocument } from "./model.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The `$id` base of the ajv schemas (an `.invalid` host: never fetched). */
export const SCHEMA_BASE = "https://schemas.aws-ops-contract.invalid";
/** The `$id` of an API's root schema (its `$defs`). */
export const rootSchemaId = (api: string): string => `${SCHEMA_BASE}/${api}.json`;

/** Annotations only: they never change a result, and ajv would copy them into the generated code. */
const ANNOTATIONS = new Set(["description", "title", "examples", "$comment"]);

/**
 * Turns an OpenAPI schema into the ajv input: component refs become refs to the API's `$defs`
 * (behind `prefix`, the root's `$id`, when the schema lives outside the root), and the annotation
 * keywords are dropped. A property *named* like an annotation is kept: only the keys of a schema
 * object are keywords, not the keys of a `properties` map.
 *
 * A list with `maxItems` checks its items only when it is within bounds (`if`/`then`): a body whose
 * list is over its bound is refused for that, before any of its items is checked, so an oversized
 * list of invalid items costs one comparison, not one error per item. Likewise for a map with
 * `maxProperties` and no named properties. Same result for every body: an oversized list fails
 * `maxItems` either way.
 */
export function toJsonSchema(node: Json, prefix: string, inProperties = false): Json {
  if (Array.isArray(node)) return node.map((child) => toJsonSchema(child, prefix));
  if (!node || typeof node !== "object") return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    // Vendor extensions (`x-...`) annotate the API for its readers (src/model/shape.ts); they never change a result.
    if (!inProperties && (ANNOTATIONS.has(key) || key.startsWith("x-"))) continue;
    if (!inProperties && key === "$ref" && typeof value === "string") {
      out[key] = value.replace(/^#\/components\/schemas\//, `${prefix}#/$defs/`);
    } else {
      const mapOfSchemas = !inProperties && (key === "properties" || key === "patternProperties" || key === "$defs");
      out[key] = toJsonSchema(value, prefix, mapOfSchemas);
    }
  }
  return inProperties ? out : guardBounds(out);
}

/** Moves the per-element keywords of a bounded list or map under `if: bound, then: ...`. */
function guardBounds(schema: JsonObject): JsonObject {
  const guard = (bound: "maxItems" | "maxProperties", type: "array" | "object", keys: readonly string[]): JsonObject => {
    const limit = schema[bound];
    const moved = keys.filter((key) => key in schema);
    if (typeof limit !== "number" || moved.length === 0 || "if" in schema) return schema;
    const rest: JsonObject = {};
    const then: JsonObject = { type };
    for (const [key, value] of Object.entries(schema)) (moved.includes(key) ? then : rest)[key] = value;
    return { ...rest, if: { [bound]: limit }, then };
  };
  if (schema["type"] === "array") return guard("maxItems", "array", ["items", "prefixItems", "contains"]);
  if (schema["type"] === "object" && !("properties" in schema)) return guard("maxProperties", "object", ["additionalProperties", "propertyNames", "patternProperties"]);
  return schema;
}

/** The root schema of one API: its component schemas as `$defs`. */
export function definitionsSchema(doc: OpenApiDocument, id: string): JsonObject {
  const schemas = (doc.components?.["schemas"] ?? {}) as Json;
  return { $id: id, $defs: toJsonSchema(schemas, "", true) };
}

/** The entry schema of one body: its schema, or `anyOf` its schemas when statuses differ. */
export function bodySchema(schemas: readonly unknown[], rootId: string, id: string): JsonObject {
  const unique = [...new Map(schemas.map((s) => [JSON.stringify(s), s as Json])).values()].map((s) => toJsonSchema(s, rootId));
  if (unique.length === 0) throw new Error(`${id}: no body schema`);
  const entry = unique.length === 1 ? (unique[0] as JsonObject) : { anyOf: unique };
  return { ...entry, $id: id };
}
