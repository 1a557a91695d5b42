/**
 * AWS Signature Version 4, the one step every call takes before the wire. Two well-kept signers
 * compute the same signature (a test compares both with the AWS SDK v3 signer):
 * - aws4fetch on WebCrypto, everywhere: about 2.5 KB gzipped, chosen for browser bundles (the
 *   consumer-cost budget is a tenth of @aws-sdk/client-ssm's bundle);
 * - the SDK's own @smithy/signature-v4 hashing with node:crypto, in runtimes that have
 *   `process.getBuiltinModule` (Node.js): about ten times as many signatures per second, because
 *   WebCrypto on Node runs every hash and HMAC as an async job on the thread pool. It sits behind a
 *   dynamic `import()`, so a browser bundle keeps it in a chunk that never loads.
 */
import { AwsV4Signer } from "aws4fetch";
import type { Credentials } from "./options.js";
import { hasNodeBuiltins } from "./transport.js";

export interface SignInput {
  method: string;
  /** Without a fragment. */
  url: URL;
  headers: Headers;
  body: string;
  credentials: Credentials;
  /** The signing time; the current time when absent. */
  date?: Date | undefined;
}

/** The headers to send: the request's own plus `Authorization`, `X-Amz-Date` and, with temporary credentials, `X-Amz-Security-Token`. */
export type SignedHeaders = Headers | Record<string, string>;

export type Signer = (input: SignInput) => Promise<SignedHeaders>;

/** `2026-01-02T03:04:05.678Z` -> `20260102T030405Z`, the SigV4 timestamp. */
const amzDate = (date: Date): string => date.toISOString().replace(/[:-]|\.\d{3}/g, "");

/**
 * Headers the AWS SDK's signer never signs (@smithy/signature-v4's ALWAYS_UNSIGNABLE_HEADERS and
 * its proxy-/sec- patterns; a test checks this list against it): a browser or a proxy may drop or
 * rewrite them, and both signers must sign the same request the same way. Written out here so the
 * browser bundle does not load @smithy/signature-v4.
 */
export const NEVER_SIGNED = /^(?:authorization|cache-control|connection|expect|from|keep-alive|max-forwards|pragma|referer|te|trailer|transfer-encoding|upgrade|user-agent|x-amzn-trace-id|proxy-.*|sec-.*)$/i;

export function webCryptoSigner(service: string, region: string): Signer {
  // aws4fetch caches the derived signing key by secret, date, region and service; one cache per
  // client keeps that work to once a day.
  const cache = new Map<string, ArrayBuffer>();
  return async ({ method, url, headers, body, credentials, date }) => {
    if (cache.size > 8) cache.clear(); // providers may rotate keys: keep a few, not all
    // aws4fetch (allHeaders) signs every header it is given: hand it only those the SDK signs, and
    // send the others unsigned beside them.
    const toSign = new Headers();
    const unsigned: Array<[string, string]> = [];
    headers.forEach((value, name) => (NEVER_SIGNED.test(name) ? name !== "authorization" && unsigned.push([name, value]) : toSign.set(name, value)));
    const signed = await new AwsV4Signer({
      method,
      url: url.href,
      headers: toSign,
      body,
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
      service,
      region,
      cache,
      ...(date ? { datetime: amzDate(date) } : {}),
      // Every header is signed, so `content-type` is covered as the AWS SDK covers it.
      allHeaders: true,
    }).sign();
    for (const [name, value] of unsigned) signed.headers.set(name, value);
    return signed.headers;
  };
}

/** The signer for this runtime (a function after the first call resolves, not a promise). */
export function defaultSigner(service: string, region: string): Signer {
  if (!hasNodeBuiltins()) return webCryptoSigner(service, region);
  let loaded: Signer | Promise<Signer> = import("./sign-node.js").then((m) => (loaded = m.nodeSigner(service, region)));
  // A failed load is each call's rejection (they await it), never an unhandled one at start-up.
  void loaded.catch(() => undefined);
  return async (input) => (typeof loaded === "function" ? loaded : await loaded)(input);
}
