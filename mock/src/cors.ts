/**
 * CORS as the AWS endpoints answer it, so that browser code (this package's client, the SDK v3's
 * browser build) can call the mock from a page on another origin.
 *
 * What AWS sends, recorded from the live endpoints (preflight `OPTIONS /` to ssm.us-east-1 with
 * `Origin` and `Access-Control-Request-*`): 200 with an empty body, `Access-Control-Allow-Origin: *`,
 * the requested headers echoed in `Access-Control-Allow-Headers`, `Access-Control-Allow-Methods: POST`,
 * `Access-Control-Expose-Headers: x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date` and
 * `Access-Control-Max-Age: 172800`; no `Vary` and no `Access-Control-Allow-Credentials`. The mock
 * answers both services that way (Image Builder's API Gateway front lists a fixed set of headers
 * instead, which would refuse the mock's own `Prefer`).
 *
 * - `*` and no `Allow-Credentials`: SigV4 travels in headers, not cookies, so a page calls with
 *   `credentials: "omit"` (fetch's default for cross-origin is "same-origin", which sends none), and
 *   with `*` there is nothing origin-specific to `Vary` on.
 * - Every preflight gets 200, whatever its path: the request that follows then gets the mock's own
 *   answer (404 UnknownOperationException, 405, ...) in a form the page can read, instead of an
 *   opaque "Failed to fetch".
 * - An `OPTIONS` that is not a preflight (no `Origin` or no `Access-Control-Request-Method`) is left
 *   to the handler, which answers 405 MethodNotAllowedException as before.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { DATA_PATH } from "./data/endpoint.js";
import { firstValue, pathOf } from "./http.js";

export const CORS_ALLOW_METHODS = "POST";
export const CORS_EXPOSE_HEADERS = "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date";
/** Two days, as AWS sends; browsers cap it (Chromium at 2 hours, Firefox at 24). */
export const CORS_MAX_AGE_SECONDS = 172_800;
/** The mock's own data endpoint (not an AWS API) takes these, so a test page can load a data set. */
const DATA_ALLOW_METHODS = "GET, PUT, DELETE";

/** The two headers every answer carries, including those written before any handler runs (server.ts). */
export const CORS_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": CORS_EXPOSE_HEADERS,
};

/** An HTTP token (RFC 9110): what a header name may be. Anything else is not echoed. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function isPreflight(req: IncomingMessage): boolean {
  return req.method?.toUpperCase() === "OPTIONS" && firstValue(req.headers["origin"]) !== undefined && firstValue(req.headers["access-control-request-method"]) !== undefined;
}

/** The headers a preflight asked for, as `Access-Control-Allow-Headers` echoes them (well-formed names only). */
export function allowedRequestHeaders(requested: string | string[] | undefined): string {
  const text = Array.isArray(requested) ? requested.join(",") : (requested ?? "");
  return text
    .split(",")
    .map((name) => name.trim())
    .filter((name) => TOKEN.test(name))
    .join(",");
}

/** Answers a preflight; returns its request ID (AWS sends one on preflights too). */
function answerPreflight(req: IncomingMessage, res: ServerResponse): string {
  const requestId = randomUUID();
  const headers: Record<string, string | number> = {
    "x-amzn-RequestId": requestId,
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": pathOf(req.url) === DATA_PATH ? DATA_ALLOW_METHODS : CORS_ALLOW_METHODS,
    "Access-Control-Expose-Headers": CORS_EXPOSE_HEADERS,
    "Access-Control-Max-Age": CORS_MAX_AGE_SECONDS,
    "Content-Length": 0,
  };
  const allowHeaders = allowedRequestHeaders(req.headers["access-control-request-headers"]);
  if (allowHeaders) headers["Access-Control-Allow-Headers"] = allowHeaders;
  res.writeHead(200, headers);
  res.end();
  return requestId;
}

/**
 * Wraps a request handler: preflights are answered here (and logged in the handler's log format,
 * so a CORS problem shows in the mock's log); every other request reaches the handler with the CORS
 * response headers already set (`writeHead` merges them into whatever it writes, errors included).
 */
export function withCors<H extends (req: IncomingMessage, res: ServerResponse) => void>(handler: H, log?: (line: string) => void): H {
  const wrapped = (req: IncomingMessage, res: ServerResponse): void => {
    if (isPreflight(req)) {
      const started = performance.now();
      res.on("error", () => undefined);
      req.on("error", () => undefined);
      req.resume(); // a preflight has no body; drain anything sent anyway
      const requestId = answerPreflight(req, res);
      log?.(`${new Date().toISOString()} OPTIONS ${pathOf(req.url)} preflight 200 ${(performance.now() - started).toFixed(1)}ms ${requestId}`);
      return;
    }
    for (const [name, value] of Object.entries(CORS_ANSWER_HEADERS)) res.setHeader(name, value);
    handler(req, res);
  };
  return wrapped as H;
}
