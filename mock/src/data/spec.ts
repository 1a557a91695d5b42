/**
 * What the data set reads from the bundled OpenAPI documents, through the spec model
 * (`aws-ops-contract/model`): an operation's success schema (to find its timestamps), its documented
 * examples (to build the default data set), and enums (the status values a filter accepts). Always
 * the bundled documents: a data set is in the services' own shapes whatever documents the mock serves.
 */
import { loadSpecs, readOperations, type OpenApiDocument, type SpecOperation } from "aws-ops-contract/model";

export interface DataOperation {
  doc: OpenApiDocument;
  operation: SpecOperation;
}

let bundled: DataOperation[] | undefined;
/** The operations of the bundled documents, read once per process. */
function bundledOperations(): DataOperation[] {
  bundled ??= loadSpecs().flatMap((doc) => readOperations(doc).map((operation) => ({ doc, operation })));
  return bundled;
}

export function findOperation(operationId: string): DataOperation {
  const found = bundledOperations().find(({ operation }) => operation.operationId === operationId);
  if (!found) throw new Error(`The bundled documents have no operation ${operationId}`);
  return found;
}

/** The schema of the operation's response with that status, and where it is. */
export function responseSchema({ operation }: DataOperation, status = 200): { schema: unknown; pointer: string } {
  const response = operation.responses.find((r) => r.status === status);
  if (!response?.schemaPointer) throw new Error(`${operation.operationId} documents no ${status} body`);
  return { schema: response.schema, pointer: response.schemaPointer };
}

/** The documented example values of the request (`"request"`) or of a response status, by example name. */
export function exampleValues({ operation }: DataOperation, of: "request" | number): Map<string, unknown> {
  const body = of === "request" ? operation.request : operation.responses.find((r) => r.status === of);
  return body?.examples ?? new Map();
}

/** The `enum` of a component schema, such as `CommandStatus`. */
export function schemaEnum(name: string): string[] {
  for (const doc of loadedDocs()) {
    const schema = doc.components?.["schemas"]?.[name] as { enum?: unknown[] } | undefined;
    if (schema?.enum) return schema.enum.map(String);
  }
  throw new Error(`The bundled documents have no enum schema ${name}`);
}

const loadedDocs = (): OpenApiDocument[] => [...new Set(bundledOperations().map(({ doc }) => doc))];
