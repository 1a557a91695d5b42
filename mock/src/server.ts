/**
 * The mock's HTTP server, below the request handler: how many connections it keeps, how long a slow,
 * silent or non-reading client may hold one, and the answers to what never reaches the handler as a
 * request (bytes that are not HTTP, CONNECT, an Expect it cannot meet, HTTP/1.1 without Host), each
 * in the AWS error format. Absolute-form targets (`POST http://host:port/`) are routed like
 * origin-form ones (`POST /`), as RFC 9112 section 3.2.2 requires of a server.
 */
import { randomUUID } from "node:crypto";
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { Protocol } from "aws-ops-contract/model";
import type { Clock } from "./clock/clock.js";
import { systemClock } from "./clock/system.js";
import { firstValue, pathOf } from "./http.js";
import type { AnswerEvent } from "./journal/event.js";
import { redactedHeaders, type AnswerEvents } from "./journal/events.js";
import { errorResponse, type MockError } from "./protocol.js";
import { sdkAttemptOf } from "./stages/read.js";
import { CORS_ANSWER_HEADERS } from "./stages/cors.js";

export interface ConnectionLimits {
  /** Most connections open at once; further ones are closed as they arrive (Node's `server.maxConnections`). Default 1000. */
  maxConnections?: number;
  /** Longest wait for a request's headers, from its first byte (for a connection's first request, from the connection). Default 10 s. */
  headersTimeoutMs?: number;
  /** Longest wait for a whole request, headers and body. Default 30 s. */
  requestTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open between requests. Default 5 s. */
  keepAliveTimeoutMs?: number;
  /**
   * A connection on which no byte moves either way for this long, while a request or its answer is
   * under way, is closed: a client that sends requests and never reads the answers. Default 20 s.
   */
  socketTimeoutMs?: number;
}

export type ResolvedLimits = Required<ConnectionLimits>;

export const DEFAULT_CONNECTION_LIMITS: Readonly<ResolvedLimits> = Object.freeze({
  maxConnections: 1000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  // Above the headers timeout and the handler's 10 s body timeout, so that those answer with a
  // 408 first; this one only catches the connections no answer can reach.
  socketTimeoutMs: 20_000,
});

/** After an answer written straight to the socket, how long a client that does not read it may keep the connection. */
const RAW_ANSWER_GRACE_MS = 1_000;

/** Fills in the defaults and refuses values Node would misread (0 would mean "no limit" to it). */
export function resolveLimits(limits: { [K in keyof ConnectionLimits]?: number | undefined } = {}): ResolvedLimits {
  const resolved = { ...DEFAULT_CONNECTION_LIMITS };
  for (const key of Object.keys(DEFAULT_CONNECTION_LIMITS) as (keyof ResolvedLimits)[]) {
    const value = limits[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${key} must be a positive whole number (got ${String(value)})`);
    resolved[key] = value;
  }
  if (resolved.headersTimeoutMs > resolved.requestTimeoutMs) {
    throw new RangeError(`headersTimeoutMs (${resolved.headersTimeoutMs}) must not exceed requestTimeoutMs (${resolved.requestTimeoutMs})`);
  }
  return resolved;
}

/**
 * How often Node checks the headers and request timeouts. Its default, 30 s, let a 10 s headers
 * timeout hold a socket for up to 40 s; a tenth of the shorter timeout (between 50 ms and 1 s)
 * makes each one hold to within 10%, or one second.
 */
export function checkingIntervalMs(limits: ResolvedLimits): number {
  return Math.max(50, Math.min(1_000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 10)));
}

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface MockServerOptions {
  limits: ResolvedLimits;
  /** The protocol whose error format answers a request for `path` (the router's). */
  protocolOf: (path: string) => Protocol;
  /** Where the answers written here are reported (the handler's events). */
  events?: AnswerEvents;
  /** Dates the answers written here. */
  clock?: Clock;
}

/** The event of an answer the server writes itself; `req` is undefined for bytes that never became a request. */
function serverEvent(clock: Clock, req: IncomingMessage | undefined, status: number, errorName: string, startedAt: number): AnswerEvent {
  const sdk = req ? sdkAttemptOf(req.headers) : { invocationId: undefined, attempt: undefined };
  return {
    requestId: randomUUID(),
    receivedAt: clock.now(),
    method: req?.method?.toUpperCase() ?? "-",
    path: req ? pathOf(req.url) : "-",
    operation: undefined,
    target: req ? firstValue(req.headers["x-amz-target"]) : undefined,
    service: undefined,
    input: undefined,
    status,
    errorName,
    answeredBy: "server",
    source: undefined,
    auth: { checked: false },
    invocationId: sdk.invocationId,
    attempt: sdk.attempt,
    timings: { totalMs: performance.now() - startedAt, stages: {} },
    headers: req ? redactedHeaders(req.headers) : {},
    closed: "now",
  };
}

export function createMockServer(listener: RequestListener, { limits, protocolOf, events, clock = systemClock }: MockServerOptions): Server {
  const answer = (req: IncomingMessage, res: ServerResponse, error: MockError): void => {
    const startedAt = performance.now();
    const event = serverEvent(clock, req, error.status, error.name, startedAt);
    writeAnswer(req, res, protocolOf, error, event.requestId, clock);
    events?.emit(event);
  };
  const raw = (socket: Duplex, status: number, name: string, message: string, headers?: Record<string, string>): void => {
    const event = serverEvent(clock, undefined, status, name, performance.now());
    endRaw(socket, rawErrorAnswer(status, name, message, headers, { requestId: event.requestId, now: clock.now() }));
    events?.emit(event);
  };
  // The answers of each connection that are not finished: an answer written straight to the socket
  // must not land in the middle of one the handler has begun.
  const open = new WeakMap<Duplex, Set<ServerResponse>>();
  const track = (req: IncomingMessage, res: ServerResponse): void => {
    const set = open.get(req.socket) ?? new Set();
    open.set(req.socket, set.add(res));
    res.once("close", () => set.delete(res));
  };
  const answerBegun = (socket: Duplex): boolean => [...(open.get(socket) ?? [])].some((res) => res.headersSent);

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: checkingIntervalMs(limits),
      // Answered below in the protocol's format instead of Node's bare 400.
      requireHostHeader: false,
    },
    (req, res) => {
      track(req, res);
      toOriginForm(req);
      if (req.httpVersion === "1.1" && req.headers.host === undefined) {
        answer(req, res, { status: 400, name: "BadRequestException", message: "An HTTP/1.1 request must carry a Host header (RFC 9112, section 3.2)" });
        return;
      }
      listener(req, res);
    },
  );
  server.maxConnections = limits.maxConnections;
  // Node closes a socket that stays silent this long while a request or answer is under way (and
  // no one listens for 'timeout'): what stops a client that pipelines requests and never reads,
  // whose answers fill the socket's buffers and so make Node stop reading it.
  server.timeout = limits.socketTimeoutMs;

  // Any Expect but 100-continue (which Node answers itself): 417 in the protocol's format.
  server.on("checkExpectation", (req: IncomingMessage, res: ServerResponse) => {
    track(req, res);
    toOriginForm(req);
    const expectation = String(req.headers.expect).slice(0, 100);
    answer(req, res, { status: 417, name: "ExpectationFailedException", message: `Expect: ${expectation} cannot be met; this mock understands only Expect: 100-continue` });
  });
  // CONNECT (a proxy tunnel): Node would close the socket without a word.
  server.on("connect", (_req: IncomingMessage, socket: Duplex) => {
    raw(socket, 405, "MethodNotAllowedException", "CONNECT is not supported: this mock is not a proxy; send the POST requests to it directly", { allow: "POST" });
  });
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || answerBegun(socket)) socket.destroy();
    else {
      const { status, name, message } = framingError(error, limits);
      raw(socket, status, name, message);
    }
  });
  return server;
}

/** `http://host:port/path?q` -> `/path?q`; origin-form targets (and `*`) are left alone. */
function toOriginForm(req: IncomingMessage): void {
  const target = req.url ?? "/";
  if (!/^https?:\/\//i.test(target)) return;
  try {
    const url = new URL(target);
    req.url = `${url.pathname}${url.search}`;
  } catch {
    // Not a URL after all: routed as it is, to a 404 that names it.
  }
}

/** An error answer to a request the handler never sees, in the format of the protocol of its path. */
function writeAnswer(req: IncomingMessage, res: ServerResponse, protocolOf: (path: string) => Protocol, error: MockError, requestId: string, clock: Clock): void {
  const wire = errorResponse(protocolOf(pathOf(req.url)), error);
  res.on("error", () => undefined);
  // The body (if any) is not read: close the connection after the answer rather than parse it as
  // the next request.
  res.writeHead(wire.status, { ...CORS_ANSWER_HEADERS, ...wire.headers, "x-amzn-RequestId": requestId, date: new Date(clock.now()).toUTCString(), "content-length": Buffer.byteLength(wire.body), connection: "close" });
  res.end(wire.body);
}

/** Writes a whole answer straight to the socket and closes it, even if the client never reads. */
function endRaw(socket: Duplex, text: string): void {
  socket.on("error", () => undefined);
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(text);
  const timer = setTimeout(() => socket.destroy(), RAW_ANSWER_GRACE_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
}

/**
 * An error answer written straight to a socket, for requests that never became one (which API it
 * was meant for is unknown), so the error is named both ways the AWS clients read: `__type` in the
 * body (AWS JSON) and the `x-amzn-ErrorType` header (REST JSON).
 */
export function rawErrorAnswer(status: number, name: string, message: string, headers: Record<string, string> = {}, at: { requestId: string; now: number } = { requestId: randomUUID(), now: Date.now() }): string {
  const wire = errorResponse(undefined, { status, name, message });
  const line = ([key, value]: [string, string]): string => `${key}: ${value}`;
  return [
    `HTTP/1.1 ${wire.status} ${STATUS_CODES[wire.status] ?? ""}`.trimEnd(),
    "Connection: close",
    // Every answer carries Date, as Node's own answers do: the SDKs correct clock skew from it.
    `Date: ${new Date(at.now).toUTCString()}`,
    // Content-Type and x-amzn-ErrorType; these answers have always spelled the first one this way.
    ...Object.entries(wire.headers).map(([key, value]) => line([key === "content-type" ? "Content-Type" : key, String(value)])),
    // A browser reads these errors too (an oversized header is one a page can send).
    ...Object.entries(CORS_ANSWER_HEADERS).map(line),
    `x-amzn-RequestId: ${at.requestId}`,
    ...Object.entries(headers).map(line),
    `Content-Length: ${Buffer.byteLength(wire.body)}`,
    "",
    wire.body,
  ].join("\r\n");
}

/** The error for a request Node cannot parse as HTTP (bad framing, oversized headers, headers or a request that never end). */
function framingError(error: NodeJS.ErrnoException, limits: ResolvedLimits): MockError {
  if (error.code === "HPE_HEADER_OVERFLOW") return { status: 431, name: "RequestHeaderFieldsTooLargeException", message: "The request headers are too large." };
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
    const message = `The request did not arrive in time: the headers must arrive within ${limits.headersTimeoutMs} ms and the whole request within ${limits.requestTimeoutMs} ms.`;
    return { status: 408, name: "RequestTimeoutException", message };
  }
  return { status: 400, name: "SerializationException", message: `The request is not valid HTTP/1.1 (${error.code ?? "parse error"}).` };
}

/** The answer to a request Node cannot parse as HTTP, as written to the socket. */
export function framingErrorAnswer(error: NodeJS.ErrnoException, limits: ResolvedLimits = DEFAULT_CONNECTION_LIMITS): string {
  const { status, name, message } = framingError(error, limits);
  return rawErrorAnswer(status, name, message);
}

/** Starts `server` listening; rejects with the listen error (a port in use, say) instead of emitting it. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}
