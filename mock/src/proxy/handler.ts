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
import type { Router } from "../operations.js";
import { errorResponse, type WireResponse } from "../protocol.js";
import { forward, type Forwarder } from "./forward.js";
import type { UpstreamAnswer } from "./transport.js";

export interface ProxyServices extends Forwarder {
  router: Router;
  auth: AuthCheck | undefined;
  limits: BodyLimits;
  log: ((line: string) => void) | undefined;
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

  const forwarded = await forward(services, { ...op.spec, docIndex: op.docIndex }, { method, url: req.url ?? "/", headers: req.headersDistinct, body: read.bytes });
  const count = forwarded.violations.length;
  setLabel("upstream" in forwarded ? `${op.operationId}${count > 0 ? ` (${count} violation${count === 1 ? "" : "s"})` : ""}` : `${op.operationId} unanswered`);
  return "upstream" in forwarded ? { upstream: forwarded.upstream } : { own: forwarded.own };
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
  res.writeHead(status, passedHeaders(rawHeaders, body.length));
  res.end(body);
}

/**
 * The upstream's headers as the caller gets them: each name in the case it came in, repeated ones as
 * one list (written as one line each, in order), the upstream connection's own left out, and a
 * length when the upstream sent none (it streamed the answer; the proxy sends it whole).
 */
export function passedHeaders(rawHeaders: readonly string[], length: number): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  const names = new Map<string, string>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const lower = rawHeaders[i]!.toLowerCase();
    if (HOP_BY_HOP.has(lower)) continue;
    const name = names.get(lower) ?? rawHeaders[i]!;
    names.set(lower, name);
    (headers[name] ??= []).push(rawHeaders[i + 1]!);
  }
  if (!names.has("content-length")) headers["content-length"] = [String(length)];
  return headers;
}
