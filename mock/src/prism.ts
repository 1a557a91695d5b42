/**
 * Prism (`@stoplight/prism-http`, used as a library) builds the documented answers: the named or
 * first example of the requested status. (Data sets and generated data are answered by data/ and
 * generate/; Prism is only ever asked for an example, never for its own generated data.)
 *
 * Prism cannot take the real wire as written, so the mock adapts Prism's INPUT here, at load time,
 * on a private copy of each document (the documents themselves stay the real wire):
 * - Prism only treats `application/json` and `application/*+json` as JSON, so every other JSON media
 *   type (`application/x-amz-json-1.1`) becomes `application/json` in the copy; the mock writes the
 *   real media type on the way out.
 * - Prism routes by path and method only, so the mock routes (by `X-Amz-Target` for AWS JSON) and
 *   hands Prism the one operation it chose; Prism's router is replaced by one that takes it.
 * - Requests are validated by the mock before Prism sees them (validators.ts, called from
 *   handler.ts), so Prism's own request validation, security checks and problem+json answers are
 *   switched off.
 */
import { createInstance, getHttpOperationsFromSpec, type IHttpOperationConfig } from "@stoplight/prism-http";
import type { MockOperation } from "./operations.js";
import type { OpenApiDocument } from "aws-ops-contract/model";

type PrismInstance = ReturnType<typeof createInstance>;
type PrismOperation = Awaited<ReturnType<typeof getHttpOperationsFromSpec>>[number];
type PrismRequestConfig = NonNullable<Parameters<PrismInstance["request"]>[2]>;

/** The documented example Prism answers with: of status `code` (default the lowest 2xx), named `exampleKey` (default the first). */
export interface MockChoice {
  code?: number;
  exampleKey?: string;
}

export type PrismAnswer =
  | { ok: true; status: number; headers: Record<string, string>; body: unknown }
  | { ok: false; message: string };

const PRISM_JSON = "application/json";
/** Media types Prism parses and serialises as JSON already. */
const isPrismJson = (mediaType: string): boolean => /^application\/(json|[^/;]+\+json)$/i.test(mediaType);
const isJsonLike = (mediaType: string): boolean => /json/i.test(mediaType);

/** A copy of the document Prism can take: JSON-like media types renamed, one path per operation. */
export function prismDocument(doc: OpenApiDocument, operations: readonly MockOperation[]): OpenApiDocument {
  const copy = structuredClone(doc);
  renameJsonMediaTypes(copy);
  // Path keys with a fragment are not paths; give each operation a plain, unique one. Prism never
  // routes on it (the mock does), but its path parsing must not trip over the `#`.
  const paths: OpenApiDocument["paths"] = {};
  for (const [key, item] of Object.entries(copy.paths)) {
    const op = operations.find((o) => o.pathKey === key && o.target);
    paths[op ? `/${encodeURIComponent(op.target!)}` : key] = item;
  }
  copy.paths = paths;
  return copy;
}

function renameJsonMediaTypes(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(renameJsonMediaTypes);
    return;
  }
  if (!node || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  const content = record["content"];
  if (content && typeof content === "object" && !Array.isArray(content)) {
    const renamed: Record<string, unknown> = {};
    for (const [mediaType, media] of Object.entries(content)) {
      renamed[isJsonLike(mediaType) && !isPrismJson(mediaType) ? PRISM_JSON : mediaType] = media;
    }
    record["content"] = renamed;
  }
  for (const value of Object.values(record)) renameJsonMediaTypes(value);
}

/** Prism wants a pino logger; the mock keeps Prism quiet and logs requests itself. */
function silentLogger(): unknown {
  const noop = (): void => undefined;
  const logger: Record<string, unknown> = {};
  for (const level of ["fatal", "error", "warn", "info", "success", "debug", "trace"]) logger[level] = noop;
  logger["child"] = () => logger;
  logger["level"] = "silent";
  return logger;
}

export interface PrismMocker {
  answer(operation: MockOperation, choice: MockChoice, body: unknown): Promise<PrismAnswer>;
}

export async function createPrismMocker(docs: readonly OpenApiDocument[], operations: readonly MockOperation[]): Promise<PrismMocker> {
  const byOperation = new Map<MockOperation, PrismOperation>();
  for (const [docIndex, doc] of docs.entries()) {
    const own = operations.filter((op) => op.docIndex === docIndex);
    const prismOperations = await getHttpOperationsFromSpec(prismDocument(doc, own));
    for (const op of own) {
      const match = prismOperations.find((p) => p.iid === op.operationId || (p.method.toUpperCase() === op.method && p.path === (op.target ? `/${encodeURIComponent(op.target)}` : op.path)));
      if (!match) throw new Error(`Prism did not read the operation ${op.operationId}`);
      byOperation.set(op, match);
    }
  }

  const baseConfig = {
    checkSecurity: false,
    validateRequest: false,
    validateResponse: false,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
    mock: { dynamic: false },
  } as PrismRequestConfig;
  const prism = createInstance(baseConfig, {
    logger: silentLogger() as Parameters<typeof createInstance>[1]["logger"],
    // The mock has already chosen the operation; Prism's router gets exactly that one.
    route: ({ resources }) => ({ _tag: "Right", right: resources[0]! }),
  });

  return {
    async answer(operation, choice, body) {
      const resource = byOperation.get(operation);
      if (!resource) return { ok: false, message: `No Prism operation for ${operation.operationId}` };
      const mock: IHttpOperationConfig = { dynamic: false, mediaTypes: [PRISM_JSON] };
      if (choice.code !== undefined) mock.code = choice.code;
      if (choice.exampleKey !== undefined) mock.exampleKey = choice.exampleKey;
      const input = { method: operation.method.toLowerCase(), url: { path: resource.path }, headers: {}, body } as Parameters<PrismInstance["request"]>[0];
      const result = await prism.request(input, [resource], { ...baseConfig, mock } as PrismRequestConfig)();
      if (result._tag === "Left") {
        const error = result.left as Error & { detail?: string };
        return { ok: false, message: error.detail ?? error.message };
      }
      const { statusCode, headers = {}, body: answerBody } = result.right.output;
      return { ok: true, status: statusCode, headers: headers as Record<string, string>, body: answerBody };
    },
  };
}
