/**
 * The documented-example source: Prism (`@stoplight/prism-http`, used as a library) builds the
 * named or first example of the requested status. Prism is imported on the first request that asks
 * for an example, not at start: importing it takes most of a cold start, and the default answers
 * come from the data set. Its operations are read from the Prism copy of each document
 * (prism-document.ts) at that time too, and kept in a map keyed by the model's operation.
 *
 * The mock has routed (by `X-Amz-Target` for AWS JSON) and validated the request before Prism sees
 * it, so Prism's router is replaced by one that takes the chosen operation, and its own request
 * validation, security checks and problem+json answers are switched off.
 */
import type { IndexedOperation, OpenApiDocument } from "aws-ops-contract/model";
import type { createInstance, getHttpOperationsFromSpec, IHttpOperationConfig } from "@stoplight/prism-http";
import { PRISM_JSON, prismDocument, prismPathOf } from "./prism-document.js";
import type { ExampleChoice } from "./types.js";

type PrismInstance = ReturnType<typeof createInstance>;
type PrismOperation = Awaited<ReturnType<typeof getHttpOperationsFromSpec>>[number];
type PrismRequestConfig = NonNullable<Parameters<PrismInstance["request"]>[2]>;

export type ExampleAnswer =
  | { ok: true; status: number; headers: Record<string, string>; body: unknown }
  | { ok: false; message: string };

export interface ExampleBuilder {
  answer(operation: IndexedOperation, choice: ExampleChoice, body: unknown): Promise<ExampleAnswer>;
  /** Whether Prism has been imported (it is, on the first example asked for). */
  readonly loaded: boolean;
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

const BASE_CONFIG = {
  checkSecurity: false,
  validateRequest: false,
  validateResponse: false,
  errors: false,
  upstreamProxy: undefined,
  isProxy: false,
  mock: { dynamic: false },
} as PrismRequestConfig;

interface LoadedPrism {
  prism: PrismInstance;
  byOperation: Map<IndexedOperation, PrismOperation>;
}

async function loadPrism(docs: readonly OpenApiDocument[], operations: readonly IndexedOperation[]): Promise<LoadedPrism> {
  const { createInstance, getHttpOperationsFromSpec } = await import("@stoplight/prism-http");
  const byOperation = new Map<IndexedOperation, PrismOperation>();
  for (const [docIndex, doc] of docs.entries()) {
    const own = operations.filter((op) => op.docIndex === docIndex);
    const prismOperations = await getHttpOperationsFromSpec(prismDocument(doc, own));
    for (const op of own) {
      const match = prismOperations.find((p) => p.iid === op.operationId || (p.method.toUpperCase() === op.method && p.path === prismPathOf(op)));
      if (!match) throw new Error(`Prism did not read the operation ${op.operationId}`);
      byOperation.set(op, match);
    }
  }
  const prism = createInstance(BASE_CONFIG, {
    logger: silentLogger() as Parameters<typeof createInstance>[1]["logger"],
    // The mock has already chosen the operation; Prism's router gets exactly that one.
    route: ({ resources }) => ({ _tag: "Right", right: resources[0]! }),
  });
  return { prism, byOperation };
}

export function createExampleBuilder(docs: readonly OpenApiDocument[], operations: readonly IndexedOperation[]): ExampleBuilder {
  let loading: Promise<LoadedPrism> | undefined;
  let loaded = false;
  return {
    get loaded() {
      return loaded;
    },
    async answer(operation, choice, body) {
      // One import for every request that arrives while it loads; a failed import is tried again.
      loading ??= loadPrism(docs, operations).then(
        (value) => ((loaded = true), value),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      const { prism, byOperation } = await loading;
      const resource = byOperation.get(operation);
      if (!resource) return { ok: false, message: `No Prism operation for ${operation.operationId}` };
      const mock: IHttpOperationConfig = { dynamic: false, mediaTypes: [PRISM_JSON] };
      if (choice.code !== undefined) mock.code = choice.code;
      if (choice.exampleKey !== undefined) mock.exampleKey = choice.exampleKey;
      const input = { method: operation.method.toLowerCase(), url: { path: resource.path }, headers: {}, body } as Parameters<PrismInstance["request"]>[0];
      const result = await prism.request(input, [resource], { ...BASE_CONFIG, mock } as PrismRequestConfig)();
      if (result._tag === "Left") {
        const error = result.left as Error & { detail?: string };
        return { ok: false, message: error.detail ?? error.message };
      }
      const { statusCode, headers = {}, body: answerBody } = result.right.output;
      return { ok: true, status: statusCode, headers: headers as Record<string, string>, body: answerBody };
    },
  };
}
