/**
 * Sends a signed request upstream and hands back the answer exactly as it came: status, raw header
 * list (names as sent, repeated headers kept) and body bytes (still content-encoded). node:http and
 * node:https rather than fetch, which would add Accept-Encoding and decode the body behind the
 * proxy's back. Bounded in time: no upstream can hold a caller forever.
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { OutgoingRequest } from "./resign.js";

export interface UpstreamAnswer {
  status: number;
  /** Header names and values as received, in order: `[name, value, name, value, ...]` (Node's `rawHeaders`). */
  rawHeaders: string[];
  body: Buffer;
}

/** Sends one request; rejects on a network failure or a timeout. Tests inject their own. */
export type Transport = (request: OutgoingRequest) => Promise<UpstreamAnswer>;

export const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000;
/** Largest upstream answer passed on (the five operations' pages are far smaller). */
export const MAX_UPSTREAM_BYTES = 32 * 1024 * 1024;

export function nodeTransport(timeoutMs = DEFAULT_UPSTREAM_TIMEOUT_MS): Transport {
  return (outgoing) =>
    new Promise((resolve, reject) => {
      const send = outgoing.url.protocol === "https:" ? httpsRequest : httpRequest;
      const req = send(outgoing.url, { method: outgoing.method, headers: outgoing.headers, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_UPSTREAM_BYTES) {
            req.destroy(new Error(`the answer is larger than ${MAX_UPSTREAM_BYTES} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 502, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      });
      req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on("error", reject);
      req.end(outgoing.body);
    });
}
