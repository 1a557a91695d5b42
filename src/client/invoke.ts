/**
 * One call, attempt by attempt: credentials, the signature (at the skew-corrected time), the
 * transport, the answer read as the protocol says, and on failure the retry strategy's verdict and
 * wait. The whole call runs under one deadline (`timeoutMs`) and the caller's signal; each attempt
 * under its own `attemptTimeoutMs` when one is set. Every attempt carries the SDKs'
 * `amz-sdk-invocation-id` (one UUID per call) and `amz-sdk-request: attempt=N; max=M`.
 */
import { ContractValidationError } from "../validation/contract-error.js";
import type { OperationBody } from "../validation/validate.js";
import { readAnswer } from "./answer.js";
import { CallError } from "./call-error.js";
import { Cancel, raced } from "./cancel.js";
import { SkewClock } from "./clock.js";
import { credentialSource } from "./credentials.js";
import type { OperationName, ServiceError } from "./errors.js";
import { checkOptions } from "./options.js";
import { retryAfterHint, retryErrorType, standardRetryStrategy } from "./retry.js";
import { fetchTransport } from "./transport-fetch.js";
import type { CallOptions, ClientOptions } from "./types/options.js";
import type { Cancellation, HeaderRecord, Platform } from "./types/wire.js";

/** Where an operation is sent: its path, and the `X-Amz-Target` of AWS JSON operations. */
export interface Route {
  path: string;
  target?: string | undefined;
}

export type Invoke = <Op extends OperationName>(operation: Op, route: Route, input: unknown, call: CallOptions | undefined) => Promise<OperationBody<Op, "response">>;

/** A timer that ends early (and is cleared) when the call is cancelled. */
const sleep = (ms: number, cancel: Cancellation): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      resolve();
    }, ms);
    const stop = cancel.on((reason) => {
      clearTimeout(timer);
      reject(reason);
    });
  });

export function invoker(options: ClientOptions, service: string, mediaType: string, platform: Platform): Invoke {
  const { region, baseUrl, headers: extra, limits } = checkOptions(options, service, platform.environmentRegion);
  const local = options.now ? () => options.now!().getTime() : Date.now;
  const clock = new SkewClock(local);
  const credentials = credentialSource(options.credentials, local);
  const sign = platform.signer(service, region);
  const transport = options.fetch ? fetchTransport(options.fetch) : platform.transport;
  const strategy = options.retryStrategy ?? standardRetryStrategy({ maxAttempts: options.maxAttempts });
  const base: HeaderRecord = { ...extra, "content-type": mediaType };
  const urls = new Map<string, URL>();

  // Loaded on first use only: a client that never validates never loads (or bundles eagerly) the validators.
  let validation: Promise<unknown> | undefined;
  // Once loaded, called directly: no import() promise to wait on for every validated answer.
  let loaded: typeof import("../validation/validate.js") | undefined;
  // `true` is compatible mode; an options object defaults to it too (validate() itself defaults to strict).
  const chosen = typeof options.validateResponses === "object" ? options.validateResponses : {};
  const validateOptions = { ...chosen, mode: chosen.mode ?? "compatible" };
  const check = (operation: OperationName, kind: "response" | "error", body: unknown, cause?: ServiceError): void | Promise<void> => {
    if (!loaded) {
      validation ??= import("../validation/validate.js").then((module) => (loaded = module));
      return validation.then(() => check(operation, kind, body, cause));
    }
    const result = loaded.validate(operation, kind, body, validateOptions);
    if (!result.ok) throw new ContractValidationError(operation, kind, result.errors, cause ? { cause, omitted: result.omitted } : { omitted: result.omitted });
  };

  type Outcome = { ok: true; data: object } | { ok: false; error: Error; skewCorrected: boolean; hint?: Date | undefined; body?: unknown };

  /** One attempt. Rejects only with the call's own end (deadline, abort); any other failure is an outcome for the retry strategy. */
  async function once(operation: string, route: Route, url: URL, body: string, deadline: Cancel, request: string, invocationId: string, attempt: number): Promise<Outcome> {
    const offset = clock.offsetMs;
    let cancel: Cancellation = deadline;
    let attemptTimer: ReturnType<typeof setTimeout> | undefined;
    let stopForwarding: (() => void) | undefined;
    try {
      if (deadline.reason) throw deadline.reason;
      const resolved = credentials(operation);
      const identity = resolved instanceof Promise ? await raced(resolved, deadline) : resolved;
      const headers: HeaderRecord = { ...base, "amz-sdk-invocation-id": invocationId, "amz-sdk-request": request };
      if (route.target !== undefined) headers["x-amz-target"] = route.target;
      const signed = await sign({ method: "POST", url, headers, body, credentials: identity, date: clock.signingDate() });
      if (limits.attemptTimeoutMs !== undefined) {
        const own = new Cancel();
        stopForwarding = deadline.on((reason) => own.cancel(reason));
        attemptTimer = setTimeout(
          () => own.cancel(new CallError("TimeoutError", operation, `attempt ${attempt} had no complete answer within ${limits.attemptTimeoutMs} ms (the client's attemptTimeoutMs)`)),
          limits.attemptTimeoutMs,
        );
        cancel = own;
      }
      const sentAt = clock.now();
      const answer = await transport({ url, method: "POST", headers: signed, body, cancel, maxResponseBytes: limits.maxResponseBytes }, operation);
      const skewCorrected = clock.learn(answer.headers["date"], answer.headers["age"], sentAt, offset);
      const read = readAnswer(operation, answer);
      if (read.ok) return read;
      return { ok: false, error: read.error, skewCorrected, hint: retryAfterHint(answer.headers, clock.now()), body: read.body };
    } catch (error) {
      if (deadline.reason) throw deadline.reason;
      return { ok: false, error: error instanceof Error ? error : new CallError("NetworkError", operation, String(error), { cause: error }), skewCorrected: false };
    } finally {
      if (attemptTimer !== undefined) clearTimeout(attemptTimer);
      stopForwarding?.();
    }
  }

  return async function invoke<Op extends OperationName>(operation: Op, route: Route, input: unknown, call: CallOptions | undefined): Promise<OperationBody<Op, "response">> {
    const caller = call?.signal;
    // Checked before the deadline's timer exists, so a wrong value cannot leave one running.
    if (caller != null && typeof (caller as Partial<AbortSignal>).addEventListener !== "function") {
      throw new TypeError(`${service} client: options.signal must be an AbortSignal, got ${Object.prototype.toString.call(caller)}`);
    }
    let url = urls.get(route.path);
    if (!url) urls.set(route.path, (url = new URL(baseUrl + route.path)));
    const body = JSON.stringify(input);
    // One cancel per call: the deadline and the caller's signal fire it, with the error the call rejects with.
    const deadline = new Cancel();
    const timer = setTimeout(() => deadline.cancel(new CallError("TimeoutError", operation, `no complete answer within ${limits.timeoutMs} ms (the client's timeoutMs)`)), limits.timeoutMs);
    const onCallerAbort = (): void => deadline.cancel(new CallError("AbortError", operation, "aborted by the caller's signal", { cause: caller!.reason }));
    if (caller?.aborted) onCallerAbort();
    else caller?.addEventListener("abort", onCallerAbort, { once: true });
    try {
      const invocationId = platform.uuid();
      const maxAttempts = strategy.maxAttempts;
      let token = strategy.acquireInitialRetryToken();
      for (let attempt = 1; ; attempt++) {
        const outcome = await once(operation, route, url, body, deadline, `attempt=${attempt}; max=${maxAttempts}`, invocationId, attempt);
        if (outcome.ok) {
          strategy.recordSuccess(token);
          if (options.validateResponses) await check(operation, "response", outcome.data);
          return outcome.data as OperationBody<Op, "response">;
        }
        const { error } = outcome;
        const next = strategy.refreshRetryTokenForRetry(token, { errorType: retryErrorType(error, outcome.skewCorrected), error, retryAfterHint: outcome.hint });
        if (!next) {
          if (options.validateResponses && "body" in outcome) await check(operation, "error", outcome.body, error as ServiceError);
          throw error;
        }
        token = next;
        if (token.delayMs > 0) await raced(strategy.sleep ? strategy.sleep(token.delayMs) : sleep(token.delayMs, deadline), deadline);
      }
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onCallerAbort);
    }
  };
}
