/**
 * Writes answers in each protocol's own format, so that the AWS SDKs and the AWS CLI parse them:
 * - AWS JSON 1.1: `Content-Type: application/x-amz-json-1.1`, errors as `{"__type", "Message"}`.
 * - REST JSON: `Content-Type: application/json`, errors as `{"message"}` with the name in the
 *   `x-amzn-ErrorType` header.
 * Never Prism's `application/problem+json`: no AWS client understands it.
 */
import type { Protocol } from "./operations.js";

export const AWS_JSON_MEDIA_TYPE = "application/x-amz-json-1.1";
export const REST_JSON_MEDIA_TYPE = "application/json";

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What one request led to: the answer, a label for the log, and whether to hang up afterwards. */
export interface Outcome {
  wire: WireResponse;
  label: string;
  close?: "now" | "drain";
}

/** An error the mock raises itself (routing, reading, parsing, validation), by AWS error name. */
export interface MockError {
  status: number;
  name: string;
  message: string;
  headers?: Record<string, string>;
}

export function errorResponse(protocol: Protocol, error: MockError, mediaType?: string): WireResponse {
  if (protocol === "awsJson") {
    return {
      status: error.status,
      headers: { "content-type": mediaType ?? AWS_JSON_MEDIA_TYPE, ...error.headers },
      body: JSON.stringify({ __type: error.name, Message: error.message }),
    };
  }
  return {
    status: error.status,
    headers: { "content-type": mediaType ?? REST_JSON_MEDIA_TYPE, "x-amzn-ErrorType": error.name, ...error.headers },
    body: JSON.stringify({ message: error.message }),
  };
}

/** The media type without parameters, lower-cased: `application/json; charset=utf-8` -> `application/json`. */
export function baseMediaType(header: string | undefined): string | undefined {
  const base = header?.split(";")[0]?.trim().toLowerCase();
  return base ? base : undefined;
}
