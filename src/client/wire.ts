/**
 * Everything between openapi-fetch and the wire, in one step per call: the request goes out as
 * openapi-fetch drafts it (URL, method, merged headers, the JSON body as a string) and is signed
 * once with AWS Signature Version 4 on aws4fetch (WebCrypto, ~2.5 KB gzipped), chosen over the
 * SDK's own @smithy/signature-v4 for the consumer's bundle budget; a test proves it signs exactly
 * as the SDK. openapi-fetch is given a plain `Draft` class instead of `Request` (its documented
 * `Request` option): no body stream is built only to be read back, and no `Request` is rebuilt
 * for each change. A real `Request` is built once, and only for an injected `fetch`.
 */
import { AwsV4Signer } from "aws4fetch";
import { checkCredentials, type ClientOptions, type Credentials } from "./options.js";
import { defaultTransport } from "./transport.js";

/** What openapi-fetch constructs per call in place of a `Request`. */
class Draft {
  constructor(
    readonly url: string,
    readonly init: { method: string; headers: Headers; body?: string },
  ) {}
  get method(): string {
    return this.init.method;
  }
}

/** `2026-01-02T03:04:05.678Z` -> `20260102T030405Z`, the SigV4 timestamp. */
const amzDate = (date: Date): string => date.toISOString().replace(/[:-]|\.\d{3}/g, "");

/** The `Request` and `fetch` options for openapi-fetch's `createClient`. */
export function wire(options: ClientOptions, service: string, credentials: Credentials | undefined) {
  // aws4fetch caches the derived signing key by secret, date, region and service; one cache per
  // client keeps that work to once a day (bounded, for providers that rotate keys).
  const cache = new Map<string, ArrayBuffer>();
  const send = async (draft: Draft): Promise<Response> => {
    const { method, headers, body = "" } = draft.init;
    // The SSM path keys end in `#X-Amz-Target=AmazonSSM.<Operation>` (OpenAPI allows one operation
    // per path and method). The fragment is never sent, and must name the header that is sent.
    const [url, fragment] = draft.url.split("#");
    if (fragment !== undefined) {
      const [name, value] = decodeURIComponent(fragment).split("=");
      if (headers.get(name!) !== value) throw new Error(`${service} client: ${name} header ${headers.get(name!)} does not match the path key #${fragment}`);
    }
    const { accessKeyId, secretAccessKey, sessionToken } = credentials ?? checkCredentials(await (options.credentials as () => Promise<Credentials>)(), service);
    if (cache.size > 8) cache.clear();
    const signed = await new AwsV4Signer({
      method,
      url: url!,
      headers,
      body,
      accessKeyId,
      secretAccessKey,
      ...(sessionToken ? { sessionToken } : {}),
      service,
      region: options.region,
      cache,
      ...(options.now ? { datetime: amzDate(options.now()) } : {}),
      // Every header is signed, so `content-type` is covered as the AWS SDK covers it.
      allHeaders: true,
    }).sign();
    if (options.fetch) return options.fetch(new Request(signed.url, { method, headers: signed.headers, body }));
    const transport = defaultTransport();
    return (typeof transport === "function" ? transport : await transport)(signed.url, method, signed.headers, body);
  };
  return { Request: Draft as unknown as typeof Request, fetch: send as unknown as typeof fetch };
}
