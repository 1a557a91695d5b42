/**
 * Writes answers in each protocol's own format, so that the AWS SDKs and the AWS CLI parse them:
 * - AWS JSON 1.1: `Content-Type: application/x-amz-json-1.1`, errors as `{"__type", "Message"}`.
 * - REST JSON: `Content-Type: application/json`, errors as `{"message"}` with the name in the
 *   `x-amzn-ErrorType` header.
 * Never Prism's `application/problem+json`: no AWS client understands it.
 */
import type { Protocol } from "aws-ops-contract/model";

export const AWS_JSON_MEDIA_TYPE = "application/x-amz-json-1.1";
export const REST_JSON_MEDIA_TYPE = "application/json";

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What one request led to: the answer, and whether to hang up afterwards. */
export interface Outcome {
  wire: WireResponse;
  close?: "now" | "drain";
}

/** An error the mock raises itself (routing, reading, parsing, validation), by AWS error name. */
export interface MockError {
  status: number;
  name: string;
  message: string;
  headers?: Record<string, string>;
}

export interface ErrorFormat {
  /** The operation's own media type; default the protocol's. */
  mediaType?: string | undefined;
  /**
   * The body member that carries the message. Default `Message` for AWS JSON and `message` for REST
   * JSON; the front that checks SSM's signatures writes `message` (auth/failures.ts).
   */
  messageMember?: "Message" | "message";
}

/**
 * The one place an AWS error answer is shaped. `protocol` undefined is a request whose API is unknown
 * (server.ts: bytes that never became a request): the name goes both ways the AWS clients read it,
 * `__type` in the body (AWS JSON) and the `x-amzn-ErrorType` header (REST JSON).
 */
export function errorResponse(protocol: Protocol | undefined, error: MockError, format: ErrorFormat = {}): WireResponse {
  const namedInBody = protocol !== "restJson1";
  const namedInHeader = protocol !== "awsJson1_1";
  const member = format.messageMember ?? (protocol === "restJson1" ? "message" : "Message");
  const headers: Record<string, string> = { "content-type": format.mediaType ?? (protocol === "restJson1" ? REST_JSON_MEDIA_TYPE : AWS_JSON_MEDIA_TYPE) };
  if (namedInHeader) headers["x-amzn-ErrorType"] = error.name;
  return {
    status: error.status,
    headers: { ...headers, ...error.headers },
    body: JSON.stringify(namedInBody ? { __type: error.name, [member]: error.message } : { [member]: error.message }),
  };
}

/**
 * The AWS error name an answer carries, read the way the SDKs read it (`x-amzn-ErrorType`, else the
 * body's `__type`, without a namespace prefix), or undefined for a success.
 */
export function errorNameOf(wire: WireResponse): string | undefined {
  if (wire.status < 300) return undefined;
  const header = Object.entries(wire.headers).find(([name]) => name.toLowerCase() === "x-amzn-errortype")?.[1];
  let name = header?.split(":")[0];
  if (!name && wire.body.includes("__type")) {
    try {
      const type = (JSON.parse(wire.body) as { __type?: unknown }).__type;
      if (typeof type === "string") name = type;
    } catch {
      // Not JSON: no name to read.
    }
  }
  return name ? name.slice(name.lastIndexOf("#") + 1) : undefined;
}

/** The media type without parameters, lower-cased: `application/json; charset=utf-8` -> `application/json`. */
export function baseMediaType(header: string | undefined): string | undefined {
  const base = header?.split(";")[0]?.trim().toLowerCase();
  return base ? base : undefined;
}
