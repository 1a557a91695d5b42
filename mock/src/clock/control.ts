/**
 * How a test drives the mock's clock: in JavaScript through `mock.clock` (ClockControl: times as
 * Dates), and over HTTP through `POST /_mock/clock` with `{"advance": "90s"}` or
 * `{"set": "<ISO 8601>"}` (parseClockRequest reads that body).
 */
import { parseDuration } from "./duration.js";
import type { Clock } from "./clock.js";
import { ClockError, instantOf, MockClock, type ClockMode } from "./mock-clock.js";

export interface ClockControl {
  /** `"manual"` or `"real"`. */
  readonly mode: ClockMode;
  /** The mock's time. */
  now(): Date;
  /** Moves the clock forward by a duration (`"90s"`, `"1h30m"`) or milliseconds; returns the new time. */
  advance(by: string | number): Date;
  /** Sets the clock to an instant (a Date, epoch milliseconds or ISO 8601 text); returns it. */
  set(to: Date | string | number): Date;
  /** Back to the clock's start (a manual clock), or to the machine's time (a real one); returns the time. */
  reset(): Date;
}

/** The controls of the mock's clock; a Clock the caller gave the mock is the caller's to move, so only `now` works. */
export function clockControl(clock: MockClock | Clock): ClockControl {
  if (!(clock instanceof MockClock)) {
    const refuse = (): never => {
      throw new ClockError("The mock runs on the clock it was given (startMock({ clock })); move that clock instead");
    };
    return { mode: "real", now: () => new Date(clock.now()), advance: refuse, set: refuse, reset: refuse };
  }
  return {
    mode: clock.mode,
    now: () => new Date(clock.now()),
    advance: (by) => new Date(clock.advance(by)),
    set: (to) => new Date(clock.set(to)),
    reset: () => new Date(clock.reset()),
  };
}

export type ClockRequest = { ok: true; apply(clock: MockClock): number } | { ok: false; message: string };

const FORM = `a JSON object with "advance" (a duration such as "90s") or "set" (an ISO 8601 date-time such as "2024-07-08T02:00:00Z")`;

/** Reads the body of `POST /_mock/clock`: what to do to the clock, or why the body says nothing it can do. */
export function parseClockRequest(body: unknown): ClockRequest {
  if (!body || typeof body !== "object" || Array.isArray(body)) return { ok: false, message: `The body must be ${FORM}` };
  const keys = Object.keys(body);
  const unknown = keys.filter((key) => key !== "advance" && key !== "set");
  if (unknown.length > 0) return { ok: false, message: `Unknown member${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `'${k}'`).join(", ")}; the body must be ${FORM}` };
  if (keys.length !== 1) return { ok: false, message: `The body must be ${FORM}: one of them, not ${keys.length === 0 ? "neither" : "both"}` };
  const { advance, set } = body as { advance?: unknown; set?: unknown };
  try {
    if (advance !== undefined) {
      if (typeof advance !== "string") throw new ClockError(`advance takes a duration such as "90s" (got ${JSON.stringify(advance)})`);
      const duration = parseDuration(advance);
      if (!duration.ok) throw new ClockError(`advance: ${duration.message}`);
      return { ok: true, apply: (clock) => clock.advance(duration.value) };
    }
    if (typeof set !== "string") throw new ClockError(`set takes an ISO 8601 date-time such as "2024-07-08T02:00:00Z" (got ${JSON.stringify(set)})`);
    const ms = instantOf(set, "set");
    return { ok: true, apply: (clock) => clock.set(ms) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
