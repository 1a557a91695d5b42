/**
 * Reads the operations out of the OpenAPI documents and routes wire requests to them.
 *
 * Two wire protocols are recognised from the documents themselves, so nothing here names an operation:
 * - AWS JSON (SSM): path keys written `/#X-Amz-Target=<Service>.<Operation>`. On the wire these are all
 *   `POST /`, told apart by the `X-Amz-Target` header; the fragment is never sent.
 * - REST JSON (Image Builder): any other path key, routed by method and literal path.
 */
import type { OpenApiDocument } from "aws-ops-contract/spec";

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
  /** JSON pointer (with `#`) to the request body's schema in the document, if there is a body. */
  requestSchemaPointer?: string;
  /** The pagination token's member name in the request and in the response, if the operation pages. */
  token?: { input: string; output: string };
  /** Example names of each documented response, in document order. */
  examples: Map<number, string[]>;
}

const TARGET_KEY = /^\/#X-Amz-Target=(.+)$/;
const TOKEN_MEMBER = /^next_?token$/i;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

const pointerToken = (token: string): string => token.replace(/~/g, "~0").replace(/\//g, "~1");

/** Follows internal `$ref`s (`#/...`), returning the node and the pointer it was found at. */
export function resolveRef(doc: OpenApiDocument, node: unknown, pointer: string): { node: unknown; pointer: string } {
  let current = node;
  let at = pointer;
  for (let hops = 0; hops < 32; hops++) {
    const ref = (current as { $ref?: unknown } | null)?.$ref;
    if (typeof ref !== "string" || !ref.startsWith("#/")) return { node: current, pointer: at };
    at = ref;
    current = ref
      .slice(2)
      .split("/")
      .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<unknown>((acc, key) => (acc as Record<string, unknown> | undefined)?.[key], doc);
  }
  throw new Error(`$ref cycle at ${pointer}`);
}

type Content = Record<string, { schema?: unknown; examples?: Record<string, unknown> }>;

function tokenMember(doc: OpenApiDocument, schema: unknown, pointer: string): string | undefined {
  const resolved = resolveRef(doc, schema, pointer).node as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(resolved?.properties ?? {}).find((name) => TOKEN_MEMBER.test(name));
}

export function readOperations(docs: readonly OpenApiDocument[]): MockOperation[] {
  const operations: MockOperation[] = [];
  docs.forEach((doc, docIndex) => {
    for (const [pathKey, pathItem] of Object.entries(doc.paths)) {
      for (const [methodKey, rawOperation] of Object.entries(pathItem)) {
        if (!METHODS.includes(methodKey)) continue;
        const operation = rawOperation as { operationId?: string; requestBody?: unknown; responses?: Record<string, unknown> };
        const opPointer = `#/paths/${pointerToken(pathKey)}/${methodKey}`;
        const targetMatch = TARGET_KEY.exec(pathKey);
        const target = targetMatch?.[1];

        const body = resolveRef(doc, operation.requestBody, `${opPointer}/requestBody`);
        const requestContent = (body.node as { content?: Content } | undefined)?.content ?? {};
        const [requestMediaType, requestMedia] = Object.entries(requestContent)[0] ?? [];

        const examples = new Map<number, string[]>();
        let responseMediaType: string | undefined;
        let outputToken: string | undefined;
        for (const [status, rawResponse] of Object.entries(operation.responses ?? {})) {
          if (!/^\d{3}$/.test(status)) continue;
          const response = resolveRef(doc, rawResponse, `${opPointer}/responses/${status}`);
          const content = (response.node as { content?: Content } | undefined)?.content ?? {};
          const [mediaType, media] = Object.entries(content)[0] ?? [];
          examples.set(Number(status), Object.keys(media?.examples ?? {}));
          if (Number(status) < 300 && mediaType) {
            responseMediaType ??= mediaType;
            outputToken ??= tokenMember(doc, media?.schema, `${response.pointer}/content/${pointerToken(mediaType)}/schema`);
          }
        }

        const inputToken = requestMedia
          ? tokenMember(doc, requestMedia.schema, `${body.pointer}/content/${pointerToken(requestMediaType!)}/schema`)
          : undefined;
        const op: MockOperation = {
          operationId: operation.operationId ?? `${methodKey.toUpperCase()} ${pathKey}`,
          protocol: target ? "awsJson" : "restJson",
          docIndex,
          pathKey,
          method: methodKey.toUpperCase(),
          path: target ? "/" : pathKey,
          mediaType: requestMediaType ?? responseMediaType ?? "application/json",
          examples,
        };
        if (target) op.target = target;
        if (requestMedia?.schema) op.requestSchemaPointer = `${body.pointer}/content/${pointerToken(requestMediaType!)}/schema`;
        if (inputToken && outputToken) op.token = { input: inputToken, output: outputToken };
        operations.push(op);
      }
    }
  });
  return operations;
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
