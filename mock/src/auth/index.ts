/**
 * Opt-in signature checking (`--auth sigv4`, `startMock({ auth: "sigv4" })`): every request to an
 * operation must carry a valid AWS Signature Version 4 for the operation's service, made with one of
 * the accepted credentials, in any region, at a time within the signing window. A request that fails
 * gets the answer AWS gives (see failures.ts). Without the option nothing is checked.
 */
import type { IncomingMessage } from "node:http";
import type { IndexedOperation } from "aws-ops-contract/model";
import { firstValue } from "../http.js";
import type { WireResponse } from "../protocol.js";
import { checkCredentialList, DEFAULT_CREDENTIALS, type MockCredentials } from "./credentials.js";
import { authFailureResponse, missingToken, type AuthFailureName } from "./failures.js";
import type { checkSigV4 as CheckSigV4 } from "./sigv4.js";

export { DEFAULT_CREDENTIALS, parseCredentials, type MockCredentials } from "./credentials.js";
/** How far the signing time may be from the mock's clock, as most AWS services allow. */
export const DEFAULT_SIGNING_WINDOW_MS = 5 * 60_000;

export interface SigV4AuthOptions {
  type: "sigv4";
  /** The credentials accepted: objects or `AKID:SECRET[:SESSION_TOKEN]` strings. Default: DEFAULT_CREDENTIALS. */
  credentials?: readonly (MockCredentials | string)[];
  /** How far a signing time may be from the mock's clock, in milliseconds. Default 5 minutes. */
  signingWindowMs?: number;
}

/** `"none"` (the default) checks nothing; `"sigv4"` checks signatures with the default credentials. */
export type AuthOption = "none" | "sigv4" | SigV4AuthOptions;

export interface AuthRefusal {
  name: AuthFailureName;
  wire: WireResponse;
}

/** The check's verdict: the access key ID the request names (when it names one), and the refusal when it fails. */
export interface AuthResult {
  accessKeyId: string | undefined;
  refusal: AuthRefusal | undefined;
}

/** Checks a request's signature at `now` (epoch ms, the mock's clock). */
export type AuthCheck = (op: IndexedOperation, req: IncomingMessage, body: Uint8Array, now: number) => Promise<AuthResult>;

/** The access key ID of a SigV4 `Authorization` header (`Credential=AKID/date/...`), if any. */
export function accessKeyIdOf(req: IncomingMessage): string | undefined {
  return /Credential=([^/,\s]+)\//.exec(firstValue(req.headers.authorization) ?? "")?.[1];
}

export function createAuthCheck(operations: readonly IndexedOperation[], option: AuthOption | undefined): AuthCheck | undefined {
  if (option === undefined || option === "none") return undefined;
  const options: SigV4AuthOptions = option === "sigv4" ? { type: "sigv4" } : option;
  if (typeof options !== "object" || options === null || options.type !== "sigv4") {
    throw new Error(`auth must be "none", "sigv4" or { type: "sigv4", credentials } (got ${JSON.stringify(option)})`);
  }
  const windowMs = options.signingWindowMs ?? DEFAULT_SIGNING_WINDOW_MS;
  if (!Number.isInteger(windowMs) || windowMs < 1000) throw new Error("auth.signingWindowMs must be a whole number of milliseconds, at least 1000");
  const list = checkCredentialList(options.credentials ?? [DEFAULT_CREDENTIALS]);
  if (list.length === 0) throw new Error("auth.credentials is empty: give at least one AKID:SECRET");
  const credentials = new Map(list.map((entry) => [entry.accessKeyId, entry]));
  for (const op of operations) signingName(op);

  // The SDK's signer is loaded with the first request checked: a mock without auth never needs it.
  let checker: Promise<typeof CheckSigV4> | undefined;
  return async (op, req, body, now) => {
    checker ??= import("./sigv4.js").then((module) => module.checkSigV4);
    const checkSigV4 = await checker;
    const failure = await checkSigV4(
      { method: (req.method ?? "GET").toUpperCase(), url: req.url ?? "/", headers: req.headersDistinct, body },
      { service: signingName(op), credentials, windowMs, now },
      () => missingToken(op.protocol),
    );
    return { accessKeyId: accessKeyIdOf(req), refusal: failure && { name: failure.name, wire: authFailureResponse(op.protocol, failure, op.mediaType) } };
  };
}

/** The operation's SigV4 service name (the model's, from the document's endpoint); refused at start when there is none. */
function signingName(op: IndexedOperation): string {
  if (!op.signingName) {
    throw new Error(`Cannot check signatures for ${op.service || "a document"}: its first servers URL should be https://<service>.{region}.amazonaws.com`);
  }
  return op.signingName;
}
