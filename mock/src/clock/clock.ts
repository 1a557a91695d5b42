/**
 * The mock's clock: what "now" is for the `Date` header, the SigV4 signing window and the data set's
 * times, and what runs the waits a request asks for (`Prefer: delay`) or that bound it (the body's
 * idle timeout). Injected through `startMock({ clock })` / `createMockHandler({ clock })`, so a test
 * can move time on instead of waiting for it. (Node's own connection timeouts, in server.ts, stay
 * on the machine's time: they guard the process, not the answers.)
 */

/** Cancels a wait set with `Clock.after`; cancelling one that already ran does nothing. */
export type CancelWait = () => void;

export interface Clock {
  /** The time in milliseconds since the Unix epoch, as `Date.now()` counts. */
  now(): number;
  /** Runs `callback` once `ms` milliseconds have passed on this clock. */
  after(ms: number, callback: () => void): CancelWait;
}
