/**
 * How AWS refuses a request that fails authentication, per wire protocol. The names are the ones the
 * services send, and the SDKs turn them into errors of that name:
 * - AWS JSON 1.1 (SSM): status 400, body `{"__type": "<Name>", "message": "..."}` (the front that
 *   checks signatures writes `message` in lower case; the SDKs read either case);
 * - REST JSON (Image Builder): status 403, `x-amzn-ErrorType: <Name>` and `{"message": "..."}`.
 * Messages follow AWS's wording (see the table in mock/README.md).
 */
import type { Protocol } from "aws-ops-contract/model";
import { errorResponse, type WireResponse } from "../protocol.js";

export type AuthFailureName =
  | "MissingAuthenticationTokenException"
  | "IncompleteSignatureException"
  | "UnrecognizedClientException"
  | "InvalidSignatureException";

export interface AuthFailure {
  name: AuthFailureName;
  message: string;
}

export const SIGNATURE_MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
export const INVALID_TOKEN = "The security token included in the request is invalid.";

/** AWS JSON services say "Request is missing ...", the REST JSON front "Missing ...". */
export function missingToken(protocol: Protocol): AuthFailure {
  return { name: "MissingAuthenticationTokenException", message: protocol === "awsJson1_1" ? "Request is missing Authentication Token" : "Missing Authentication Token" };
}

export function authFailureStatus(protocol: Protocol): number {
  return protocol === "awsJson1_1" ? 400 : 403;
}

export function authFailureResponse(protocol: Protocol, failure: AuthFailure, mediaType: string): WireResponse {
  return errorResponse(protocol, { status: authFailureStatus(protocol), name: failure.name, message: failure.message }, { mediaType, messageMember: "message" });
}
