/**
 * How a signed request reaches the wire. Browsers and workers use the global `fetch()` (or the
 * client's `fetch` option); Node.js (and runtimes with `process.getBuiltinModule`) use node:http(s)
 * with the runtime's keep-alive agent, which runs about three times as many calls per second as
 * Node's `fetch()` (see CONTRIBUTING.md, Benchmarks). The Node transport is a separate module behind a
 * dynamic `import()`, so a browser bundle keeps it in a chunk that never loads.
 *
 * Either way a transport resolves to a real `Response` whose body is already read (within
 * `maxResponseBytes`), so what reads it afterwards (invoke.ts parses the JSON; openapi-fetch is
 * asked for the stream and does not) cannot hang on a body or grow without bound, and it follows no
 * redirect.
 */
/**
 * Whether this runtime has Node.js's built-in modules (`process.getBuiltinModule`). The Node-only
 * transport and signer are loaded only then, behind dynamic `import()`s.
 */
import type { SignedHeaders } from "./sign.js";

export const hasNodeBuiltins = (): boolean =>
  typeof (globalThis as { process?: { getBuiltinModule?: unknown } }).process?.getBuiltinModule === "function";

/**
 * How a call is cancelled (timeout or the caller's signal). A plain callback list, with an
 * `AbortSignal` made only when a fetch needs one: an AbortSignal listener costs about as much as
 * a tenth of a whole call on the Node transport.
 */
export class Cancel {
  /** Set once cancelled: the error the call rejects with. */
  reason: Error | undefined;
  private hooks: Array<(reason: Error) => void> = [];
  private controller: AbortController | undefined;

  /** Calls `hook` on cancel (at once if already cancelled); returns the function that removes it. */
  on(hook: (reason: Error) => void): () => void {
    if (this.reason) {
      hook(this.reason);
      return () => undefined;
    }
    this.hooks.push(hook);
    return () => {
      const at = this.hooks.indexOf(hook);
      if (at !== -1) this.hooks.splice(at, 1);
    };
  }

  /** An AbortSignal that aborts with the reason. */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.reason) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  cancel(reason: Error): void {
    if (this.reason) return;
    this.reason = reason;
    this.controller?.abort(reason);
    for (const hook of this.hooks.splice(0)) hook(reason);
  }
}

/** One signed request, and the limits its answer is read under. */
export interface Exchange {
  url: URL;
  method: string;
  headers: SignedHeaders;
  body: string;
  /** Cancelled on timeout or by the caller; the transport then closes the connection. */
  cancel: Cancel;
  maxResponseBytes: number;
  /** The error to reject with when the body is larger than `maxResponseBytes` (`size`: the bytes seen or announced). */
  tooLarge: (size: number) => Error;
  /** The error to reject with for a status that is no answer to parse (a 101, or outside 200-599). */
  invalid: (status: number) => Error;
}

/** What came back: a real `Response`, and the body's bytes already read into it (none for a redirect or a bodiless status). */
export interface Answer {
  response: Response;
  bytes: Uint8Array | undefined;
}

export type Transport = (exchange: Exchange) => Promise<Answer>;

/** Statuses whose `Response` carries no body (the constructor refuses one). */
export const NO_BODY = new Set([101, 204, 205, 304]);

/** The `Content-Length` a response announces, when it is a plain number. */
export const announcedLength = (headers: Headers): number | undefined => {
  const value = headers.get("content-length");
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
};

/**
 * A transport over a fetch function: the request goes out with `redirect: "manual"` and the
 * exchange's signal; the body is read chunk by chunk up to `maxResponseBytes`, then handed on as a
 * new `Response` over the bytes read. A redirect is handed on unread (the caller refuses it).
 */
export function fetchTransport(send: (request: Request) => Promise<Response>): Transport {
  return async ({ url, method, headers, body, cancel, maxResponseBytes, tooLarge, invalid }) => {
    const { signal } = cancel;
    const response = await send(new Request(url, { method, headers, body, signal, redirect: "manual" }));
    const { status } = response;
    if (response.type === "opaqueredirect" || (status >= 300 && status < 400) || NO_BODY.has(status)) return { response, bytes: undefined };
    const bytes = await readCapped(response, signal, maxResponseBytes, tooLarge);
    try {
      return { response: new Response(bytes, { status, statusText: response.statusText, headers: response.headers }), bytes };
    } catch {
      throw invalid(status);
    }
  };
}

async function readCapped(response: Response, signal: AbortSignal, max: number, tooLarge: (size: number) => Error): Promise<Uint8Array<ArrayBuffer>> {
  const announced = announcedLength(response.headers);
  if (announced !== undefined && announced > max) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge(announced);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  // Cancelling the reader ends a body that would never end, even under a fetch that ignores the signal.
  const cancel = (): void => void reader.cancel(signal.reason).catch(() => undefined);
  signal.addEventListener("abort", cancel, { once: true });
  try {
    const chunks: Array<Uint8Array<ArrayBuffer>> = [];
    let size = 0;
    for (;;) {
      signal.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        cancel();
        throw tooLarge(size);
      }
      chunks.push(value as Uint8Array<ArrayBuffer>);
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

let chosen: Transport | Promise<Transport> | undefined;

/** The transport for this runtime, loaded once (a value after the first call, not a promise). */
export function defaultTransport(): Transport | Promise<Transport> {
  return (chosen ??= hasNodeBuiltins()
    ? import("./transport-node.js").then((m) => (chosen = m.nodeTransport))
    : fetchTransport((request) => fetch(request)));
}
