/**
 * Where each attempt's credentials come from. Static credentials are checked once, at creation. A
 * provider (the SDK's `fromNodeProviderChain()`, `fromIni()`, ... or any async function) is called
 * as the SDK calls it: once, then again only when what it resolved carries an `expiration` less than
 * 5 minutes away (@smithy/core's memoizeIdentity), with concurrent calls sharing one refresh. A
 * provider that throws, or resolves something that is not credentials, fails the call with a
 * `CallError` named `CredentialsError` that names the provider and carries its error as `cause`.
 */
import { CallError } from "./call-error.js";
import type { CredentialProvider, Credentials } from "./types/options.js";

/** How long before `expiration` credentials are refreshed (the SDK's EXPIRATION_MS). */
export const REFRESH_BEFORE_MS = 300_000;

/** Header-safe text: credentials travel in `Authorization` and `X-Amz-Security-Token`. */
const PRINTABLE = /^[\x21-\x7e]+$/;

/** What is wrong with `value` as credentials, or undefined when nothing is. */
export function credentialsProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") return `expected { accessKeyId, secretAccessKey, sessionToken? }, got ${value === null ? "null" : typeof value}`;
  const fields = value as Record<string, unknown>;
  for (const key of ["accessKeyId", "secretAccessKey", "sessionToken"] as const) {
    const field = fields[key];
    if (key === "sessionToken" && (field === undefined || field === "")) continue;
    if (typeof field !== "string" || field === "") return `${key} must be a non-empty string`;
    // A CR/LF would split the header (Node refuses it as ERR_INVALID_CHAR, fetch as a TypeError).
    if (!PRINTABLE.test(field)) return `${key} holds a character that cannot travel in an HTTP header (a space, a control character such as CR/LF, or non-ASCII)`;
  }
  const expiration = fields["expiration"];
  if (expiration !== undefined && !(expiration instanceof Date && !Number.isNaN(expiration.getTime()))) return "expiration must be a valid Date when present";
  return undefined;
}

export type CredentialSource = (operation: string) => Credentials | Promise<Credentials>;

export function credentialSource(credentials: Credentials | CredentialProvider, now: () => number): CredentialSource {
  if (typeof credentials !== "function") return () => credentials;
  const provider = credentials;
  const named = provider.name ? `the credentials provider ${provider.name}` : "the credentials provider";
  let held: Credentials | undefined;
  let pending: Promise<Credentials> | undefined;
  const fresh = (value: Credentials): boolean => value.expiration === undefined || value.expiration.getTime() - now() > REFRESH_BEFORE_MS;

  const resolve = async (operation: string): Promise<Credentials> => {
    let value: unknown;
    try {
      value = await provider();
    } catch (error) {
      const said = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new CallError("CredentialsError", operation, `${named} failed (${said})`, { cause: error });
    }
    const problem = credentialsProblem(value);
    if (problem) throw new CallError("CredentialsError", operation, `${named} resolved unusable credentials: ${problem}`);
    return value as Credentials;
  };

  return (operation) => {
    if (held && fresh(held)) return held;
    pending ??= resolve(operation).then(
      (value) => {
        pending = undefined;
        held = value;
        return value;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
}
