/** The clients' options, checked once when a client is created. */
import { credentialsProblem } from "./credentials.js";
import type { ClientOptions, Limits } from "./types/options.js";

export type { CallOptions, ClientOptions, CredentialProvider, Credentials, Limits } from "./types/options.js";

export const DEFAULT_TIMEOUT_MS = 300_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
/** setTimeout's longest delay, and the longest string V8 makes (a larger body could not be decoded). */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
const MAX_RESPONSE_BYTES = 0x1fffffe8;
/** An HTTP header name (RFC 9110 token) and a value that cannot split the header block. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

const fail = (service: string, message: string): never => {
  throw new TypeError(`${service} client: ${message}`);
};

export interface Checked {
  region: string;
  /** The endpoint, without a trailing slash. */
  baseUrl: string;
  limits: Limits;
  /** The caller's extra headers, by lower-case name. */
  headers: Record<string, string>;
}

/**
 * Checks the options once, at creation: the Region (or the environment's, `environmentRegion`),
 * the endpoint URL, the headers, the limits and the credentials when static.
 */
export function checkOptions(options: ClientOptions, service: string, environmentRegion: () => string | undefined): Checked {
  if (!options || typeof options !== "object") fail(service, "options are required");
  const { credentials } = options;
  const region = options.region ?? environmentRegion();
  if (region === undefined) fail(service, "region is required (or, under Node.js, the AWS_REGION environment variable), such as \"us-east-1\"");
  if (typeof region !== "string" || !/^[a-z0-9-]+$/.test(region)) fail(service, `region must be an AWS Region code such as "us-east-1", got ${JSON.stringify(region)}`);
  if (typeof credentials !== "function") {
    if (credentials === null || typeof credentials !== "object") fail(service, "credentials must be { accessKeyId, secretAccessKey, sessionToken? } or an async function returning that");
    const problem = credentialsProblem(credentials);
    if (problem) fail(service, `credentials: ${problem}`);
  }
  const headers: Record<string, string> = {};
  if (options.headers !== undefined) {
    if (options.headers === null || typeof options.headers !== "object") fail(service, "headers must be an object of header names to string values");
    for (const [name, value] of Object.entries(options.headers)) {
      if (!HEADER_NAME.test(name) || typeof value !== "string" || !HEADER_VALUE.test(value)) {
        fail(service, `headers: ${JSON.stringify(name)} must be an HTTP header name with a string value free of control characters (CR, LF, NUL)`);
      }
      headers[name.toLowerCase()] = value;
    }
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
  const limit = (name: "timeoutMs" | "attemptTimeoutMs" | "maxResponseBytes" | "maxAttempts", fallback: number, max: number): number => {
    const value = options[name] ?? fallback;
    if (!Number.isInteger(value) || value < 1 || value > max) fail(service, `${name} must be an integer from 1 to ${max}, got ${JSON.stringify(options[name])}`);
    return value;
  };
  limit("maxAttempts", 3, 100);
  return {
    region: region!,
    baseUrl: url!.href.replace(/\/$/, ""),
    headers,
    limits: {
      timeoutMs: limit("timeoutMs", DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS),
      attemptTimeoutMs: options.attemptTimeoutMs === undefined ? undefined : limit("attemptTimeoutMs", 0, MAX_TIMEOUT_MS),
      maxResponseBytes: limit("maxResponseBytes", DEFAULT_MAX_RESPONSE_BYTES, MAX_RESPONSE_BYTES),
    },
  };
}
