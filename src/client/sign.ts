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

export function webCryptoSigner(service: string, region: string): Signer {
  // aws4fetch caches the derived signing key by secret, date, region and service; one cache per
  // client keeps that work to once a day.
  const cache = new Map<string, ArrayBuffer>();
  return async ({ method, url, headers, body, credentials, date }) => {
    if (cache.size > 8) cache.clear(); // providers may rotate keys: keep a few, not all
    const signed = await new AwsV4Signer({
      method,
      url: url.href,
      headers,
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
    return signed.headers;
  };
}

/** The signer for this runtime (a function after the first call resolves, not a promise). */
export function defaultSigner(service: string, region: string): Signer {
  if (!hasNodeBuiltins()) return webCryptoSigner(service, region);
  let loaded: Signer | Promise<Signer> = import("./sign-node.js").then((m) => (loaded = m.nodeSigner(service, region)));
  return async (input) => (typeof loaded === "function" ? loaded : await loaded)(input);
}
