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
  reset(): void;
}
const isResettable = (clock: Clock): clock is ResettableClock => typeof (clock as Partial<ResettableClock>).reset === "function";

export interface CallerStates {
  /** A new caller's state, as the mock started. The first one made loads the start data set. */
  create(): CallerState;
  /**
   * Back to the start: the start data set (its tokens valid again), an empty journal, fresh
   * fault counters; and the clock back to its start when this state owns it.
   */
  reset(state: CallerState): void;
}

export function callerStates(options: { data: DataSource | undefined; clock: Clock; journal: JournalOptions | undefined; ownsClock: boolean }): CallerStates {
  let first: MockData | undefined;
  return {
    create() {
      const data = first ? MockData.startingLike(first) : (first = new MockData(options.data));
      return { data, attempts: new AttemptCounter(), clock: options.clock, journal: new RequestJournal(options.journal) };
    },
    reset(state) {
      state.data.restoreInitial();
      state.journal.clear();
      state.attempts.clear();
      if (options.ownsClock && isResettable(state.clock)) state.clock.reset();
    },
  };
}
