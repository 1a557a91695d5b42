/**
 * What the data set reads from the bundled OpenAPI documents: an operation's response schema (to
 * find its timestamps), its documented examples (to build the default data set), and enums (the
 * status values a filter accepts). Always the bundled documents: a data set is in the services'
 * own shapes whatever documents the mock serves.
 */
import { loadSpecs, type OpenApiDocument } from "aws-ops-contract/spec";
import { resolveRef } from "../operations.js";

export interface SpecOperation {
  doc: OpenApiDocument;
  operationId: string;
  /** JSON pointer (with `#`) of the operation object. */
  pointer: string;
  node: { requestBody?: unknown; responses?: Record<string, unknown> };
}

const pointerToken = (token: string): string => token.replace(/~/g, "~0").replace(/\//g, "~1");

let bundled: OpenApiDocument[] | undefined;
/** The bundled documents, read once per process. */
export function bundledDocs(): OpenApiDocument[] {
  bundled ??= loadSpecs();
  return bundled;
}

export function findOperation(operationId: string, docs: readonly OpenApiDocument[] = bundledDocs()): SpecOperation {
  for (const doc of docs) {
    for (const [pathKey, item] of Object.entries(doc.paths)) {
      for (const [method, node] of Object.entries(item)) {
        if ((node as { operationId?: unknown } | null)?.operationId === operationId) {
          return { doc, operationId, pointer: `#/paths/${pointerToken(pathKey)}/${method}`, node: node as SpecOperation["node"] };
        }
      }
    }
  }
  throw new Error(`The bundled documents have no operation ${operationId}`);
}

type Media = { schema?: unknown; examples?: Record<string, unknown> };

function firstMedia(op: SpecOperation, raw: unknown, pointer: string): { media: Media | undefined; pointer: string } {
  const resolved = resolveRef(op.doc, raw, pointer);
  const content = (resolved.node as { content?: Record<string, Media> } | undefined)?.content ?? {};
  const [mediaType, media] = Object.entries(content)[0] ?? [];
  return { media, pointer: mediaType ? `${resolved.pointer}/content/${pointerToken(mediaType)}` : resolved.pointer };
}

/** The schema of the operation's response with that status, and where it is. */
export function responseSchema(op: SpecOperation, status = 200): { schema: unknown; pointer: string } {
  const { media, pointer } = firstMedia(op, op.node.responses?.[String(status)], `${op.pointer}/responses/${status}`);
  return { schema: media?.schema, pointer: `${pointer}/schema` };
}

/** The documented example values of the request (`"request"`) or of a response status, by example name. */
export function exampleValues(op: SpecOperation, of: "request" | number): Map<string, unknown> {
  const { media, pointer } =
    of === "request"
      ? firstMedia(op, op.node.requestBody, `${op.pointer}/requestBody`)
      : firstMedia(op, op.node.responses?.[String(of)], `${op.pointer}/responses/${of}`);
  const values = new Map<string, unknown>();
  for (const [name, raw] of Object.entries(media?.examples ?? {})) {
    const example = resolveRef(op.doc, raw, `${pointer}/examples/${pointerToken(name)}`).node as { value?: unknown } | undefined;
    if (example && "value" in example) values.set(name, example.value);
  }
  return values;
}

/** The `enum` of a component schema, such as `CommandStatus`. */
export function schemaEnum(name: string, docs: readonly OpenApiDocument[] = bundledDocs()): string[] {
  for (const doc of docs) {
    const schema = doc.components?.["schemas"]?.[name] as { enum?: unknown[] } | undefined;
    if (schema?.enum) return schema.enum.map(String);
  }
  throw new Error(`The bundled documents have no enum schema ${name}`);
}
