/** How the admin API answers: JSON bodies, and errors in the REST JSON format (`x-amzn-ErrorType`, `{"message"}`). */
import { errorResponse, REST_JSON_MEDIA_TYPE, type Outcome } from "../protocol.js";

export const adminJson = (status: number, body: unknown): Outcome => ({ wire: { status, headers: { "content-type": REST_JSON_MEDIA_TYPE }, body: JSON.stringify(body) } });

export const adminError = (status: number, name: string, message: string, headers?: Record<string, string>): Outcome => ({
  wire: errorResponse("restJson1", headers ? { status, name, message, headers } : { status, name, message }),
});
