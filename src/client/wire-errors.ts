/**
 * What a runtime throws while a request is on the wire, as a `CallError` with the original as its
 * `cause`: an HTTP parse failure (`HPE_*` from Node's parser, also inside undici's `fetch failed`,
 * and undici's own header and length checks) is an `InvalidResponseError`; any other failure to get
 * a whole answer (reset, refused, DNS, `TypeError: Failed to fetch`, a fetch that throws) is a
 * `NetworkError`.
 */
import { CallError } from "./call-error.js";

/** The first string `code` on the error or its causes (undici wraps the socket's error in `cause`). */
export function errorCode(error: unknown): string | undefined {
  for (let at = error, depth = 0; at !== null && typeof at === "object" && depth < 5; at = (at as { cause?: unknown }).cause, depth++) {
    const code = (at as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The deepest message, which says what happened ("fetch failed" says little). */
function detail(error: unknown): string {
  let text = messageOf(error);
  for (let at = error, depth = 0; at instanceof Error && depth < 5; at = at.cause, depth++) text = messageOf(at);
  return text;
}

/** undici's names for answers that are not valid HTTP (where Node's parser says HPE_*). */
const UNDICI_PARSE = new Set(["UND_ERR_HEADERS_OVERFLOW", "UND_ERR_RES_CONTENT_LENGTH_MISMATCH", "UND_ERR_RES_EXCEEDED_MAX_SIZE"]);

export function wireError(operation: string, error: unknown): CallError {
  if (error instanceof CallError) return error;
  const code = errorCode(error);
  const said = `${code ? `${code}: ` : ""}${detail(error)}`;
  if (code !== undefined && (code.startsWith("HPE_") || UNDICI_PARSE.has(code))) return new CallError("InvalidResponseError", operation, `the answer is not valid HTTP/1.1 (${said})`, { cause: error, code });
  return new CallError("NetworkError", operation, `no complete answer arrived (${said})`, { cause: error, code });
}
