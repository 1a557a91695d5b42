/** DelayedAnswers (mock/src/faults/delays.ts) with what it really receives: a socket, requests and answers, and a clock the test moves. */
import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { DelayedAnswers, type Waits } from "../../mock/src/faults/delays.js";

/** A clock whose time moves only when the test says. */
function manualWaits(): Waits & { advance(ms: number): void; pending(): number } {
  let now = 0;
  const waits: { at: number; run: () => void }[] = [];
  return {
    after(ms, run) {
      const wait = { at: now + ms, run };
      waits.push(wait);
      return () => {
        const index = waits.indexOf(wait);
        if (index !== -1) waits.splice(index, 1);
      };
    },
    advance(ms) {
      now += ms;
      for (const wait of waits.filter((w) => w.at <= now)) {
        waits.splice(waits.indexOf(wait), 1);
        wait.run();
      }
    },
    pending: () => waits.length,
  };
}

const connection = () => Object.assign(new EventEmitter(), { destroyed: false });
const request = (socket: ReturnType<typeof connection>) => ({ socket }) as unknown as IncomingMessage;
const answer = () => new EventEmitter() as unknown as ServerResponse;

describe("DelayedAnswers", () => {
  it("holds at most its bound per connection, then says 'full'; another connection has its own bound", async () => {
    const waits = manualWaits();
    const delays = new DelayedAnswers(3);
    const one = connection();
    const held = [1, 2, 3].map(() => delays.hold(request(one), answer(), 1000, waits));
    expect(held.every((h) => h instanceof Promise)).toBe(true);
    expect(delays.hold(request(one), answer(), 1000, waits)).toBe("full");
    expect(delays.hold(request(connection()), answer(), 1000, waits)).toBeInstanceOf(Promise);
    waits.advance(1000);
    expect(await Promise.all(held)).toEqual([true, true, true]);
    // Sent: room again.
    expect(delays.heldOn(one as never)).toBe(0);
    expect(delays.hold(request(one), answer(), 1000, waits)).toBeInstanceOf(Promise);
  });

  it("adds one close listener per connection, and a closed connection cancels every wait it held", async () => {
    const waits = manualWaits();
    const delays = new DelayedAnswers(100);
    const socket = connection();
    const held = Array.from({ length: 50 }, () => delays.hold(request(socket), answer(), 60_000, waits) as Promise<boolean>);
    expect(socket.listenerCount("close")).toBe(1);
    expect(waits.pending()).toBe(50);
    socket.destroyed = true;
    socket.emit("close");
    expect(await Promise.all(held)).toEqual(Array(50).fill(false));
    expect(waits.pending()).toBe(0);
  });

  it("keeps Node's socket timeout off a held answer, and lets go of it once sent", async () => {
    const waits = manualWaits();
    const res = answer();
    const held = new DelayedAnswers().hold(request(connection()), res, 10, waits) as Promise<boolean>;
    expect(res.listenerCount("timeout")).toBe(1);
    waits.advance(10);
    expect(await held).toBe(true);
    expect(res.listenerCount("timeout")).toBe(0);
  });
});
