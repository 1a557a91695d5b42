/** Options shared by both clients. */
import type { ValidateOptions } from "../validation/validate.js";

/** Static AWS credentials; `sessionToken` for temporary credentials. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

/** Called before every request; cache in the provider if fetching credentials is costly. */
export type CredentialProvider = () => Promise<Credentials>;

export interface ClientOptions {
  /** The AWS Region, such as `us-east-1`; it picks the default endpoint and is part of the signature. */
  region: string;
  /** Overrides the endpoint, such as `http://127.0.0.1:4010` for the contract mock. */
  endpoint?: string | undefined;
  credentials: Credentials | CredentialProvider;
  /**
   * The fetch to send requests with; it receives the signed `Request` (with `redirect: "manual"`
   * and the call's abort signal) and must resolve to a `Response`. Default: node:http(s) with a
   * keep-alive agent under Node.js, `globalThis.fetch` elsewhere. Whichever sends, the client
   * follows no redirect (a 3xx rejects with a `CallError` named `RedirectError`, naming the status
   * and `Location`), and `timeoutMs`, the call's `signal` and `maxResponseBytes` hold even for a
   * fetch that ignores the signal.
   */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /**
   * Checks every response body (success and error) against the contract before returning it, and
   * throws a `ContractValidationError` naming each member at fault. Off by default: the validators
   * are loaded on first use, so clients that never validate never load them. `true` validates in
   * compatible mode, as fits live traffic: a member or an enum value AWS added after the contract
   * is reported to `onUnknown` (when given) and does not fail the call, while types, required
   * members, formats and bounds do. `{ mode: "strict" }` fails on those too, for contract tests.
   */
  validateResponses?: boolean | ValidateOptions | undefined;
  /**
   * Extra headers sent, and signed, with every request: for instance the contract mock's `Prefer`
   * (`{ prefer: "code=400, example=InvalidNextToken" }`). The headers the protocol sets
   * (`Content-Type`, `X-Amz-Target`, the signature's) take precedence over these.
   */
  headers?: Record<string, string> | undefined;
  /** The clock used for signing (default: the current time). Tests freeze it; production leaves it. */
  now?: (() => Date) | undefined;
  /**
   * The most time one call may take, from sending the request to the last byte of the answer, in
   * milliseconds (a paginator applies it to each page). Past it the call rejects with a `CallError`
   * named `TimeoutError` and the connection is closed. Default: 300000 (5 minutes), the figure
   * Node's own fetch (undici) uses for its headers and body timeouts; the AWS SDK sets none and would
   * wait for ever. Unlike undici's idle timeouts, this one is a deadline, so a server trickling its
   * answer a byte at a time cannot hold a call open either.
   */
  timeoutMs?: number | undefined;
  /**
   * The largest answer body the client reads, in bytes, counted while it streams in (and refused at
   * once when `Content-Length` says more). Past it the call rejects with a `CallError` named
   * `ResponseTooLargeError` and the connection is closed, so memory stays bounded. Default: 67108864
   * (64 MiB), far above any page these APIs answer (a page of 50 command invocations with their
   * output is well under 1 MiB).
   */
  maxResponseBytes?: number | undefined;
}

/** Options of one call (each method's and paginator's second argument). */
export interface CallOptions {
  /**
   * Aborts the call (for a paginator: the page in flight, and stops it). The call rejects with a
   * `CallError` named `AbortError` whose `cause` is the signal's reason.
   */
  signal?: AbortSignal | undefined;
}

export const DEFAULT_TIMEOUT_MS = 300_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
/** setTimeout's longest delay, and the longest string V8 makes (a larger body could not be decoded). */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
const MAX_RESPONSE_BYTES = 0x1fffffe8;

/** The limits each call runs under, checked once. */
export interface Limits {
  timeoutMs: number;
  maxResponseBytes: number;
}

const fail = (service: string, message: string): never => {
  throw new TypeError(`${service} client: ${message}`);
};

/** Checks the options once, at creation: the endpoint URL, and the credentials when static. */
export function checkOptions(options: ClientOptions, service: string): { baseUrl: string; credentials: Credentials | undefined; limits: Limits } {
  if (!options || typeof options !== "object") fail(service, "options are required");
  const { region, credentials } = options;
  if (typeof region !== "string" || !/^[a-z0-9-]+$/.test(region)) fail(service, `region must be an AWS Region code such as "us-east-1", got ${JSON.stringify(region)}`);
  if (typeof credentials !== "function" && (credentials === null || typeof credentials !== "object")) {
    fail(service, "credentials must be { accessKeyId, secretAccessKey, sessionToken? } or an async function returning that");
  }
  if (options.headers !== undefined && (options.headers === null || typeof options.headers !== "object" || Object.values(options.headers).some((v) => typeof v !== "string"))) {
    fail(service, "headers must be an object of header names to string values");
  }
  const endpoint = options.endpoint ?? `https://${service}.${region}.amazonaws.com`;
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    // reported below
  }
  if (url?.protocol !== "https:" && url?.protocol !== "http:") fail(service, `endpoint must be an absolute http(s) URL, got ${JSON.stringify(endpoint)}`);
  // The endpoint names a host (and a base path at most): AWS signs no user info, and a query or
  // fragment would be signed by one signer and not the other.
  if (url!.username || url!.password || url!.search || url!.hash) {
    fail(service, `endpoint must not carry user info, a query or a fragment, got ${JSON.stringify(endpoint)}`);
  }
  const limit = (name: "timeoutMs" | "maxResponseBytes", fallback: number, max: number): number => {
    const value = options[name] ?? fallback;
    if (!Number.isInteger(value) || value < 1 || value > max) fail(service, `${name} must be an integer from 1 to ${max}, got ${JSON.stringify(options[name])}`);
    return value;
  };
  return {
    limits: { timeoutMs: limit("timeoutMs", DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS), maxResponseBytes: limit("maxResponseBytes", DEFAULT_MAX_RESPONSE_BYTES, MAX_RESPONSE_BYTES) },
    baseUrl: url!.href.replace(/\/$/, ""),
    credentials: typeof credentials === "function" ? undefined : checkCredentials(credentials, service),
  };
}

export function checkCredentials(credentials: Credentials, service: string): Credentials {
  for (const key of ["accessKeyId", "secretAccessKey"] as const) {
    if (typeof credentials?.[key] !== "string" || credentials[key] === "") fail(service, `credentials.${key} must be a non-empty string`);
  }
  return credentials;
}
