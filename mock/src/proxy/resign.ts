/**
 * Signs a caller's request again for the upstream endpoint, with the proxy's credentials, by the
 * AWS SDK's own signer (@smithy/signature-v4). The caller's signature (made for the proxy's host,
 * with the caller's keys) cannot be valid upstream, so it and everything that belongs to it
 * (Authorization, X-Amz-Date, X-Amz-Security-Token, X-Amz-Content-Sha256, Host) is dropped, as are
 * the hop-by-hop headers of the caller's connection; the body is sent as it arrived, byte for byte.
 */
import { SignatureV4 } from "@smithy/signature-v4";
import { NodeSha256 } from "../auth/sha256.js";
import type { ProxyCredentials } from "./credentials.js";

/** A request as the proxy received it. */
export interface ArrivedRequest {
  method: string;
  /** Path and query as sent, still percent-encoded. */
  url: string;
  /** Header values by lower-case name (Node's `headersDistinct`). */
  headers: Record<string, string[] | undefined>;
  body: Uint8Array;
}

/** A request ready to send upstream. */
export interface OutgoingRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** Headers never passed on: the caller's signature and host, and those of the caller's own connection. */
const DROPPED = new Set([
  "authorization",
  "x-amz-date",
  "x-amz-security-token",
  "x-amz-content-sha256",
  "host",
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authorization",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "expect",
  "content-length",
  // The mock's own request header (documented answers, faults): meaningless to AWS.
  "prefer",
]);

export interface SigningTarget {
  /** The upstream base URL (scheme, host, port; a path prefix is kept). */
  endpoint: URL;
  /** The SigV4 service name: `ssm`, `imagebuilder`. */
  service: string;
  region: string;
  credentials: ProxyCredentials;
  /** The signing time, epoch milliseconds (the proxy's clock). */
  now: number;
}

export async function resign(request: ArrivedRequest, target: SigningTarget): Promise<OutgoingRequest> {
  const [pathPart = "/", queryPart = ""] = splitTarget(request.url);
  const base = target.endpoint.pathname.replace(/\/$/, "");
  const url = new URL(target.endpoint.href);
  url.pathname = `${base}${pathPart}`;
  url.search = queryPart ? `?${queryPart}` : "";

  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(request.headers)) {
    if (values === undefined || DROPPED.has(name) || name.startsWith("proxy-")) continue;
    headers[name] = values.join(", ");
  }
  headers["host"] = url.host;
  if (request.body.length > 0 || request.method === "POST" || request.method === "PUT") headers["content-length"] = String(request.body.length);

  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(queryPart)) {
    const prior = query[key];
    query[key] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  const { accessKeyId, secretAccessKey, sessionToken } = target.credentials;
  const signer = new SignatureV4({
    service: target.service,
    region: target.region,
    credentials: sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey },
    sha256: NodeSha256,
    // As the SDK signs SSM and Image Builder: no x-amz-content-sha256 header (that is S3's).
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query,
      headers,
      body: request.body,
    },
    { signingDate: new Date(target.now) },
  );
  return { method: request.method, url, headers: signed.headers, body: request.body };
}

function splitTarget(url: string): [string, string] {
  const q = url.indexOf("?");
  return q === -1 ? [url, ""] : [url.slice(0, q), url.slice(q + 1)];
}
