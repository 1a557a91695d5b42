/**
 * Reads a request body with a size limit and an idle timeout, without buffering more than the limit:
 * a declared `Content-Length` over the limit is refused before a byte is read, and a streamed
 * (chunked) body is refused as soon as it crosses the limit.
 */
import type { IncomingMessage } from "node:http";
import type { CancelWait, Clock } from "./clock/clock.js";

export type BodyResult =
  | { kind: "body"; bytes: Buffer }
  | { kind: "tooLarge" }
  | { kind: "timeout" }
  | { kind: "tooSlow" }
  | { kind: "aborted" };

export interface BodyLimits {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Longest wait for the next chunk, in milliseconds. */
  idleTimeoutMs: number;
  /**
   * A body that may hold something others wait for (a lock) must also keep up this average rate,
   * in bytes per second, once `idleTimeoutMs` has passed: a client trickling a byte now and then
   * never trips the idle timeout. Default: no rate.
   */
  minBytesPerSecond?: number;
}

/** `clock` runs the idle timeout (the machine's time unless a test injects one). */
export function readBody(req: IncomingMessage, limits: BodyLimits, clock: Clock): Promise<BodyResult> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limits.maxBytes) return Promise.resolve({ kind: "tooLarge" });
  if (req.readableEnded) return Promise.resolve({ kind: "body", bytes: Buffer.alloc(0) });

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let cancel: CancelWait | undefined;
    let cancelRate: CancelWait | undefined;
    const started = clock.now();
    const finish = (result: BodyResult): void => {
      cancel?.();
      cancelRate?.();
      req.off("data", onData).off("end", onEnd).off("aborted", onAborted).off("error", onAborted).off("close", onClose);
      resolve(result);
    };
    const arm = (): void => {
      cancel?.();
      cancel = clock.after(limits.idleTimeoutMs, () => finish({ kind: "timeout" }));
      const rate = limits.minBytesPerSecond;
      if (rate !== undefined) {
        // The moment the bytes so far stop being enough: the grace period plus their worth at the rate.
        cancelRate?.();
        const due = started + limits.idleTimeoutMs + (size / rate) * 1000;
        cancelRate = clock.after(Math.max(0, due - clock.now()), () => finish({ kind: "tooSlow" }));
      }
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limits.maxBytes) {
        chunks.length = 0;
        req.pause();
        finish({ kind: "tooLarge" });
        return;
      }
      chunks.push(chunk);
      arm();
    };
    const onEnd = (): void => finish({ kind: "body", bytes: Buffer.concat(chunks, size) });
    const onAborted = (): void => finish({ kind: "aborted" });
    const onClose = (): void => {
      if (!req.complete) finish({ kind: "aborted" });
    };
    req.on("data", onData).on("end", onEnd).on("aborted", onAborted).on("error", onAborted).on("close", onClose);
    arm();
  });
}
