/**
 * What a member of a request or response is, read from its schema: a structure (named members), a
 * list, a map or a scalar. A list the service reads as a set (ListCommands' `Filters` are ANDed, a
 * step filter's `Values` are alternatives) carries `x-aws-unordered: true` in the spec; everyone who
 * compares two requests (the mock's verification) asks here instead of walking schemas itself.
 */
import { deref, type OpenApiDocument, type SpecOperation } from "./model.js";

/** The vendor extension that marks a list whose order the service ignores. */
export const UNORDERED_EXTENSION = "x-aws-unordered";

export type Shape =
  | { kind: "structure"; members: Record<string, Shape> }
  | { kind: "list"; unordered: boolean; member: Shape }
  | { kind: "map"; value: Shape }
  | { kind: "scalar"; type: string };

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => value !== null && typeof value === "object" && !Array.isArray(value);
/** Deeper than any of these APIs nests; a self-referencing schema stops here as an opaque value. */
const MAX_DEPTH = 32;
const ANY: Shape = { kind: "scalar", type: "any" };

/** The shape of `schema` (a schema node of `doc`, `$ref`s followed). */
export function shapeOf(doc: OpenApiDocument, schema: unknown, depth = 0): Shape {
  if (depth > MAX_DEPTH || !isNode(schema)) return ANY;
  // A member's own keywords beside a `$ref` annotate it: the extension may sit there.
  const own = schema;
  const node = deref<unknown>(doc, schema);
  if (!isNode(node)) return ANY;
  const type = node["type"];
  if (type === "array") {
    const unordered = own[UNORDERED_EXTENSION] === true || node[UNORDERED_EXTENSION] === true;
    return { kind: "list", unordered, member: shapeOf(doc, node["items"], depth + 1) };
  }
  if (type === "object" || isNode(node["properties"])) {
    const properties = isNode(node["properties"]) ? node["properties"] : undefined;
    if (!properties && isNode(node["additionalProperties"])) return { kind: "map", value: shapeOf(doc, node["additionalProperties"], depth + 1) };
    const members: Record<string, Shape> = {};
    for (const [name, member] of Object.entries(properties ?? {})) members[name] = shapeOf(doc, member, depth + 1);
    return { kind: "structure", members };
  }
  return { kind: "scalar", type: typeof type === "string" ? type : "any" };
}

/** The shape of an operation's request body (an empty structure when it has none). */
export function requestShape(doc: OpenApiDocument, operation: Pick<SpecOperation, "request">): Shape {
  return operation.request ? shapeOf(doc, operation.request.schema) : { kind: "structure", members: {} };
}
