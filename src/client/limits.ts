/** The errors both transports reject with for an answer past the limits, worded once. */
import { CallError } from "./call-error.js";

/** Statuses that carry no body. */
export const NO_BODY = new Set([101, 204, 205, 304]);

export const tooLarge = (operation: string, size: number, max: number): CallError =>
  new CallError("ResponseTooLargeError", operation, `the answer's body (${size} bytes or more) is larger than the client's maxResponseBytes (${max})`);

export const invalidStatus = (operation: string, status: number): CallError =>
  new CallError("InvalidResponseError", operation, `HTTP status ${status} is not an answer to an API call`, { status });

