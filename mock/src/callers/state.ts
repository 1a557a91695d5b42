/**
 * A caller's state (stages/types.ts CallerState): made from the mock's start, and put back to it.
 * Every caller starts from the data set the mock was started with (shared, never changed in place:
 * each caller's changes make a data set of its own) with empty fault counters and journal.
 */
import type { Clock } from "../clock/clock.js";
import { MockData, type DataSource } from "../data/index.js";
import { AttemptCounter } from "../faults/attempts.js";
import { RequestJournal, type JournalOptions } from "../journal/request-journal.js";
import type { CallerState } from "../stages/types.js";

/** A clock that can go back to where it started (a manual clock the mock owns). */
interface ResettableClock extends Clock {
  reset(): unknown;
}
/** A clock that can give a copy of itself, starting where it started: one per caller. */
interface ForkableClock extends Clock {
  fork(): Clock;
}
const isResettable = (clock: Clock): clock is ResettableClock => typeof (clock as Partial<ResettableClock>).reset === "function";
const isForkable = (clock: Clock): clock is ForkableClock => typeof (clock as Partial<ForkableClock>).fork === "function";

export interface CallerStates {
  /** A new caller's state, as the mock started. The first one made (the shared state) loads the start data set. */
  create(): CallerState;
  /**
   * Back to the start: the start data set (its tokens valid again), an empty journal, fresh
   * fault counters; and the clock back to its start when this state has it to itself.
   */
  reset(state: CallerState): void;
}

/**
 * `isolated`: callers get states of their own. Each then gets its own copy of the mock's clock when
 * the clock can make one (`fork()`); otherwise they share the mock's clock, which a reset then
 * leaves alone (it would move every caller's time).
 */
export function callerStates(options: { data: DataSource | undefined; clock: Clock; journal: JournalOptions | undefined; isolated: boolean }): CallerStates {
  let first: MockData | undefined;
  const { clock } = options;
  return {
    create() {
      if (!first) {
        first = new MockData(options.data, clock);
        return { data: first, attempts: new AttemptCounter(), clock, journal: new RequestJournal(options.journal) };
      }
      const own = isForkable(clock) ? clock.fork() : clock;
      return { data: MockData.startingLike(first, own), attempts: new AttemptCounter(), clock: own, journal: new RequestJournal(options.journal) };
    },
    reset(state) {
      // The clock first: the data set's timelines start again at the reset clock's time.
      const ownClock = !options.isolated || state.clock !== clock;
      if (ownClock && isResettable(state.clock)) state.clock.reset();
      state.data.restoreInitial();
      state.journal.clear();
      state.attempts.clear();
    },
  };
}
