/**
 * The slice of JSON Schema (2020-12, as the bundled OpenAPI 3.1 documents use it) that the
 * reliability tests translate: a node type and a `$ref` resolver over one bundled document.
 */
import { toPointer } from "../../src/model/pointer.js";
import { deref, type OpenApiDoc } from "../openapi/load.js";

export interface Schema {
  $ref?: string;
  type?: "object" | "array" | "string" | "integer" | "number" | "boolean";
  enum?: readonly unknown[];
  // object
  properties?: Record<string, Schema>;
  required?: readonly string[];
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
  minProperties?: number;
  maxProperties?: number;
  // array
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  // string
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  // number
  minimum?: number;
  maximum?: number;
}

/** Every keyword the translators understand; anything else in a schema is annotation only. */
export const SUPPORTED_KEYWORDS = new Set([
  "$ref", "type", "enum", "properties", "required", "additionalProperties", "propertyNames", "minProperties",
  "maxProperties", "items", "minItems", "maxItems", "minLength", "maxLength", "pattern", "format", "minimum",
  "maximum",
]);
/** Keywords that never constrain a value (OpenAPI and JSON Schema annotations). */
export const ANNOTATION_KEYWORDS = new Set(["description", "title", "examples", "default", "deprecated"]);
/** Vendor extensions (`x-aws-unordered`) annotate a schema for its readers; they constrain no value. */
export const isExtension = (keyword: string): boolean => keyword.startsWith("x-");

/** Follows `$ref` chains; a `$ref`'s sibling keywords here are annotations only (checked by a test). */
export const resolve = (doc: OpenApiDoc, schema: Schema): Schema => deref<Schema>(doc, schema);

/** Code-point length, as JSON Schema (and ajv) count string length. */
export const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** JSON pointer of a path of member names and indexes. */
export const pointer = toPointer;
