/**
 * The mock's request pipeline, one step per concern: route -> read (bounded) -> content type ->
 * JSON -> validate -> Prefer -> data set (no preference) or Prism (a documented example, generated
 * data) -> protocol answer. `/_mock/data` is the mock's own endpoint, outside the AWS routes. Every refusal is written in the protocol's
 * own error format (see protocol.ts), and nothing a client sends can make it hang or throw.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createAuthCheck, type AuthCheck, type AuthOption } from "./auth/index.js";
import { readBody, type BodyLimits } from "./body.js";
import { withCors } from "./cors.js";
import { firstValue, pathOf } from "./http.js";
import { decide, type Decision } from "./choose.js";
import { MockData, type DataAnswer, type DataSet, type DataSource } from "./data/index.js";
import { DATA_PATH, serveDataEndpoint } from "./data/endpoint.js";
import { createFaults, delayAnswer, type Faults } from "./faults/index.js";
import { Router, readOperations, type MockOperation, type Protocol } from "./operations.js";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "./json-depth.js";
import { withoutNullMembers } from "./nulls.js";
import { parsePrefer } from "./prefer.js";
import { serializationFailure } from "./serialization.js";
import { generatedAnswer } from "./generate/index.js";
import { createPrismMocker, type PrismMocker } from "./prism.js";
import { baseMediaType, errorResponse, type MockError, type Outcome, type WireResponse } from "./protocol.js";
import { createValidators, validationMessage, type Validators } from "./validators.js";
import { loadSpecs, type SpecSource } from "aws-ops-contract/model";

export interface MockHandlerOptions {
  /** The documents to serve: bundled names (`"ssm"`, `"imagebuilder"`), JSON files or parsed documents. Default: both bundled. */
  specs?: readonly SpecSource[];
  /**
   * The data set the operations answer from: a JSON or YAML file's path, or the object. Default: the
   * one built from the spec's examples. An invalid one is refused (the handler is not created).
   */
  data?: DataSource;
  /** Answer valid requests with generated data instead of the data set (per request: `Prefer: dynamic=true`). */
  dynamic?: boolean;
  /** `true` writes one line per request to stdout; a function receives each line instead. */
  log?: boolean | ((line: string) => void);
  /** Largest request body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Longest wait for the next chunk of a request body, in milliseconds (default 10 s). */
  bodyTimeoutMs?: number;
  /** Signature checking: `"sigv4"` (default credentials) or `{ type: "sigv4", credentials }`; default `"none"`. See auth/. */
  auth?: AuthOption;
}

export interface MockHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  readonly operations: readonly MockOperation[];
  /** The protocol whose error format answers a request for `path` (what the server needs for answers it writes itself). */
  protocolOf(path: string): Protocol;
  /** The data set served now (what `GET /_mock/data` answers). */
  dataSet(): DataSet;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;
/** After refusing a body that is still arriving, how long to keep discarding it before hanging up. */
const DRAIN_GRACE_MS = 2_000;

const utf8 = new TextDecoder("utf-8", { fatal: true });

interface Context {
  router: Router;
  validators: Validators;
  prism: PrismMocker;
  limits: BodyLimits;
  dynamic: boolean;
  data: MockData;
  auth: AuthCheck | undefined;
  faults: Faults;
}

export async function createMockHandler(options: MockHandlerOptions = {}): Promise<MockHandler> {
  const docs = loadSpecs(options.specs);
  const operations = readOperations(docs);
  const context: Context = {
    router: new Router(operations),
    validators: createValidators(docs, operations),
    prism: await createPrismMocker(docs, operations),
    limits: {
      maxBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      idleTimeoutMs: options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
    },
    dynamic: options.dynamic ?? false,
    data: new MockData(options.data),
    auth: createAuthCheck(docs, options.auth),
    faults: createFaults(),
  };
  const log = options.log === true ? (line: string) => process.stdout.write(`${line}\n`) : options.log || undefined;

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    const requestId = randomUUID();
    // A client that goes away mid-answer must not take the process with it.
    res.on("error", () => undefined);
    req.on("error", () => undefined);
    serve(context, req, res)
      .catch((error: unknown): Outcome => {
        const protocol = context.router.protocolOf(pathOf(req.url));
        const message = `The mock failed to answer: ${error instanceof Error ? error.message : String(error)}`;
        return { wire: errorResponse(protocol, { status: 500, name: "InternalFailure", message }), label: "InternalFailure" };
      })
      .then((outcome) => {
        if (outcome) write(req, res, outcome, requestId);
        else req.socket.destroy();
        if (log) {
          const ms = (performance.now() - started).toFixed(1);
          log(`${new Date().toISOString()} ${req.method ?? "-"} ${pathOf(req.url)} ${outcome?.label ?? "aborted"} ${outcome?.wire.status ?? "-"} ${ms}ms ${requestId}`);
        }
      });
  };
  // Browsers: preflights answered and CORS headers on every answer, as AWS's endpoints do (cors.ts).
  return Object.assign(withCors(handler, log), { operations, protocolOf: (path: string) => context.router.protocolOf(path), dataSet: () => context.data.current.data });
}

function refuse(protocol: Protocol, error: MockError, label: string, mediaType?: string): Outcome {
  return { wire: errorResponse(protocol, error, { mediaType }), label };
}

/** Returns the answer, or undefined when the client went away before it could be given. */
async function serve(context: Context, req: IncomingMessage, res: ServerResponse): Promise<Outcome | undefined> {
  const method = (req.method ?? "GET").toUpperCase();
  const path = pathOf(req.url);
  if (path === DATA_PATH) return serveDataEndpoint(context.data, req, method, context.limits.idleTimeoutMs);
  const target = firstValue(req.headers["x-amz-target"]);
  const route = context.router.route(method, path, target);

  if (route.kind === "unknownPath") {
    const known = [...new Set(context.router.operations.map((op) => `${op.method} ${op.path}`))].join(", ");
    return refuse("restJson", { status: 404, name: "UnknownOperationException", message: `No operation is served at ${method} ${path}; this mock serves ${known}` }, "UnknownOperationException");
  }
  if (route.kind === "wrongMethod") {
    const error = { status: 405, name: "MethodNotAllowedException", message: `${method} is not allowed on ${path}; use ${route.allow.join(" or ")}`, headers: { allow: route.allow.join(", ") } };
    return refuse(route.protocol, error, "MethodNotAllowedException", route.mediaType);
  }
  if (route.kind === "unknownTarget") {
    const known = context.router.operations.flatMap((op) => (op.target ? [op.target] : [])).join(", ");
    const message = route.target === undefined
      ? `The X-Amz-Target header is missing; it names the operation, one of ${known}`
      : `X-Amz-Target '${route.target}' is not an operation of this mock; use one of ${known}`;
    return refuse("awsJson", { status: 400, name: "UnknownOperationException", message }, "UnknownOperationException", route.mediaType);
  }

  const op = route.operation;
  const label = op.target ?? op.operationId;
  const fail: Fail = (status, name, message) => refuse(op.protocol, { status, name, message }, `${label} ${name}`, op.mediaType);

  const read = await readBody(req, context.limits);
  if (read.kind === "aborted") return undefined;
  if (read.kind === "tooLarge") {
    return { ...fail(413, "RequestEntityTooLargeException", `The request body is larger than the mock's limit of ${context.limits.maxBytes} bytes`), close: "drain" };
  }
  if (read.kind === "timeout" || read.kind === "tooSlow") {
    return { ...fail(408, "RequestTimeoutException", `The request body did not arrive: no data for ${context.limits.idleTimeoutMs} ms`), close: "now" };
  }
  const refused = context.auth && (await context.auth(op, req, read.bytes));
  if (refused) return { wire: refused.wire, label: `${label} ${refused.name}` };

  let body: unknown = {};
  if (read.bytes.length > 0) {
    const contentType = baseMediaType(firstValue(req.headers["content-type"]));
    if (contentType !== op.mediaType) {
      return fail(415, "UnsupportedMediaTypeException", `Content-Type must be ${op.mediaType} for ${op.operationId} (got ${contentType ? `'${contentType}'` : "none"})`);
    }
    let text: string;
    try {
      text = utf8.decode(read.bytes);
    } catch {
      return fail(400, "SerializationException", "The request body is not valid UTF-8");
    }
    try {
      body = JSON.parse(text);
    } catch (error) {
      return fail(400, "SerializationException", `The request body is not valid JSON: ${(error as Error).message}`);
    }
    if (!body || typeof body !== "object" || Array.isArray(body)) {
      return fail(400, "SerializationException", `The request body must be a JSON object (got ${Array.isArray(body) ? "an array" : body === null ? "null" : typeof body})`);
    }
    if (nestsDeeperThan(body)) return fail(400, "SerializationException", `The request body nests deeper than ${MAX_JSON_DEPTH} levels`);
    body = withoutNullMembers(body); // null members are "not set" on the AWS wire (see nulls.ts)
  }

  const violations = context.validators.request(op, body);
  if (violations.issues.length > 0) {
    const unreadable = serializationFailure(violations.issues, body);
    return unreadable ? fail(400, "SerializationException", unreadable) : fail(400, "ValidationException", validationMessage(violations, body));
  }

  const preferences = parsePrefer(req.headers["prefer"]);
  if (!preferences.ok) return fail(400, "InvalidPreferHeaderException", preferences.message);
  // The preferences in force for this attempt: with failures=N, the asked-for error until it is
  // spent, then the normal answer (from the data set when nothing else is asked for).
  const decided = context.faults.decideAttempt(req, preferences.preferences, (chosen) => decide(op, chosen, body, context.dynamic));
  if (!decided.ok) return fail(400, "InvalidPreferHeaderException", decided.message);
  // An operation the data set does not hold (a custom --spec) answers its documented example.
  const outcome = (decided.decision.fromData ? dataOutcome(context, op, body, fail, label) : undefined) ?? (await documentedOutcome(context, op, decided.decision, body, label, fail));
  if (preferences.preferences.delay && !(await delayAnswer(req, res, preferences.preferences.delay))) return undefined;
  return outcome;
}

type Fail = (status: number, name: string, message: string) => Outcome;

/** The answer from the data set: a page of records, or the service's error for the request. */
function dataOutcome(context: Context, op: MockOperation, body: unknown, fail: Fail, label: string): Outcome | undefined {
  return answerOutcome(op, context.data.answer(op.operationId, body as Record<string, unknown>), fail, label);
}

/** A data-set answer (loaded or generated) on the wire. */
function answerOutcome(op: MockOperation, answer: DataAnswer | undefined, fail: Fail, label: string): Outcome | undefined {
  if (answer === undefined) return undefined;
  if (answer.ok) return { wire: { status: 200, headers: { "content-type": op.mediaType }, body: answer.body }, label };
  return fail(answer.error.status, answer.error.name, answer.error.message);
}

/** A documented example (Prefer: code= / example=), or generated data (dynamic). */
async function documentedOutcome(context: Context, op: MockOperation, decision: Decision, body: unknown, label: string, fail: Fail): Promise<Outcome> {
  // Dynamic answers come from a data set generated for the request (mock/src/generate), else the documented example.
  const generated = decision.dynamic && decision.choice.exampleKey === undefined ? generatedAnswer(op.operationId, body, decision.seed, (value) => context.validators.response(op, 200, value).length === 0) : undefined;
  if (generated) return answerOutcome(op, generated, fail, label)!;
  const answer = await context.prism.answer(op, decision.choice, body);
  if (!answer.ok) return fail(500, "InternalFailure", `Prism could not build the answer: ${answer.message}`);
  const wire = successWire(op, decision, answer.status, answer.headers, answer.body);
  return { wire, label: decision.errorName ? `${label} ${decision.errorName}` : label };
}

const OWN_HEADERS = new Set(["content-type", "content-length", "x-amzn-requestid", "x-amzn-errortype"]);

function successWire(op: MockOperation, decision: Decision, status: number, prismHeaders: Record<string, string>, body: unknown): WireResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(prismHeaders)) {
    if (!OWN_HEADERS.has(name.toLowerCase()) && value !== null && value !== undefined) headers[name] = String(value);
  }
  headers["content-type"] = op.mediaType;
  if (op.protocol === "restJson" && decision.errorName) headers["x-amzn-ErrorType"] = decision.errorName;
  let payload = body;
  if (decision.stripToken && op.token && payload && typeof payload === "object") {
    // A copy: Prism hands out the document's own example objects.
    const { [op.token.output]: _dropped, ...rest } = payload as Record<string, unknown>;
    payload = rest;
  }
  return { status, headers, body: payload === undefined ? "" : JSON.stringify(payload) };
}

function write(req: IncomingMessage, res: ServerResponse, outcome: Outcome, requestId: string): void {
  if (res.headersSent || res.destroyed) return;
  const { status, headers, body } = outcome.wire;
  const all: Record<string, string | number> = { ...headers, "x-amzn-RequestId": requestId, "content-length": Buffer.byteLength(body) };
  if (outcome.close === "now") all["connection"] = "close";
  res.writeHead(status, all);
  res.end(body);
  if (outcome.close === "now") {
    res.once("finish", () => req.socket.destroy());
  } else if (outcome.close === "drain" && !req.complete) {
    // The client is still sending. Closing now would reset the connection before it reads the
    // answer, so discard what arrives (nothing is kept) for a grace period, then hang up if it
    // has not finished. A client that does finish keeps its connection.
    const timer = setTimeout(() => req.socket.destroy(), DRAIN_GRACE_MS);
    timer.unref();
    req.once("end", () => clearTimeout(timer));
    req.socket.once("close", () => clearTimeout(timer));
    req.resume();
  }
}
