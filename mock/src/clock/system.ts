/** The machine's clock: `Date.now()` and Node's timers. The default. */
import type { Clock } from "./clock.js";

export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, callback) {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};
