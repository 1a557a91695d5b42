/**
 * cors: CORS as the AWS endpoints answer it, so that browser code (this package's client, the SDK v3's
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
 * - An `OPTIONS` that is not a preflight (no `Origin` or no `Access-Control-Request-Method`) passes on,
 *   to the 405 MethodNotAllowedException of the route stage.
 * - The admin API (`/_mock/`) is the mock's own, not AWS's: no `*`. A page of another origin gets a
 *   grant for its own origin only if the user named it (admin/access.ts); otherwise its preflight is
 *   refused (403, no grant) and its answers carry no CORS header. An admin path's preflight allows
 *   the methods of its entry in the admin route table.
 */
import type { IncomingMessage } from "node:http";
import { adminMethodsAt, isAdminPath } from "../admin/router.js";
import { adminError } from "../admin/answers.js";
import { firstValue } from "../http.js";
import type { Stage } from "./types.js";

export const CORS_ALLOW_METHODS = "POST";
export const CORS_EXPOSE_HEADERS = "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date";
/** Two days, as AWS sends; browsers cap it (Chromium at 2 hours, Firefox at 24). */
export const CORS_MAX_AGE_SECONDS = 172_800;

/** The two headers every answer carries, including those written before any stage runs (server.ts). */
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

export const corsStage: Stage = {
  name: "cors",
  run(context) {
    const { req, res } = context;
    const admin = isAdminPath(context.path);
    // For the admin API, the grant the page's origin has (none for a refused one).
    const grant = admin ? context.mock.adminAccess.corsHeaders(req) : CORS_ANSWER_HEADERS;
    if (!isPreflight(req)) {
      // `writeHead` merges these into whatever is written later, errors included.
      for (const [name, value] of Object.entries(grant ?? {})) res.setHeader(name, value);
      if (admin && grant?.["Access-Control-Allow-Origin"]) res.setHeader("Access-Control-Expose-Headers", CORS_EXPOSE_HEADERS);
      return undefined;
    }
    req.resume(); // a preflight has no body; drain anything sent anyway
    if (!grant) return adminError(403, "AccessDeniedException", `The admin API does not answer pages of other origins ('${String(req.headers.origin).slice(0, 100)}'); allow one with --admin-origin (startMock({ admin: { origins } }))`);
    const headers: Record<string, string> = {
      ...grant,
      "Access-Control-Allow-Methods": adminMethodsAt(context.mock.adminRoutes, context.path)?.join(", ") ?? CORS_ALLOW_METHODS,
      "Access-Control-Expose-Headers": CORS_EXPOSE_HEADERS,
      "Access-Control-Max-Age": String(CORS_MAX_AGE_SECONDS),
    };
    const allowHeaders = allowedRequestHeaders(req.headers["access-control-request-headers"]);
    if (allowHeaders) headers["Access-Control-Allow-Headers"] = allowHeaders;
    return { wire: { status: 200, headers, body: "" } };
  },
};
