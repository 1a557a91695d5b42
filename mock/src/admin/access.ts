/**
 * Who may use the admin API (`/_mock/`): the data set, and the journal, clock and reset beside it,
 * hold what a user pasted in (parameters, instance IDs, buckets), so they answer only
 *
 * - a `Host` the mock was started on, or a loopback name (`localhost`, `127.0.0.1`, `[::1]`): a page
 *   that rebinds its own DNS name to 127.0.0.1 sends its own name, and is refused;
 * - no browser page of another origin, unless the user names that origin (`--admin-origin`,
 *   `startMock({ admin: { origins } })`): a cross-origin request carries `Origin`, and even the
 *   "simple" ones a page may send without a preflight are refused;
 * - with `--auth sigv4`, a request carrying the token the mock prints (`Authorization: Bearer ...`,
 *   `RunningMock.adminToken`). A token rather than a signature: an admin body (a data set of up to
 *   256 MiB) is read by its route, after this check, and any language or curl can send a header.
 *
 * The AWS routes are left as AWS answers them (CORS for any origin, any Host).
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { firstValue } from "../http.js";

export interface AdminAccessOptions {
  /** Origins whose pages may call the admin API (`http://localhost:5173`), or `"*"` for any. Default: none. */
  origins?: readonly string[];
  /** More `Host` names the admin API answers (a container's service name, `mock`), with or without a port. */
  hosts?: readonly string[];
}

export interface AdminRefusal {
  status: number;
  name: string;
  message: string;
}

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

export const isLoopbackHost = (host: string): boolean => /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);

/** `::1` -> `[::1]`, `::ffff:127.0.0.1` -> `127.0.0.1`: an address as a Host header writes it. */
function inHostHeader(address: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (v4) return v4;
  return address.includes(":") && !address.startsWith("[") ? `[${address}]` : address;
}

/**
 * The `Host` values (`name:port`, lower case) the admin API answers on a connection that arrived
 * at `localAddress:port`: that address (on a mock bound to every interface, the one the client
 * reached), the loopback names, and the `extra` names the user gave.
 */
export function allowedHosts(localAddress: string, port: number, extra: readonly string[] = []): Set<string> {
  const hosts = new Set<string>();
  for (const name of [...LOOPBACK_NAMES, inHostHeader(localAddress)]) hosts.add(`${name.toLowerCase()}:${port}`);
  for (const name of extra) hosts.add(/:\d+$/.test(name) ? name.toLowerCase() : `${name.toLowerCase()}:${port}`);
  // A client on port 80 may leave the port out.
  if (port === 80) for (const host of [...hosts]) hosts.add(host.replace(/:80$/, ""));
  return hosts;
}

export interface AdminAccess {
  /** The token `Authorization: Bearer <token>` must carry (signature checking on), else undefined. */
  readonly token: string | undefined;
  /** The CORS headers an admin answer or preflight carries for the request's `Origin`; undefined when that origin is refused. */
  corsHeaders(req: IncomingMessage): Record<string, string> | undefined;
  /** Undefined when `req` may use the admin API, else why not. */
  refuse(req: IncomingMessage): AdminRefusal | undefined;
}

export function createAdminAccess(options: AdminAccessOptions & { token: boolean }): AdminAccess {
  const origins = new Set((options.origins ?? []).map((origin) => origin.replace(/\/$/, "").toLowerCase()));
  const anyOrigin = origins.has("*");
  const token = options.token ? randomBytes(24).toString("base64url") : undefined;
  const hostsOf = (req: IncomingMessage): Set<string> => allowedHosts(req.socket.localAddress ?? "127.0.0.1", req.socket.localPort ?? 0, options.hosts);
  // A page served from the mock's own address is no other origin.
  const originAllowed = (origin: string, req: IncomingMessage): boolean =>
    anyOrigin || origins.has(origin.toLowerCase()) || (/^http:\/\//i.test(origin) && hostsOf(req).has(origin.slice("http://".length).toLowerCase()));

  return {
    token,
    corsHeaders(req) {
      const origin = firstValue(req.headers.origin);
      if (origin === undefined) return {};
      if (!originAllowed(origin, req)) return undefined;
      // The origin itself, never `*`: the admin API answers the pages it was told of.
      return { "Access-Control-Allow-Origin": origin, Vary: "Origin" };
    },
    refuse(req) {
      const host = (firstValue(req.headers.host) ?? "").toLowerCase();
      const hosts = hostsOf(req);
      if (!hosts.has(host)) {
        return {
          status: 403,
          name: "AccessDeniedException",
          message: `The admin API answers only the address the mock was reached at or a loopback name (${[...hosts].join(", ")}), not the Host '${host.slice(0, 100)}'; name another with --admin-host (startMock({ admin: { hosts } }))`,
        };
      }
      const origin = firstValue(req.headers.origin);
      if (origin !== undefined && !originAllowed(origin, req)) {
        return {
          status: 403,
          name: "AccessDeniedException",
          message: `The admin API does not answer pages of other origins ('${origin.slice(0, 100)}'); allow one with --admin-origin ${origin.slice(0, 100)} (startMock({ admin: { origins } }))`,
        };
      }
      if (token !== undefined) {
        const given = /^Bearer\s+(\S+)$/i.exec(firstValue(req.headers.authorization) ?? "")?.[1];
        if (given === undefined) {
          return {
            status: 403,
            name: "MissingAuthenticationTokenException",
            message: "With signature checking on, the admin API (/_mock/) takes the token the mock printed at start: send Authorization: Bearer <token> (startMock returns it as adminToken)",
          };
        }
        if (given.length !== token.length || !timingSafeEqual(Buffer.from(given), Buffer.from(token))) {
          return { status: 403, name: "AccessDeniedException", message: "The Bearer token is not the one this mock printed at start" };
        }
      }
      return undefined;
    },
  };
}

/** What binding `host` exposes, for a warning; undefined for a loopback interface. */
export function exposureWarning(host: string, url: string): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  return `The mock listens on ${host}, not a loopback interface: other machines can reach ${url}, its AWS routes and its admin API (/_mock/: the data set served, and whatever was loaded into it). The admin API answers only its own Host names and no browser page of another origin; start with --auth sigv4 to require a signature on the AWS routes and the printed token on the admin API.`;
}
