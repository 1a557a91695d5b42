/**
 * The Node.js transport: one request through node:http or node:https on the default (keep-alive)
 * agent, answered as a WHATWG `Response` over the bytes received. Like the AWS SDK's
 * NodeHttpHandler it follows no redirect. The body is counted as it streams in and the request is
 * destroyed (the socket closed) past `maxResponseBytes` or when the call is cancelled, so
 * neither a huge nor an endless body can exhaust memory or hold the call. The modules come from
 * `process.getBuiltinModule`, not an import statement, so a bundler for the browser has nothing to
 * resolve here.
 */
import type * as Http from "node:http";
// Types only: a value import would make transport.ts a chunk shared with the eager bundle.
import type { Transport } from "./transport.js";

const builtin = (id: "node:http" | "node:https"): typeof Http => process.getBuiltinModule(id) as typeof Http;

/** Statuses whose `Response` carries no body (as transport.ts's NO_BODY; a value import is avoided, see above). */
const NO_BODY = new Set([101, 204, 205, 304]);

export const nodeTransport: Transport = ({ url, method, headers, body, cancel, maxResponseBytes, tooLarge, invalid }) =>
  new Promise((resolve, reject) => {
    if (cancel.reason) return reject(cancel.reason);
    let outgoing: Record<string, string>;
    if (headers instanceof Headers) {
      outgoing = {};
      headers.forEach((value, name) => (outgoing[name] = value));
    } else outgoing = headers;
    const request = builtin(url.protocol === "https:" ? "node:https" : "node:http").request(url, { method, headers: outgoing });
    const fail = (error: unknown): void => {
      stopListening();
      request.destroy();
      reject(error);
    };
    const stopListening = cancel.on(fail);
    request.on("error", fail);
    // A 101 Switching Protocols is no answer to an API call (Node hands the socket over instead of a response).
    request.on("upgrade", (response, socket) => {
      socket.destroy();
      fail(invalid(response.statusCode ?? 101));
    });
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      // Name/value pairs, as received: the Response constructor builds its Headers from them once.
      const received: Array<[string, string]> = [];
      const raw = response.rawHeaders;
      for (let i = 0; i < raw.length; i += 2) received.push([raw[i]!, raw[i + 1]!]);
      const announced = Number(response.headers["content-length"]);
      if (announced > maxResponseBytes) return fail(tooLarge(announced));
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxResponseBytes) return fail(tooLarge(size));
        chunks.push(chunk);
      });
      response.on("error", fail);
      response.on("end", () => {
        stopListening();
        try {
          const bytes = NO_BODY.has(status) ? undefined : Buffer.concat(chunks, size);
          resolve({ response: new Response(bytes ?? null, { status, statusText: response.statusMessage ?? "", headers: received }), bytes });
        } catch {
          // A status the Response constructor refuses (outside 200-599): not an HTTP answer to parse.
          reject(invalid(status));
        }
      });
    });
    request.end(body);
  });
