/**
 * Everything between openapi-fetch and the wire, for one call. openapi-fetch is used through its
 * documented per-request options only: `bodySerializer` (the JSON body as the string that is
 * signed and sent) and `fetch` (which receives openapi-fetch's `Request` and resolves to a real
 * `Response`). That `fetch` signs the request once with AWS Signature Version 4 (sign.ts), sends it
 * through the transport (transport.ts) under the call's deadline and signal, and refuses what is
 * not an answer to parse: a redirect, a success other than 200, a success that is not JSON.
 */
import { CallError } from "./call-error.js";
import { type CallOptions, checkCredentials, type ClientOptions, type Credentials, type Limits } from "./options.js";
import { defaultSigner } from "./sign.js";
import { Cancel, defaultTransport, fetchTransport, type Transport } from "./transport.js";

/** What a call hands openapi-fetch, and what it learns on the way (for the errors that follow). */
export interface Exchange {
  /** openapi-fetch's per-request options. */
  init: { fetch: (request: Request) => Promise<Response>; bodySerializer: (body: unknown) => undefined; parseAs: "stream" };
  /**
   * The answer's body as the transport read it (within maxResponseBytes). The call parses it from
   * here: openapi-fetch is asked (`parseAs: "stream"`) to hand the `Response` back unread rather
   * than read the same bytes a second time through a stream.
   */
  bytes: Uint8Array | undefined;
  /** Ends the call's deadline and stops listening to its signal. */
  done(): void;
}

/** The media types of a JSON answer (AWS JSON 1.0/1.1, plain JSON, any `+json`); a missing Content-Type is let through. */
const JSON_MEDIA = /^\s*application\/(?:json|x-amz-json-1\.[01]|[\w.-]+\+json)\s*(?:;|$)/i;

const settle = (promise: Promise<unknown>): void => void promise.catch(() => undefined);

export function wire(options: ClientOptions, service: string, credentials: Credentials | undefined, limits: Limits) {
  const sign = defaultSigner(service, options.region);
  const injected = options.fetch ? fetchTransport(options.fetch) : undefined;
  const parsed = new Map<string, URL>();

  return function exchange(operation: string, call: CallOptions | undefined): Exchange {
    const caller = call?.signal;
    // Checked before the deadline's timer exists, so a wrong value cannot leave one running.
    if (caller != null && typeof (caller as Partial<AbortSignal>).addEventListener !== "function") {
      throw new TypeError(`${service} client: options.signal must be an AbortSignal, got ${Object.prototype.toString.call(caller)}`);
    }
    // One cancel per call: the deadline (timeoutMs) and the caller's signal both fire it, with
    // the CallError the call rejects with as the reason.
    const cancel = new Cancel();
    const timer = setTimeout(
      () => cancel.cancel(new CallError("TimeoutError", operation, `no complete answer within ${limits.timeoutMs} ms (the client's timeoutMs)`)),
      limits.timeoutMs,
    );
    const onCallerAbort = (): void => cancel.cancel(new CallError("AbortError", operation, "aborted by the caller's signal", { cause: caller!.reason }));
    if (caller?.aborted) onCallerAbort();
    else caller?.addEventListener("abort", onCallerAbort, { once: true });

    let body = "";
    const state: Exchange = {
      bytes: undefined,
      done() {
        clearTimeout(timer);
        caller?.removeEventListener("abort", onCallerAbort);
      },
      init: {
        parseAs: "stream",
        // The JSON string is kept here, signed and sent by `fetch` below; openapi-fetch's own
        // `Request` is only the carrier of URL, method and headers, so it gets no body (building
        // a body stream only to never read it cost about a tenth of a call).
        bodySerializer: (input) => {
          body = JSON.stringify(input);
          return undefined;
        },
        // The whole step (credentials, signing, sending, reading) rejects on cancel, even if a
        // credential provider or a fetch never settles or ignores the signal.
        fetch: (request) =>
          new Promise<Response>((resolve, reject) => {
            const stopListening = cancel.on(reject);
            send(request).then(resolve, reject).finally(stopListening);
          }),
      },
    };
    const send = async (request: Request): Promise<Response> => {
      if (cancel.reason) throw cancel.reason;
      const { method } = request;
      const headers = request.headers;
      // The SSM path keys end in `#X-Amz-Target=AmazonSSM.<Operation>` (OpenAPI allows one
      // operation per path and method). The fragment is never sent, and must name the header that is sent.
      const [url, fragment] = request.url.split("#");
      if (fragment !== undefined) {
        const [name, value] = decodeURIComponent(fragment).split("=");
        if (headers.get(name!) !== value) throw new Error(`${service} client: ${name} header ${headers.get(name!)} does not match the path key #${fragment}`);
      }
      const target = parsed.get(url!) ?? new URL(url!);
      if (parsed.size < 8) parsed.set(url!, target); // a client calls one or two URLs: parse each once
      const signedHeaders = await sign({
        method,
        url: target,
        headers,
        body,
        credentials: credentials ?? checkCredentials(await (options.credentials as () => Promise<Credentials>)(), service),
        date: options.now?.(),
      });
      const transport: Transport = injected ?? (await defaultTransport());
      const tooLarge = (size: number): CallError =>
        new CallError("ResponseTooLargeError", operation, `the answer's body (${size} bytes or more) is larger than the client's maxResponseBytes (${limits.maxResponseBytes})`);
      const invalid = (status: number): CallError => new CallError("InvalidResponseError", operation, `HTTP status ${status} is not an answer to an API call`, { status });
      const { response, bytes } = await transport({ url: target, method, headers: signedHeaders, body, cancel, maxResponseBytes: limits.maxResponseBytes, tooLarge, invalid });
      state.bytes = bytes;
      refuseOddAnswers(operation, response);
      return response;
    };
    return state;
  };
}

/** Throws for an answer that is neither an AWS error nor a 200 carrying JSON. */
function refuseOddAnswers(operation: string, response: Response): void {
  const { status } = response;
  if (response.type === "opaqueredirect" || (status >= 300 && status < 400)) {
    settle(response.body?.cancel() ?? Promise.resolve());
    const location = response.headers.get("location");
    const where = response.type === "opaqueredirect" ? "a redirect (the browser hides its status and Location)" : `HTTP ${status} redirecting to ${location ?? "(no Location header)"}`;
    throw new CallError("RedirectError", operation, `the service answered ${where}; the client follows no redirect (AWS APIs do not redirect these calls), so nothing was sent there`, { status });
  }
  if (status < 200 || status >= 300) return; // an error answer: a ServiceError
  const type = response.headers.get("content-type");
  if (status !== 200) throw new CallError("InvalidResponseError", operation, `HTTP ${status}${type ? ` (${type})` : ""}: expected 200 with a JSON object`, { status });
  if (type !== null && !JSON_MEDIA.test(type)) throw new CallError("InvalidResponseError", operation, `HTTP ${status} with Content-Type ${type}: expected a JSON object`, { status });
}
