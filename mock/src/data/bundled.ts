/**
 * The operations whose shapes a data set is in, from the model's bundled documents
 * (`aws-ops-contract/model` `bundledModel`, read once per process and shared with a mock that serves
 * them): a data set is in the services' own shapes whatever documents the mock serves.
 */
import { bundledModel, componentEnum, type SpecBody, type SpecOperation } from "aws-ops-contract/model";

export function bundledOperation(operationId: string): SpecOperation {
  const found = bundledModel().operations.find((operation) => operation.operationId === operationId);
  if (!found) throw new Error(`The bundled documents have no operation ${operationId}`);
  return found;
}

/** The operation's success (200) body as the model reads it. */
export function successBody(operation: SpecOperation): SpecBody {
  const response = operation.responses.find((r) => r.status === 200);
  if (!response?.schemaPointer) throw new Error(`${operation.operationId} documents no 200 body`);
  return response as SpecBody;
}

/** The documented example values of the request (`"request"`) or of a response status, by example name. */
export function exampleValues(operation: SpecOperation, of: "request" | number): Map<string, unknown> {
  const body = of === "request" ? operation.request : operation.responses.find((r) => r.status === of);
  return body?.examples ?? new Map();
}

/** The `enum` of a bundled component schema, such as `CommandStatus`. */
export function schemaEnum(name: string): string[] {
  const values = componentEnum(bundledModel().docs, name);
  if (!values) throw new Error(`The bundled documents have no enum schema ${name}`);
  return values;
}
