/**
 * The mock's clock over HTTP, for tests in any language:
 *   GET  /_mock/clock  {"now": "<ISO 8601>"}
 *   POST /_mock/clock  {"advance": "90s"} or {"set": "<ISO 8601>"}: moves the clock, answers {"now": ...}
 * A body the clock cannot take answers 400 `InvalidClockRequestException`, naming the value, and
 * the clock does not move. Any Content-Type is read as JSON (`curl -d` sends a form type).
 */
import { readBody } from "../body.js";
import { parseClockRequest } from "../clock/control.js";
import { MockClock } from "../clock/mock-clock.js";
import { systemClock } from "../clock/system.js";
import type { Clock } from "../clock/clock.js";
import { adminError, adminJson } from "./answers.js";
import type { AdminRoute } from "./types.js";

export const CLOCK_PATH = "/_mock/clock";
/** A clock request is a few dozen bytes. */
const MAX_CLOCK_BYTES = 4096;

const nowAnswer = (clock: Clock) => adminJson(200, { now: new Date(clock.now()).toISOString() });
const invalid = (message: string) => adminError(400, "InvalidClockRequestException", message);

export const clockRoute: AdminRoute = {
  path: CLOCK_PATH,
  methods: {
    GET: (context) => nowAnswer(context.caller.clock),
    async POST(context) {
      const clock = context.caller.clock;
      const idleTimeoutMs = context.mock.limits.idleTimeoutMs;
      const read = await readBody(context.req, { maxBytes: MAX_CLOCK_BYTES, idleTimeoutMs }, systemClock);
      if (read.kind === "aborted") return "aborted";
      if (read.kind === "tooLarge") return { ...invalid(`A clock request may be at most ${MAX_CLOCK_BYTES} bytes`), close: "drain" };
      if (read.kind === "timeout" || read.kind === "tooSlow") return { ...adminError(408, "RequestTimeoutException", `The clock request did not arrive: no data for ${idleTimeoutMs} ms`), close: "now" };
      if (!(clock instanceof MockClock)) return adminError(409, "ConflictException", "The mock runs on the clock it was given (startMock({ clock })); move that clock instead");
      let body: unknown;
      try {
        body = JSON.parse(read.bytes.toString("utf8"));
      } catch (error) {
        return invalid(`The body is not valid JSON (${(error as Error).message}); send {"advance": "90s"} or {"set": "2024-07-08T02:00:00Z"}`);
      }
      const request = parseClockRequest(body);
      if (!request.ok) return invalid(request.message);
      request.apply(clock);
      return nowAnswer(clock);
    },
  },
};
