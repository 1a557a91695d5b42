/**
 * write: the answer on the wire, with `x-amzn-RequestId`, `Date` on the caller's clock and the
 * length; then the connection's fate (`close: "now"` hangs up once written, `"drain"` discards a
 * body still arriving for a grace period, on the machine's time, so the client can read the answer).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Clock } from "../clock/clock.js";
import { systemClock } from "../clock/system.js";
import type { Outcome } from "../protocol.js";

/** After refusing a body that is still arriving, how long to keep discarding it before hanging up. */
export const DRAIN_GRACE_MS = 2_000;

export function writeOutcome(req: IncomingMessage, res: ServerResponse, outcome: Outcome, requestId: string, clock: Clock): void {
  if (res.headersSent || res.destroyed) return;
  const { status, headers, body } = outcome.wire;
  // Every answer is dated (the SDKs correct clock skew from it), by the mock's clock.
  const all: Record<string, string | number> = { ...headers, "x-amzn-RequestId": requestId, date: new Date(clock.now()).toUTCString(), "content-length": Buffer.byteLength(body) };
  if (outcome.close === "now") all["connection"] = "close";
  res.writeHead(status, all);
  res.end(body);
  if (outcome.close === "now") {
    res.once("finish", () => req.socket.destroy());
  } else if (outcome.close === "drain" && !req.complete) {
    // The client is still sending. Closing now would reset the connection before it reads the
    // answer, so discard what arrives (nothing is kept) for a grace period, then hang up if it
    // has not finished. A client that does finish keeps its connection.
    const cancel = systemClock.after(DRAIN_GRACE_MS, () => req.socket.destroy());
    req.once("end", cancel);
    req.socket.once("close", cancel);
    req.resume();
  }
}
