/**
 * A compressed answer under Node.js, decoded as a browser's fetch decodes it (gzip, x-gzip,
 * deflate, br; an encoding it does not know is handed on as it came, as fetch does), so both
 * transports hand the same bytes on. The decoded size is bounded by
 * `maxResponseBytes` too, so a small compressed body cannot expand without bound.
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { CallError } from "./call-error.js";
import { tooLarge } from "./limits.js";

export function decodeBody(operation: string, encoding: string | undefined, bytes: Buffer, max: number): Uint8Array {
  const name = encoding?.trim().toLowerCase();
  if (name === undefined || name === "" || name === "identity") return bytes;
  const decode = name === "gzip" || name === "x-gzip" ? gunzipSync : name === "deflate" ? inflateSync : name === "br" ? brotliDecompressSync : undefined;
  if (!decode) return bytes;
  try {
    return decode(bytes, { maxOutputLength: max });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(operation, max + 1, max);
    throw new CallError("InvalidResponseError", operation, `the ${name} body cannot be decoded (${(error as Error).message})`, { cause: error, code: (error as { code?: string }).code });
  }
}
