/**
 * The Node.js transport: one request through node:http or node:https on the default (keep-alive)
 * agent, answered as a WHATWG `Response` so the rest of the client reads it as it reads `fetch()`.
 * The modules come from `process.getBuiltinModule`, not an import statement, so a bundler for the
 * browser has nothing to resolve here.
 */
import type * as Http from "node:http";
import type { Transport } from "./transport.js";

const builtin = (id: "node:http" | "node:https"): typeof Http => process.getBuiltinModule(id) as typeof Http;

/** Responses that carry no body (the `Response` constructor refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);

export const nodeTransport: Transport = (url, method, headers, body) =>
  new Promise((resolve, reject) => {
    const outgoing: Record<string, string> = {};
    headers.forEach((value, name) => (outgoing[name] = value));
    const request = builtin(url.protocol === "https:" ? "node:https" : "node:http").request(url, { method, headers: outgoing }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const received = new Headers();
        const raw = response.rawHeaders;
        for (let i = 0; i < raw.length; i += 2) received.append(raw[i]!, raw[i + 1]!);
        const status = response.statusCode ?? 0;
        resolve(answer(status, response.statusMessage ?? "", received, NO_BODY.has(status) ? "" : Buffer.concat(chunks).toString("utf8")));
      });
    });
    request.on("error", reject);
    request.end(body);
  });

/**
 * The answer as the client reads it: the part of `Response` that openapi-fetch and the error
 * mapping use (status, headers, the body as text or JSON), over the bytes already in memory. A WHATWG
 * `Response` would wrap them in a stream only to read them back; `clone()` builds a real one for any
 * caller that needs it.
 */
function answer(status: number, statusText: string, headers: Headers, text: string): Response {
  const lite = {
    status,
    statusText,
    ok: status >= 200 && status < 300,
    headers,
    redirected: false,
    type: "basic",
    url: "",
    bodyUsed: false,
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
    clone: () => new Response(NO_BODY.has(status) ? null : text, { status, statusText, headers }),
  };
  return lite as unknown as Response;
}
