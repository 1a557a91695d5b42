/**
 * The mock's own clock, which a test can take control of. `real` (the default) follows the
 * machine's time; `manual` stands still from the instant it starts (the real time of start, or the
 * one given) until `advance` or `set` moves it, so a test sees runs progress exactly when it says.
 * On a real clock `advance` and `set` shift it (it keeps ticking from the new instant), which lets a
 * test jump ahead without giving up real time. Waits (`after`: `Prefer: delay`, a body's idle time)
 * end when the clock reaches them, whichever moves it: the machine's time or a test.
 */
import { parseDuration } from "./duration.js";

export type ClockMode = "real" | "manual";
/** How a mock's clock is chosen: `"real"`, `"manual"` (from the real time of start), or a manual clock's start (a Date or ISO 8601 text). */
export type ClockOption = ClockMode | Date | string;

/** Raised for a clock control that cannot be applied; `message` names the value and the rule. */
export class ClockError extends Error {
  override name = "ClockError";
}

/** What the machine provides: its time and its timers (injected in tests). */
export interface ClockEnvironment {
  realNow(): number;
  setTimer(ms: number, callback: () => void): () => void;
}

const MACHINE: ClockEnvironment = {
  realNow: () => Date.now(),
  setTimer(ms, callback) {
    const timer = setTimeout(callback, ms);
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};

interface Wait {
  due: number;
  callback: () => void;
  cancelTimer?: () => void;
}

/** The epoch milliseconds of an instant given as a Date, epoch milliseconds or ISO 8601 text. */
export function instantOf(value: unknown, what = "the clock's time"): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === "number" ? value : typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) throw new ClockError(`${what} must be an ISO 8601 date-time such as 2024-07-08T02:00:00Z (got ${JSON.stringify(value) ?? String(value)})`);
  return ms;
}

/** Milliseconds of an advance given as a duration text (`"90s"`) or a number of milliseconds; never backwards. */
function advanceOf(by: unknown): number {
  if (typeof by === "number") {
    if (!Number.isFinite(by) || by < 0) throw new ClockError(`advance takes a duration of at least 0 (got ${by}); to go back, set the time`);
    return by;
  }
  if (typeof by !== "string") throw new ClockError(`advance takes a duration such as "90s" (got ${JSON.stringify(by) ?? String(by)})`);
  const parsed = parseDuration(by);
  if (!parsed.ok) throw new ClockError(`advance: ${parsed.message}`);
  return parsed.value;
}

export class MockClock {
  /** Real clock: how far it is shifted from the machine's time. Manual clock: its time. */
  private offset = 0;
  private current: number;
  private readonly start: number;
  private waits: Wait[] = [];
  private readonly environment: ClockEnvironment;

  constructor(
    readonly mode: ClockMode,
    options: { start?: number; environment?: ClockEnvironment } = {},
  ) {
    this.environment = options.environment ?? MACHINE;
    this.start = options.start ?? this.environment.realNow();
    this.current = this.start;
  }

  /** A clock from the mock's `clock` option: `"real"` (default), `"manual"`, or a manual clock's start instant. */
  static from(option: ClockOption | undefined, environment?: ClockEnvironment): MockClock {
    if (option === undefined || option === "real") return new MockClock("real", environment ? { environment } : {});
    if (option === "manual") return new MockClock("manual", environment ? { environment } : {});
    const start = instantOf(option, "clock");
    return new MockClock("manual", environment ? { start, environment } : { start });
  }

  /** The time in milliseconds since the Unix epoch, as `Date.now()` counts. */
  now(): number {
    return this.mode === "manual" ? this.current : this.environment.realNow() + this.offset;
  }

  /** Runs `callback` once `ms` milliseconds have passed on this clock; the returned function cancels it. */
  after(ms: number, callback: () => void): () => void {
    const wait: Wait = { due: this.now() + Math.max(0, ms), callback };
    this.waits.push(wait);
    // A real clock's wait also ends on the machine's time; a manual one only when the clock moves.
    if (this.mode === "real") wait.cancelTimer = this.environment.setTimer(Math.max(0, ms), () => this.fire(wait));
    if (ms <= 0 && this.mode === "manual") queueMicrotask(() => this.fireDue());
    return () => this.cancel(wait);
  }

  /** Moves the clock forward by a duration (`"90s"`) or milliseconds; returns the new time. */
  advance(by: string | number): number {
    const ms = advanceOf(by);
    if (this.mode === "manual") this.current += ms;
    else this.offset += ms;
    this.fireDue();
    return this.now();
  }

  /** Sets the clock to an instant (a Date, epoch milliseconds or ISO 8601 text); returns it. */
  set(to: Date | string | number): number {
    const ms = instantOf(to);
    if (this.mode === "manual") this.current = ms;
    else this.offset = ms - this.environment.realNow();
    this.fireDue();
    return this.now();
  }

  /** Back to the clock's start: a manual clock to its start instant, a real one to the machine's time. */
  reset(): number {
    this.offset = 0;
    this.current = this.start;
    return this.now();
  }

  /**
   * A clock of its own for one caller (isolation by access key ID): the same mode, start and time
   * as this one now, moved by its own `advance`, `set` and `reset` from then on.
   */
  fork(): MockClock {
    const copy = new MockClock(this.mode, { start: this.start, environment: this.environment });
    copy.offset = this.offset;
    copy.current = this.current;
    return copy;
  }

  /** How many waits have not ended yet. */
  get pending(): number {
    return this.waits.length;
  }

  private cancel(wait: Wait): void {
    const index = this.waits.indexOf(wait);
    if (index !== -1) this.waits.splice(index, 1);
    wait.cancelTimer?.();
  }

  private fire(wait: Wait): void {
    if (!this.waits.includes(wait)) return;
    this.cancel(wait);
    wait.callback();
  }

  /** Ends every wait the clock has reached, earliest first. */
  private fireDue(): void {
    const now = this.now();
    const due = this.waits.filter((wait) => wait.due <= now).sort((a, b) => a.due - b.due);
    for (const wait of due) this.fire(wait);
  }
}
