/**
 * Opt-in signature checking (`--auth sigv4`, `startMock({ auth: "sigv4" })`): every request to an
 * operation must carry a valid AWS Signature Version 4 for the operation's service, made with one of
 * the accepted credentials, in any region, at a time within the signing window. A request that fails
 * gets the answer AWS gives (see failures.ts). Without the option nothing is checked.
 */
import type { IncomingMessage } from "node:http";
import type { OpenApiDocument } from "aws-ops-contract/model";
import type { MockOperation } from "../operations.js";
import type { WireResponse } from "../protocol.js";
import { checkCredentialList, DEFAULT_CREDENTIALS, type MockCredentials } from "./credentials.js";
import { authFailureResponse, missingToken, type AuthFailureName } from "./failures.js";
import { checkSigV4, DEFAULT_SIGNING_WINDOW_MS } from "./sigv4.js";

export { DEFAULT_CREDENTIALS, parseCredentials, type MockCredentials } from "./credentials.js";
export { DEFAULT_SIGNING_WINDOW_MS } from "./sigv4.js";

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

/** Resolves to undefined when the request may proceed, or to the answer that refuses it. */
export type AuthCheck = (op: MockOperation, req: IncomingMessage, body: Uint8Array) => Promise<AuthRefusal | undefined>;

export function createAuthCheck(docs: readonly OpenApiDocument[], option: AuthOption | undefined): AuthCheck | undefined {
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
  const services = docs.map(signingName);

  return async (op, req, body) => {
    const failure = await checkSigV4(
      { method: (req.method ?? "GET").toUpperCase(), url: req.url ?? "/", headers: req.headersDistinct, body },
      { service: services[op.docIndex]!, credentials, windowMs, now: Date.now() },
      () => missingToken(op.protocol),
    );
    return failure && { name: failure.name, wire: authFailureResponse(op.protocol, failure, op.mediaType) };
  };
}

/**
 * The SigV4 service name of a document, from its endpoint `https://<service>.{region}.amazonaws.com`
 * (the first `servers` URL), as the AWS SDKs derive their signing name from the endpoint prefix.
 */
export function signingName(doc: OpenApiDocument): string {
  const servers = doc["servers"] as Array<{ url?: unknown }> | undefined;
  const url = servers?.[0]?.url;
  const name = typeof url === "string" ? /^https?:\/\/([a-z0-9-]+)\.\{region\}\./.exec(url)?.[1] : undefined;
  if (!name) {
    throw new Error(`Cannot check signatures for ${doc.info?.title ?? "a document"}: its first servers URL should be https://<service>.{region}.amazonaws.com (got ${JSON.stringify(url)})`);
  }
  return name;
}
