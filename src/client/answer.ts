/**
 * An answer read as the protocol says: a 200 carrying a JSON object is the operation's output, a
 * 4xx/5xx is the service's error (a `ServiceError` named as the SDKs name it), and anything else is
 * refused with a `CallError`: a redirect, another 2xx, a success that is not a JSON object.
 */
import { CallError } from "./call-error.js";
import { type ServiceError, serviceErrorFrom } from "./errors.js";
import type { WireAnswer } from "./types/wire.js";

/** The media types of a JSON answer (AWS JSON 1.0/1.1, plain JSON, any `+json`); a missing Content-Type is let through. */
const JSON_MEDIA = /^\s*application\/(?:json|x-amz-json-1\.[01]|[\w.-]+\+json)\s*(?:;|$)/i;

const utf8 = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8");

export type Read = { ok: true; data: object } | { ok: false; error: ServiceError; body: unknown };

export function readAnswer(operation: string, answer: WireAnswer): Read {
  const { status, headers } = answer;
  if (answer.opaqueRedirect || (status >= 300 && status < 400)) {
    const location = headers["location"];
    const where = answer.opaqueRedirect ? "a redirect (the browser hides its status and Location)" : `HTTP ${status} redirecting to ${location ?? "(no Location header)"}`;
    throw new CallError("RedirectError", operation, `the service answered ${where}; the client follows no redirect (AWS APIs do not redirect these calls), so nothing was sent there`, {
      status: answer.opaqueRedirect ? undefined : status,
    });
  }
  if (status >= 400) {
    const body = errorBody(answer.bytes);
    return { ok: false, error: serviceErrorFrom(operation, status, headers, body), body };
  }
  const type = headers["content-type"];
  if (status !== 200) throw new CallError("InvalidResponseError", operation, `HTTP ${status}${type ? ` (${type})` : ""}: expected 200 with a JSON object`, { status });
  if (type !== undefined && !JSON_MEDIA.test(type)) throw new CallError("InvalidResponseError", operation, `HTTP ${status} with Content-Type ${type}: expected a JSON object`, { status });
  return { ok: true, data: successBody(operation, status, answer.bytes) };
}

/** An error body: its JSON when it is JSON, else its text (a proxy's HTML page, say), else undefined. */
function errorBody(bytes: Uint8Array): unknown {
  if (bytes.byteLength === 0) return undefined;
  const text = lenient.decode(bytes);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A success body must be a JSON object: anything else is an `InvalidResponseError` naming what it was. */
function successBody(operation: string, status: number, bytes: Uint8Array): object {
  let data: unknown;
  if (bytes.byteLength > 0) {
    try {
      data = JSON.parse(utf8.decode(bytes));
    } catch (error) {
      throw new CallError("InvalidResponseError", operation, `HTTP ${status}: the body is not valid JSON (${(error as Error).message})`, { status, cause: error });
    }
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    const found = data === undefined ? "an empty body" : Array.isArray(data) ? "a JSON array" : `JSON ${data === null ? "null" : typeof data}`;
    throw new CallError("InvalidResponseError", operation, `HTTP ${status} with ${found}: expected a JSON object`, { status });
  }
  return data;
}
