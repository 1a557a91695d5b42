/**
 * What the answer events, the log and the journal keep of a request's headers: everything a test
 * may want to assert on, without any secret. The SigV4 signature of `Authorization`, session tokens
 * (`X-Amz-Security-Token`), cookies and anything named like a credential are replaced by REDACTED;
 * the rest of `Authorization` (algorithm, credential scope, signed headers) stays, since it says who
 * signed and how, and is no secret. (No query string is kept, where a presigned URL would carry
 * its signature.)
 */

export const REDACTED = "(redacted)";

/** Header names whose whole value is a secret. */
const SECRET_HEADERS = new Set(["x-amz-security-token", "cookie", "set-cookie", "proxy-authorization"]);
/** Any other header named like a credential (`x-api-key`, `x-mock-token`, ...). */
const SECRET_NAME = /token|secret|password|passwd|api[-_]?key|session/i;

/** `Signature=<hex>` in an Authorization header, wherever it sits among the parameters. */
const SIGNATURE_PARAM = /(\bSignature=)[^,\s]*/g;

/** Headers by lower-case name, each a string (repeated ones joined by ", "), with the secrets redacted. */
export function redactHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    const raw = headers[name];
    if (raw === undefined) continue;
    const lower = name.toLowerCase();
    const value = Array.isArray(raw) ? raw.join(", ") : raw;
    out[lower] = redactHeader(lower, value);
  }
  return out;
}

export function redactHeader(lowerName: string, value: string): string {
  if (lowerName === "authorization") return redactAuthorization(value);
  if (SECRET_HEADERS.has(lowerName) || SECRET_NAME.test(lowerName)) return REDACTED;
  return value;
}

/**
 * A SigV4 Authorization header keeps its algorithm, Credential and SignedHeaders; any other scheme
 * (Basic, Bearer, ...) is a secret from the scheme name on.
 */
export function redactAuthorization(value: string): string {
  const trimmed = value.trim();
  if (/^AWS4-[A-Z0-9-]+\s/.test(trimmed)) return trimmed.replace(SIGNATURE_PARAM, `$1${REDACTED}`);
  const scheme = /^\S+/.exec(trimmed)?.[0];
  return scheme && scheme.length < trimmed.length ? `${scheme} ${REDACTED}` : REDACTED;
}
