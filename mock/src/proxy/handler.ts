/**
 * The proxy's request path: route by path and `X-Amz-Target` through the operation model (only the
 * five operations are forwarded; anything else gets the protocol's own error, as the mock answers
 * it), read the body (bounded), check the caller's signature when asked (`--auth sigv4`, the mock's
 * own check), check the request against the contract, sign it again for the upstream endpoint,
 * forward it, check the answer, record it, and pass the answer back exactly as it came.
 * Violations are reported, never acted on: the caller gets the service's answer either way.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AuthCheck } from "../auth/index.js";
import { readBody, type BodyLimits } from "../body.js";
import { firstValue, pathOf } from "../http.js";
import type { MockOperation, Router } from "../operations.js";
import { errorResponse, type WireResponse } from "../protocol.js";
import type { ValidationMode } from "./contract.js";
import type { CredentialSource } from "./credentials.js";
import type { Recorder } from "./recorder.js";
import type { ViolationReport } from "./report.js";
import { resign } from "./resign.js";
import type { Transport, UpstreamAnswer } from "./transport.js";
import { answerViolations, decodedBody, requestViolations, type Violation } from "./violations.js";

export interface ProxyServices {
  router: Router;
  auth: AuthCheck | undefined;
  limits: BodyLimits;
  /** Each document's upstream endpoint and signing name, by document index. */
  upstreams: ReadonlyArray<{ endpoint: URL; service: string }>;
  region: string;
  credentials: CredentialSource;
  transport: Transport;
  now: () => number;
  validation: ValidationMode;
  report: ViolationReport;
  recorder: Recorder | undefined;
  log: ((line: string) => void) | undefined;
  /** Told of every forwarded exchange's violations (the request journal, tests). */
  onExchange?: ((exchange: ProxyExchange) => void) | undefined;
}

/** One forwarded request, as reported: no header, no body. */
export interface ProxyExchange {
  operation: string;
  status: number | undefined;
  violations: Violation[];
}

/** The answer to write: the upstream's own, or one the proxy gives itself. */
type Answer = { upstream: UpstreamAnswer } | { own: WireResponse } | undefined;

/** Headers of the upstream's connection, not of its answer: the proxy's connection to the caller has its own. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "proxy-connection", "upgrade", "trailer"]);

export function createProxyHandler(services: ProxyServices): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = performance.now();
    res.on("error", () => undefined);
    req.on("error", () => undefined);
    let label = "-";
    serve(services, req, (text) => (label = text))
      .catch((error: unknown): Answer => {
        const protocol = services.router.protocolOf(pathOf(req.url));
        return { own: errorResponse(protocol, { status: 500, name: "InternalFailure", message: `The proxy failed: ${error instanceof Error ? error.message : String(error)}` }) };
      })
      .then((answer) => {
        if (!answer) return void req.socket.destroy();
        write(res, answer);
        const status = "upstream" in answer ? answer.upstream.status : answer.own.status;
        services.log?.(`${new Date(services.now()).toISOString()} ${req.method ?? "-"} ${pathOf(req.url)} ${label} ${status} ${(performance.now() - started).toFixed(1)}ms`);
      });
  };
}

async function serve(services: ProxyServices, req: IncomingMessage, setLabel: (label: string) => void): Promise<Answer> {
  const method = (req.method ?? "GET").toUpperCase();
  const path = pathOf(req.url);
  const route = services.router.route(method, path, firstValue(req.headers["x-amz-target"]));
  const refuse = (wire: WireResponse, label: string): Answer => {
    services.report.refused();
    setLabel(label);
    return { own: wire };
  };
  if (route.kind === "unknownPath") {
    return refuse(errorResponse("restJson", { status: 404, name: "UnknownOperationException", message: `No operation is served at ${method} ${path}; the proxy forwards ${known(services.router)}` }), "UnknownOperationException");
  }
  if (route.kind === "wrongMethod") {
    const message = `${method} is not allowed on ${path}; use ${route.allow.join(" or ")}`;
    return refuse(errorResponse(route.protocol, { status: 405, name: "MethodNotAllowedException", message, headers: { allow: route.allow.join(", ") } }, { mediaType: route.mediaType }), "MethodNotAllowedException");
  }
  if (route.kind === "unknownTarget") {
    const targets = services.router.operations.flatMap((op) => (op.target ? [op.target] : [])).join(", ");
    const message = route.target === undefined ? `The X-Amz-Target header is missing; it names the operation, one of ${targets}` : `X-Amz-Target '${route.target}' is not an operation the proxy forwards; use one of ${targets}`;
    return refuse(errorResponse("awsJson", { status: 400, name: "UnknownOperationException", message }, { mediaType: route.mediaType }), "UnknownOperationException");
  }
  const op = route.operation;
  setLabel(op.operationId);
  const fail = (status: number, name: string, message: string): Answer => refuse(errorResponse(op.protocol, { status, name, message }, { mediaType: op.mediaType }), `${op.operationId} ${name}`);

  const read = await readBody(req, services.limits);
  if (read.kind === "aborted") return undefined;
  if (read.kind === "tooLarge") return fail(413, "RequestEntityTooLargeException", `The request body is larger than the proxy's limit of ${services.limits.maxBytes} bytes`);
  if (read.kind === "timeout") return fail(408, "RequestTimeoutException", `The request body did not arrive: no data for ${services.limits.idleTimeoutMs} ms`);
  const refused = services.auth && (await services.auth(op, req, read.bytes));
  if (refused) return refuse(refused.wire, `${op.operationId} ${refused.name}`);

  const violations = requestViolations(op.spec, read.bytes, services.validation);
  const upstream = services.upstreams[op.docIndex]!;
  const outgoing = await resign(
    { method, url: req.url ?? "/", headers: req.headersDistinct, body: read.bytes },
    { endpoint: upstream.endpoint, service: upstream.service, region: services.region, credentials: await services.credentials(), now: services.now() },
  );
  let answer: UpstreamAnswer;
  try {
    answer = await services.transport(outgoing);
  } catch (error) {
    services.report.add(violations);
    services.report.forwarded(op.operationId, undefined);
    services.onExchange?.({ operation: op.operationId, status: undefined, violations });
    setLabel(`${op.operationId} unanswered`);
    // A 5xx: the SDKs retry it, as they would a service that failed to answer.
    return { own: errorResponse(op.protocol, { status: 502, name: "InternalFailure", message: `The proxy could not reach ${outgoing.url.origin}: ${(error as Error).message}` }, { mediaType: op.mediaType }) };
  }
  violations.push(...answerViolations(op.spec, answer, services.validation));
  services.report.add(violations);
  services.report.forwarded(op.operationId, answer.status);
  services.onExchange?.({ operation: op.operationId, status: answer.status, violations });
  if (services.recorder && answer.status >= 200 && answer.status < 300) record(services.recorder, op, read.bytes, answer);
  setLabel(`${op.operationId}${violations.length > 0 ? ` (${violations.length} violation${violations.length === 1 ? "" : "s"})` : ""}`);
  return { upstream: answer };
}

function record(recorder: Recorder, op: MockOperation, requestBytes: Uint8Array, answer: UpstreamAnswer): void {
  try {
    const request = requestBytes.length === 0 ? {} : JSON.parse(Buffer.from(requestBytes).toString("utf8"));
    recorder.add(op.operationId, request, JSON.parse(decodedBody(answer).toString("utf8")));
  } catch {
    // Not JSON: nothing to record (the violations say why).
  }
}

const known = (router: Router): string => [...new Set(router.operations.map((op) => (op.target ? `POST / (X-Amz-Target ${op.target})` : `${op.method} ${op.path}`)))].join(", ");

function write(res: ServerResponse, answer: NonNullable<Answer>): void {
  if (res.headersSent || res.destroyed) return;
  if ("own" in answer) {
    const { status, headers, body } = answer.own;
    res.writeHead(status, { ...headers, "x-amzn-RequestId": randomUUID(), "content-length": Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  const { status, rawHeaders, body } = answer.upstream;
  const headers: string[] = [];
  let length = false;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    if (HOP_BY_HOP.has(name)) continue;
    if (name === "content-length") length = true;
    headers.push(rawHeaders[i]!, rawHeaders[i + 1]!);
  }
  if (!length) headers.push("content-length", String(body.length));
  res.writeHead(status, headers);
  res.end(body);
}
