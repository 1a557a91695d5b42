/**
 * A clock the test moves by hand (the mock's Clock interface): `now()` stands still until
 * `advance(ms)`, which runs every wait that falls due, in order. `untilWait(ms)` resolves once the mock
 * has begun a wait of that length, so a test knows the answer is being held.
 */
import type { Clock } from "../../mock/src/index.js";

export class ManualClock implements Clock {
  private pending: { due: number; ms: number; callback: () => void; id: number }[] = [];
  private nextId = 0;

  constructor(private time = Date.UTC(2026, 2, 4, 10, 11, 12)) {}

  now(): number {
    return this.time;
  }

  after(ms: number, callback: () => void): () => void {
    const id = this.nextId++;
    this.pending.push({ due: this.time + ms, ms, callback, id });
    return () => {
      this.pending = this.pending.filter((wait) => wait.id !== id);
    };
  }

  get waits(): number {
    return this.pending.length;
  }

  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const next = [...this.pending].sort((a, b) => a.due - b.due || a.id - b.id)[0];
      if (!next || next.due > until) break;
      this.pending = this.pending.filter((wait) => wait !== next);
      this.time = next.due;
      next.callback();
    }
    this.time = until;
  }

  /** Resolves once a wait of `ms` is pending (checked on each turn of the event loop). */
  async untilWait(ms: number): Promise<void> {
    while (!this.pending.some((wait) => wait.ms === ms)) await new Promise((resolve) => setImmediate(resolve));
  }
}
