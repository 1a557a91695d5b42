/**
 * The router that matches wire requests to the operations of the model (`aws-ops-contract/model`).
 * Nothing here names an operation or walks the documents:
 * - AWS JSON (SSM): on the wire all `POST /`, told apart by the `X-Amz-Target` header.
 * - REST JSON (Image Builder): routed by method and literal path.
 */
import type { IndexedOperation, Protocol } from "aws-ops-contract/model";

export type Route =
  | { kind: "operation"; operation: IndexedOperation }
  | { kind: "unknownPath"; protocol: Protocol }
  | { kind: "wrongMethod"; protocol: Protocol; allow: string[]; mediaType: string }
  | { kind: "unknownTarget"; target: string | undefined; mediaType: string };

/** Routes by path, then method, then (AWS JSON) the `X-Amz-Target` header. */
export class Router {
  private readonly byTarget = new Map<string, IndexedOperation>();
  private readonly byPath = new Map<string, IndexedOperation[]>();
  private readonly awsJsonMediaType: string | undefined;

  constructor(readonly operations: readonly IndexedOperation[]) {
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
    return path === "/" && this.awsJsonMediaType ? "awsJson1_1" : "restJson1";
  }

  route(method: string, path: string, target: string | undefined): Route {
    if (path === "/" && this.awsJsonMediaType) {
      if (method !== "POST") return { kind: "wrongMethod", protocol: "awsJson1_1", allow: ["POST"], mediaType: this.awsJsonMediaType };
      const operation = target === undefined ? undefined : this.byTarget.get(target);
      return operation ? { kind: "operation", operation } : { kind: "unknownTarget", target, mediaType: this.awsJsonMediaType };
    }
    const candidates = this.byPath.get(path);
    if (!candidates) return { kind: "unknownPath", protocol: "restJson1" };
    const operation = candidates.find((op) => op.method === method);
    if (operation) return { kind: "operation", operation };
    return { kind: "wrongMethod", protocol: "restJson1", allow: candidates.map((op) => op.method), mediaType: candidates[0]!.mediaType };
  }
}

/** The example names of each documented response of an operation, by status, in document order. */
export function examplesByStatus(op: IndexedOperation): Map<number, string[]> {
  return new Map(op.responses.map((r) => [r.status, [...(r.examples?.keys() ?? [])]]));
}
