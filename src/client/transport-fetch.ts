/**
 * A transport over a fetch function (the global `fetch()` in browsers, or the client's `fetch`
 * option): the request goes out with `redirect: "manual"` and the attempt's signal; the body is read
 * chunk by chunk up to `maxResponseBytes`. fetch decodes a compressed answer itself (as the Node
 * transport does, decode-node.ts). A redirect is handed on unread (the call refuses it).
 */
import { raced } from "./cancel.js";
import { invalidStatus, NO_BODY, tooLarge } from "./limits.js";
import type { Transport } from "./types/wire.js";
import { wireError } from "./wire-errors.js";

const EMPTY = new Uint8Array(0);

export function fetchTransport(send: (request: Request) => Promise<Response>): Transport {
  return async ({ url, method, headers, body, cancel, maxResponseBytes }, operation) => {
    if (cancel.reason) throw cancel.reason;
    const { signal } = cancel;
    let response: Response;
    try {
      // Raced with the cancellation: a fetch that ignores the signal cannot hold the call.
      response = await raced(send(new Request(url, { method, headers, body, signal, redirect: "manual" })), cancel);
    } catch (error) {
      throw cancel.reason ?? wireError(operation, error);
    }
    if (cancel.reason) throw cancel.reason;
    const status = response.type === "opaqueredirect" ? 302 : response.status;
    const received: Record<string, string> = {};
    response.headers.forEach((value, name) => (received[name] = value));
    if ((status >= 300 && status < 400) || NO_BODY.has(status)) {
      void response.body?.cancel().catch(() => undefined);
      return response.type === "opaqueredirect" ? { status, headers: received, bytes: EMPTY, opaqueRedirect: true } : { status, headers: received, bytes: EMPTY };
    }
    if (status < 200 || status > 599) throw invalidStatus(operation, status);
    try {
      return { status, headers: received, bytes: await readCapped(response, signal, maxResponseBytes, operation) };
    } catch (error) {
      throw cancel.reason ?? wireError(operation, error);
    }
  };
}

async function readCapped(response: Response, signal: AbortSignal, max: number, operation: string): Promise<Uint8Array> {
  const length = response.headers.get("content-length");
  const announced = length !== null && /^\d+$/.test(length) ? Number(length) : undefined;
  if (announced !== undefined && announced > max) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge(operation, announced, max);
  }
  if (!response.body) return EMPTY;
  const reader = response.body.getReader();
  // Cancelling the reader ends a body that would never end, even under a fetch that ignores the signal.
  const cancel = (): void => void reader.cancel(signal.reason).catch(() => undefined);
  signal.addEventListener("abort", cancel, { once: true });
  try {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      signal.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        cancel();
        throw tooLarge(operation, size, max);
      }
      chunks.push(value);
    }
    signal.throwIfAborted();
    if (chunks.length === 1) return chunks[0]!;
    const all = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      all.set(chunk, at);
      at += chunk.byteLength;
    }
    return all;
  } finally {
    signal.removeEventListener("abort", cancel);
  }
}
