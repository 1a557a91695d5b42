/**
 * `aws-ops-contract/model`: the operation model. Loads the bundled OpenAPI documents in generated/openapi/
 * (what consumers of the package get, what the mock serves); a caller may name one of them or pass a
 * file or an already-parsed document instead. src/ never reads openapi/: the bundle is the input.
 * It answers the operations (model.ts), `$ref`s and JSON pointers (pointer.ts), the JSON Schema handed
 * to ajv (json-schema.ts) and the one ajv configuration (src/validation/ajv.ts). The client and
 * `aws-ops-contract/validate` do not import this module (src/validation takes only pointer.ts from
 * this folder), so a browser bundle never pulls the documents' loader.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { readOperations, type OpenApiDocument, type SpecOperation } from "./model.js";

export * from "./model.js";
export * from "./pointer.js";
export { bodySchema, definitionsSchema, rootSchemaId, SCHEMA_BASE, toJsonSchema } from "./json-schema.js";
export { createAjv, type Ajv } from "../validation/ajv.js";
export { ERROR_LIMIT, OVER_LIMIT_KEYWORD } from "../validation/bounded-errors.js";

/** The documents shipped with the package, by the name the CLI's `--spec` accepts. */
export const BUNDLED_SPECS = {
  ssm: new URL("../../generated/openapi/ssm.json", import.meta.url),
  imagebuilder: new URL("../../generated/openapi/imagebuilder.json", import.meta.url),
} as const;
export type BundledSpecName = keyof typeof BUNDLED_SPECS;

/** A bundled document's name (`"ssm"`), a path to a bundled JSON document, or a parsed document. */
export type SpecSource = BundledSpecName | string | OpenApiDocument;

const isBundledName = (name: string): name is BundledSpecName => Object.hasOwn(BUNDLED_SPECS, name);

export function loadSpec(source: SpecSource): OpenApiDocument {
  if (typeof source !== "string") return checkDocument(structuredClone(source), "the given document");
  const file = isBundledName(source) ? fileURLToPath(BUNDLED_SPECS[source]) : source;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`Cannot read the spec ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`The spec ${file} is not JSON (bundle it first, e.g. with redocly bundle): ${(error as Error).message}`);
  }
  return checkDocument(parsed, file);
}

export function loadSpecs(sources: readonly SpecSource[] = Object.keys(BUNDLED_SPECS) as BundledSpecName[]): OpenApiDocument[] {
  if (sources.length === 0) throw new Error("No spec to serve");
  return sources.map(loadSpec);
}

function checkDocument(value: unknown, where: string): OpenApiDocument {
  const doc = value as Partial<OpenApiDocument> | null;
  if (!doc || typeof doc !== "object" || typeof doc.openapi !== "string" || !/^3\./.test(doc.openapi)) {
    throw new Error(`${where} is not an OpenAPI 3.x document`);
  }
  if (!doc.paths || typeof doc.paths !== "object") throw new Error(`${where} has no paths`);
  return doc as OpenApiDocument;
}

export { issuesFromAjvErrors, summarizeAjvErrors, type IssueSummary, type ValidationIssue } from "../validation/errors.js";
export { awsValidationMessage, awsMemberPath } from "../validation/aws-message.js";

let bundled: { docs: OpenApiDocument[]; operations: IndexedOperation[] } | undefined;
/**
 * The bundled documents and their operations, read once per process and shared by whoever asks (the
 * mock serving them, its data set): not to be changed by callers.
 */
export function bundledModel(): { docs: readonly OpenApiDocument[]; operations: readonly IndexedOperation[] } {
  if (!bundled) {
    const docs = loadSpecs();
    bundled = { docs, operations: operationsOf(docs) };
  }
  return bundled;
}

/** An operation of one of several documents, with the index of its document in the list. */
export type IndexedOperation = SpecOperation & { docIndex: number };

/** The operations of every document, each with the index of its document in `docs`. */
export function operationsOf(docs: readonly OpenApiDocument[]): IndexedOperation[] {
  return docs.flatMap((doc, docIndex) => readOperations(doc).map((op) => ({ ...op, docIndex })));
}
