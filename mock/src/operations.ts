/**
 * The mock's view of the operations, taken from the spec model (`aws-ops-contract/model`), and the
 * router that matches wire requests to them. Nothing here names an operation or walks the documents:
 * - AWS JSON (SSM): on the wire all `POST /`, told apart by the `X-Amz-Target` header.
 * - REST JSON (Image Builder): routed by method and literal path.
 */
import { operationsOf, type OpenApiDocument, type SpecOperation } from "aws-ops-contract/model";

export type Protocol = "awsJson" | "restJson";

export interface MockOperation {
  operationId: string;
  protocol: Protocol;
  /** Index of the document in the list the mock was given. */
  docIndex: number;
  /** The path key in the document, as written (with the fragment for AWS JSON). */
  pathKey: string;
  /** Upper-case HTTP method. */
  method: string;
  /** The path a client sends. */
  path: string;
  /** The `X-Amz-Target` value, for AWS JSON operations. */
  target?: string;
  /** The wire media type of request and responses (`application/x-amz-json-1.1`, `application/json`). */
  mediaType: string;
  /** The pagination token's member name in the request and in the response, if the operation pages. */
  token?: { input: string; output: string };
  /** Example names of each documented response, in document order. */
  examples: Map<number, string[]>;
  /** The operation as the spec model reads it (schemas, examples, paging members). */
  spec: SpecOperation;
}

export function readOperations(docs: readonly OpenApiDocument[]): MockOperation[] {
  return operationsOf(docs).map(({ docIndex, ...spec }) => {
    const op: MockOperation = {
      operationId: spec.operationId,
      protocol: spec.protocol === "awsJson1_1" ? "awsJson" : "restJson",
      docIndex,
      pathKey: spec.pathKey,
      method: spec.method,
      path: spec.path,
      mediaType: spec.mediaType,
      examples: new Map(spec.responses.map((r) => [r.status, [...(r.examples?.keys() ?? [])]])),
      spec,
    };
    if (spec.target) op.target = spec.target;
    if (spec.pagination) op.token = { input: spec.pagination.inputToken, output: spec.pagination.outputToken };
    return op;
  });
}

export type Route =
  | { kind: "operation"; operation: MockOperation }
  | { kind: "unknownPath"; protocol: Protocol }
  | { kind: "wrongMethod"; protocol: Protocol; allow: string[]; mediaType: string }
  | { kind: "unknownTarget"; target: string | undefined; mediaType: string };

/** Routes by path, then method, then (AWS JSON) the `X-Amz-Target` header. */
export class Router {
  private readonly byTarget = new Map<string, MockOperation>();
  private readonly byPath = new Map<string, MockOperation[]>();
  private readonly awsJsonMediaType: string | undefined;

  constructor(readonly operations: readonly MockOperation[]) {
    for (const op of operations) {
      if (op.target) {
        if (this.byTarget.has(op.target)) throw new Error(`Two operations answer X-Amz-Target ${op.target}`);
        this.byTarget.set(op.target, op);
      } else {
        const list = this.byPath.get(op.path) ?? [];
        list.push(op);
        this.byPath.set(op.path, list);
      }
    }
    this.awsJsonMediaType = operations.find((op) => op.target)?.mediaType;
  }

  /** The protocol a request to `path` speaks, for errors raised before an operation is known. */
  protocolOf(path: string): Protocol {
    return path === "/" && this.awsJsonMediaType ? "awsJson" : "restJson";
  }

  route(method: string, path: string, target: string | undefined): Route {
    if (path === "/" && this.awsJsonMediaType) {
      if (method !== "POST") return { kind: "wrongMethod", protocol: "awsJson", allow: ["POST"], mediaType: this.awsJsonMediaType };
      const operation = target === undefined ? undefined : this.byTarget.get(target);
      return operation ? { kind: "operation", operation } : { kind: "unknownTarget", target, mediaType: this.awsJsonMediaType };
    }
    const candidates = this.byPath.get(path);
    if (!candidates) return { kind: "unknownPath", protocol: "restJson" };
    const operation = candidates.find((op) => op.method === method);
    if (operation) return { kind: "operation", operation };
    return { kind: "wrongMethod", protocol: "restJson", allow: candidates.map((op) => op.method), mediaType: candidates[0]!.mediaType };
  }
}
