/**
 * The JSON body of an admin request: read within its own size limit, then parsed; or the answer
 * that refuses it (413 too large, 408 too slow to arrive, 400 not JSON), in the REST JSON error
 * format every admin route answers in. `what` names the body in those answers ("The record").
 */
import { readBody } from "../body.js";
import { systemClock } from "../clock/system.js";
import type { RequestContext, StageResult } from "../stages/types.js";
import { adminError } from "./answers.js";

export type AdminJson = { ok: true; value: unknown } | { ok: false; answer: StageResult };

export async function readAdminJson(context: RequestContext, maxBytes: number, what: string): Promise<AdminJson> {
  const idleTimeoutMs = context.mock.limits.idleTimeoutMs;
  // The idle timeout guards the process: on the machine's time, as every body's.
  const read = await readBody(context.req, { maxBytes, idleTimeoutMs }, systemClock);
  if (read.kind === "aborted") return { ok: false, answer: "aborted" };
  if (read.kind === "tooLarge") return { ok: false, answer: { ...adminError(413, "RequestEntityTooLargeException", `${what} may be at most ${maxBytes} bytes`), close: "drain" } };
  if (read.kind !== "body") return { ok: false, answer: { ...adminError(408, "RequestTimeoutException", `${what} did not arrive: no data for ${idleTimeoutMs} ms`), close: "now" } };
  try {
    return { ok: true, value: JSON.parse(read.bytes.toString("utf8")) };
  } catch (error) {
    return { ok: false, answer: adminError(400, "SerializationException", `${what} is not valid JSON: ${(error as Error).message}`) };
  }
}
