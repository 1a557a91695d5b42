/**
 * The answers held back by `Prefer: delay=MS`, per connection. A client may pipeline thousands of
 * delayed requests on one connection: `--max-connections` does not count them, and a held answer
 * keeps the socket timeout off, so without a bound each one holds a timer and its request for up to
 * a minute. At most MAX_DELAYED_PER_CONNECTION are held at once; the next is answered at once with
 * the protocol's throttling error (which Node queues behind the held ones, in order, and whose queued
 * bytes make Node stop reading the connection: the pipeline stays bounded). Each connection has
 * one `close` listener, whatever it holds.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { Clock } from "../clock/clock.js";

/** The most answers one connection may have held back at once. */
export const MAX_DELAYED_PER_CONNECTION = 16;

/** What runs a wait: the mock's clock. */
export type Waits = Pick<Clock, "after">;

interface Held {
  cancel(): void;
  settle(answered: boolean): void;
}

export class DelayedAnswers {
  private readonly held = new WeakMap<Duplex, Set<Held>>();

  constructor(readonly maxPerConnection = MAX_DELAYED_PER_CONNECTION) {}

  /** How many answers `socket` has held back now. */
  heldOn(socket: Duplex): number {
    return this.held.get(socket)?.size ?? 0;
  }

  /**
   * Holds the answer to `req` back `ms` milliseconds on `waits`. Resolves true when it may be sent,
   * false when the connection closed meanwhile; "full" (at once) when the connection already holds
   * its most.
   */
  hold(req: IncomingMessage, res: ServerResponse, ms: number, waits: Waits): Promise<boolean> | "full" {
    const socket = req.socket;
    if (socket.destroyed) return Promise.resolve(false);
    const held = this.held.get(socket) ?? this.watch(socket);
    if (held.size >= this.maxPerConnection) return "full";
    if (ms <= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      // The wait is the answer the client asked for, not an idle connection: keep Node's socket timeout off it.
      const keep = (): void => undefined;
      res.on("timeout", keep);
      const entry: Held = {
        cancel: () => undefined,
        settle(answered) {
          held.delete(entry);
          res.off("timeout", keep);
          resolve(answered);
        },
      };
      entry.cancel = waits.after(ms, () => entry.settle(!socket.destroyed));
      held.add(entry);
    });
  }

  private watch(socket: Duplex): Set<Held> {
    const held = new Set<Held>();
    this.held.set(socket, held);
    socket.once("close", () => {
      this.held.delete(socket);
      for (const entry of [...held]) {
        entry.cancel();
        entry.settle(false);
      }
    });
    return held;
  }
}
