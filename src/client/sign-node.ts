/**
 * AWS Signature Version 4 under Node.js, on node:crypto's synchronous SHA-256 and HMAC: the
 * algorithm as @smithy/signature-v4 (the AWS SDK v3 signer) runs it for these requests (a test
 * compares every signature with it), without its per-request copies and promise chain, which made
 * signing the largest single cost of a call on this path. WebCrypto is slower still on Node (every
 * hash an async job on the thread pool). Only the Node entry point (index.ts) loads this module;
 * browser bundles take sign-web.ts (index.browser.ts).
 */
import { createHash, createHmac } from "node:crypto";
import { NEVER_SIGNED } from "./never-signed.js";
import type { HeaderRecord, Signer } from "./types/wire.js";

const ALGORITHM = "AWS4-HMAC-SHA256";

const sha256Hex = (data: string): string => createHash("sha256").update(data, "utf8").digest("hex");

/** `2026-01-02T03:04:05.678Z` -> `20260102T030405Z`, the SigV4 timestamp. */
const amzDate = (date: Date): string => date.toISOString().replace(/[:-]|\.\d{3}/g, "");

/** @smithy/core's escapeUri: encodeURIComponent plus the characters it leaves alone that SigV4 encodes. */
const escapeUri = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The canonical URI as the SDK makes it: dot segments resolved, empty segments dropped, the path encoded once more. */
export function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  const normalized = `${path.startsWith("/") ? "/" : ""}${segments.join("/")}${segments.length > 0 && path.endsWith("/") ? "/" : ""}`;
  return escapeUri(normalized).replace(/%2F/g, "/");
}

/** A header value as SigV4 signs it: line breaks as spaces, runs of spaces and tabs as one, trimmed. */
const canonicalValue = (value: string): string => value.replace(/[\r\n]/g, " ").replace(/[ \t]+/g, " ").replace(/^ | $/g, "");

export function nodeSigner(service: string, region: string): Signer {
  // The derived signing key, per secret and day (the SDK caches it the same way).
  const keys = new Map<string, Buffer>();
  const signingKey = (secret: string, shortDate: string): Buffer => {
    const id = `${shortDate}\u0000${secret}`;
    let key = keys.get(id);
    if (!key) {
      if (keys.size >= 8) keys.clear(); // providers may rotate keys: keep a few, not all
      key = createHmac("sha256", `AWS4${secret}`).update(shortDate).digest();
      for (const part of [region, service, "aws4_request"]) key = createHmac("sha256", key).update(part).digest();
      keys.set(id, key);
    }
    return key;
  };

  return async ({ method, url, headers, body, credentials, date }) => {
    const longDate = amzDate(date);
    const shortDate = longDate.slice(0, 8);
    const out: HeaderRecord = { ...headers, host: url.host, "x-amz-date": longDate };
    if (credentials.sessionToken) out["x-amz-security-token"] = credentials.sessionToken;
    const payloadHash = out["x-amz-content-sha256"] ?? sha256Hex(body);
    const names = Object.keys(out)
      .filter((name) => !NEVER_SIGNED.test(name))
      .sort();
    let canonicalHeaders = "";
    for (const name of names) canonicalHeaders += `${name}:${canonicalValue(out[name]!)}\n`;
    const signedHeaders = names.join(";");
    const canonicalRequest = `${method}\n${canonicalPath(url.pathname)}\n\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`;
    const scope = `${shortDate}/${region}/${service}/aws4_request`;
    const stringToSign = `${ALGORITHM}\n${longDate}\n${scope}\n${sha256Hex(canonicalRequest)}`;
    const signature = createHmac("sha256", signingKey(credentials.secretAccessKey, shortDate)).update(stringToSign, "utf8").digest("hex");
    out["authorization"] = `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
    // The transport writes Host from the URL, as it was signed.
    delete out["host"];
    return out;
  };
}
