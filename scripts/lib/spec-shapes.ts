/**
 * Each operation of a bundled document, as the spec model (src/model) reads it, turned into
 * shapes.ts: what `npm run drift` compares with the service models and `npm run diff` with another
 * version of the spec. Errors marked `x-aws-common-error` are kept apart: they are the errors of
 * every action, which no operation's model lists.
 */
import { deref, readOperations, resolveRef, type OpenApiDocument } from "../../src/model/index.js";
import type { Member, ModelError, ModelOperation, Shape, StructureShape } from "./shapes.js";

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => value !== null && typeof value === "object" && !Array.isArray(value);

export interface SpecSide extends ModelOperation {
  protocol: "awsJson1_1" | "restJson1";
  /** The `X-Amz-Target` value that routes an AWS JSON operation (its path is always `/`). */
  target: string | undefined;
  /** The errors marked `x-aws-common-error: true`. */
  commonErrors: ModelError[];
  /** The members of the error body (every error of the operation shares it). */
  errorMembers: string[];
}

const num = (node: Node, key: string): number | undefined => (typeof node[key] === "number" ? (node[key] as number) : undefined);

function toShape(doc: OpenApiDocument, node: unknown, seen: Map<string, StructureShape>): Shape {
  const { node: resolved, pointer } = resolveRef(doc, node);
  const schema = isNode(resolved) ? resolved : {};
  const name = pointer.startsWith("#/components/schemas/") ? pointer.slice("#/components/schemas/".length) : undefined;
  const type = schema["type"];
  if (type === "object" && isNode(schema["additionalProperties"]) && !isNode(schema["properties"])) {
    return { kind: "map", name, value: toShape(doc, schema["additionalProperties"], seen), minItems: num(schema, "minProperties"), maxItems: num(schema, "maxProperties") };
  }
  if (type === "object") {
    const cached = name ? seen.get(name) : undefined;
    if (cached) return cached;
    const shape: StructureShape = { kind: "structure", name, members: {} };
    if (name) seen.set(name, shape);
    const required = Array.isArray(schema["required"]) ? (schema["required"] as string[]) : [];
    for (const [member, child] of Object.entries(isNode(schema["properties"]) ? schema["properties"] : {})) {
      const entry: Member = { shape: toShape(doc, child, seen), required: required.includes(member) };
      shape.members[member] = entry;
    }
    return shape;
  }
  if (type === "array") return { kind: "list", name, member: toShape(doc, schema["items"], seen), minItems: num(schema, "minItems"), maxItems: num(schema, "maxItems") };
  if (type === "string") {
    return {
      kind: "string",
      name,
      enum: Array.isArray(schema["enum"]) ? (schema["enum"] as string[]) : undefined,
      minLength: num(schema, "minLength"),
      maxLength: num(schema, "maxLength"),
      pattern: typeof schema["pattern"] === "string" ? schema["pattern"] : undefined,
    };
  }
  if (type === "integer" || type === "number") return { kind: "number", name, integer: type === "integer", minimum: num(schema, "minimum"), maximum: num(schema, "maximum") };
  if (type === "boolean") return { kind: "boolean", name };
  return { kind: "document", name };
}

/** Every operation of one bundled document, by operationId. */
export function readSpecSide(doc: OpenApiDocument): Map<string, SpecSide> {
  const out = new Map<string, SpecSide>();
  const seen = new Map<string, StructureShape>();
  const empty: StructureShape = { kind: "structure", name: undefined, members: {} };
  for (const op of readOperations(doc)) {
    const success = op.responses.find((r) => r.ok && r.schema !== undefined);
    const errorBodies = op.responses.filter((r) => r.status >= 400 && r.schema !== undefined);
    const errorMembers = [...new Set(errorBodies.flatMap((r) => Object.keys(deref<Node>(doc, r.schema)["properties"] ?? {})))];
    const toError = (e: { name: string; status: number }): ModelError => ({ name: e.name, status: e.status, members: errorMembers });
    out.set(op.operationId, {
      name: op.operationId,
      protocol: op.protocol,
      target: op.target,
      http: op.target ? { method: op.method, path: "/" } : { method: op.method, path: op.path },
      request: op.request ? (toShape(doc, op.request.schema, seen) as StructureShape) : empty,
      response: success ? (toShape(doc, success.schema, seen) as StructureShape) : empty,
      errors: op.errors.filter((e) => !e.common).map(toError),
      commonErrors: op.errors.filter((e) => e.common).map(toError),
      errorMembers,
      paging: op.pagination ? { inputToken: op.pagination.inputToken, outputToken: op.pagination.outputToken, limit: op.pagination.limit?.member } : undefined,
    });
  }
  return out;
}
