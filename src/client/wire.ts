/**
 * Everything between openapi-fetch and the wire, in one step per call: the request goes out as
 * openapi-fetch drafts it (URL, method, merged headers, the JSON body as a string) and is signed
 * once with AWS Signature Version 4 (sign.ts). openapi-fetch is given a plain `Draft` class instead
 * of `Request` (its documented `Request` option): no body stream is built only to be read back,
 * and no `Request` is rebuilt for each change. A real `Request` is built once, and only for an
 * injected `fetch`.
 */
import { checkCredentials, type ClientOptions, type Credentials } from "./options.js";
import { defaultSigner } from "./sign.js";
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

/** The `Request` and `fetch` options for openapi-fetch's `createClient`. */
export function wire(options: ClientOptions, service: string, credentials: Credentials | undefined) {
  const sign = defaultSigner(service, options.region);
  const send = async (draft: Draft): Promise<Response> => {
    const { method, headers, body = "" } = draft.init;
    // The SSM path keys end in `#X-Amz-Target=AmazonSSM.<Operation>` (OpenAPI allows one operation
    // per path and method). The fragment is never sent, and must name the header that is sent.
    const [url, fragment] = draft.url.split("#");
    if (fragment !== undefined) {
      const [name, value] = decodeURIComponent(fragment).split("=");
      if (headers.get(name!) !== value) throw new Error(`${service} client: ${name} header ${headers.get(name!)} does not match the path key #${fragment}`);
    }
    const target = new URL(url!);
    const signedHeaders = await sign({
      method,
      url: target,
      headers,
      body,
      credentials: credentials ?? checkCredentials(await (options.credentials as () => Promise<Credentials>)(), service),
      date: options.now?.(),
    });
    if (options.fetch) return options.fetch(new Request(target, { method, headers: signedHeaders, body }));
    const transport = defaultTransport();
    return (typeof transport === "function" ? transport : await transport)(target, method, signedHeaders, body);
  };
  return { Request: Draft as unknown as typeof Request, fetch: send as unknown as typeof fetch };
}
