/**
 * The mock's clock: what "now" is for the `Date` header, the SigV4 signing window, the attempts of
 * `Prefer: failures` and the data set's times, and what runs the waits a request asks for
 * (`Prefer: delay`). Injected through `startMock({ clock })` / `createMockHandler({ clock })`, so a
 * test can move time on instead of waiting for it. The waits that guard the process (Node's
 * connection timeouts, the body's idle timeout, the drain after a refused body) stay on the
 * machine's time: a clock a test has stopped must not let a stalled client hold a connection.
 */

/** Cancels a wait set with `Clock.after`; cancelling one that already ran does nothing. */
export type CancelWait = () => void;

export interface Clock {
  /** The time in milliseconds since the Unix epoch, as `Date.now()` counts. */
  now(): number;
  /** Runs `callback` once `ms` milliseconds have passed on this clock. */
  after(ms: number, callback: () => void): CancelWait;
}
