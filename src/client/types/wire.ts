/** What passes between the call, the signer and the transport, as types only. */
import type { Credentials } from "./options.js";

/** Request headers by lower-case name. */
export type HeaderRecord = Record<string, string>;

export interface SignInput {
  method: string;
  url: URL;
  /** Lower-case names; the signer adds `authorization`, `x-amz-date` and, with temporary credentials, `x-amz-security-token`. */
  headers: HeaderRecord;
  body: string;
  credentials: Credentials;
  /** The signing time. */
  date: Date;
}

export type Signer = (input: SignInput) => Promise<HeaderRecord>;

/** Cancels an attempt (its timeout, the call's deadline or the caller's signal). */
export interface Cancellation {
  /** Set once cancelled: the error the attempt rejects with. */
  readonly reason: Error | undefined;
  /** Calls `hook` on cancel (at once if already cancelled); returns the function that removes it. */
  on(hook: (reason: Error) => void): () => void;
  /** An AbortSignal that aborts with the reason (made on first use). */
  readonly signal: AbortSignal;
}

/** One signed request, and the limits its answer is read under. */
export interface WireRequest {
  url: URL;
  method: string;
  headers: HeaderRecord;
  body: string;
  cancel: Cancellation;
  maxResponseBytes: number;
}

/** What came back, its body read whole (within `maxResponseBytes`) and decoded when it was compressed. */
export interface WireAnswer {
  status: number;
  /** Response headers by lower-case name (repeated headers joined with ", "). */
  headers: Readonly<Record<string, string | undefined>>;
  /** The body; empty for a redirect or a bodiless status. */
  bytes: Uint8Array;
  /** A browser's redirect under `redirect: "manual"`, whose status and `Location` it hides. */
  opaqueRedirect?: true;
}

/**
 * Sends one request. A transport rejects only with a `CallError` (wire-errors.ts maps what the
 * runtime throws: `NetworkError`, `InvalidResponseError`, `ResponseTooLargeError`) or the
 * cancellation's reason.
 */
export type Transport = (request: WireRequest, operation: string) => Promise<WireAnswer>;

/** What differs between runtimes, chosen by the package's export conditions (index.ts, index.browser.ts). */
export interface Platform {
  signer(service: string, region: string): Signer;
  /** The transport when the client has no `fetch` option. */
  transport: Transport;
  /** The Region from the environment (`AWS_REGION`, `AWS_DEFAULT_REGION`) where there is one. */
  environmentRegion(): string | undefined;
  /** A random (v4) UUID, for `amz-sdk-invocation-id`. */
  uuid(): string;
}
