/**
 * body: the request body, bounded in size and in the wait for each chunk (body.ts). The wait is on
 * the machine's time, not the mock's clock: it protects the process, and a clock a test has stopped
 * must not let a stalled client hold a connection.
 */
import { readBody } from "../body.js";
import { systemClock } from "../clock/system.js";
import { operationError } from "./operation-error.js";
import type { Stage } from "./types.js";

export const bodyStage: Stage = {
  name: "body",
  async run(context) {
    const { limits } = context.mock;
    const read = await readBody(context.req, limits, systemClock);
    if (read.kind === "aborted") return "aborted";
    if (read.kind === "tooLarge") {
      return { ...operationError(context, 413, "RequestEntityTooLargeException", `The request body is larger than the mock's limit of ${limits.maxBytes} bytes`), close: "drain" };
    }
    if (read.kind === "timeout" || read.kind === "tooSlow") {
      return { ...operationError(context, 408, "RequestTimeoutException", `The request body did not arrive: no data for ${limits.idleTimeoutMs} ms`), close: "now" };
    }
    context.bytes = read.bytes;
    return undefined;
  },
};
