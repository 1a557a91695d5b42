/**
 * What a test asks a running mock about the requests it answered, and how it puts the mock back:
 * the journal (`requests`, `clearRequests`), verification (`verify` throws, `check` reports),
 * `reset`, and single-record changes. The same interface in the process that started the mock
 * (`startMock()`'s RunningMock, `mock.caller(accessKeyId)`) and in any other process
 * (`connectMock(url, { accessKeyId })`, over the `/_mock/` routes), so the matchers of
 * `aws-ops-contract-mock/vitest` take either.
 */
import type { OperationName } from "aws-ops-contract/types";
import type { MockData } from "./data/index.js";
import type { JournalEntry, OperationEntry } from "./journal/entry.js";
import { checkFilter, type RequestFilter } from "./journal/filters.js";
import type { RequestJournal } from "./journal/request-journal.js";
import { checkVerification, verifyingWith, type CountVerification, type NthVerification, type SequenceVerification, type ShapeOf, type Verification, type VerificationResult } from "./verify/verify.js";

export interface MockControl {
  /** The journal's entries that pass `filter`, oldest first (typed by operation when one is named). */
  requests<Op extends OperationName>(filter: RequestFilter<Op> & { operation: Op }): Promise<OperationEntry<Op>[]>;
  requests(filter?: RequestFilter): Promise<JournalEntry[]>;
  /** Empties the journal. */
  clearRequests(): Promise<void>;
  /** Checks a verification; resolves with its result, passed or not. */
  check<Op extends OperationName>(verification: CountVerification<Op> | NthVerification<Op> | SequenceVerification): Promise<VerificationResult>;
  /** Checks a verification; rejects with a VerificationError (its message lists the near misses) when it fails. */
  verify<Op extends OperationName>(verification: CountVerification<Op> | NthVerification<Op> | SequenceVerification): Promise<VerificationResult>;
  /**
   * Back to the start: the data set the mock was started with, an empty journal, fresh fault
   * counters, and the mock's own clock back where it started.
   */
  reset(): Promise<void>;
  /** Replaces the data set (as PUT /_mock/data does); resolves with its counts. Refused whole, naming each fault, when invalid. */
  putData(dataSet: Record<string, unknown>): Promise<Record<string, number>>;
  /** Adds a record to a collection of the data set, or replaces the one with its ID. */
  putRecord(collection: string, record: Record<string, unknown>): Promise<{ created: boolean }>;
  /** Removes a record by its ID (CommandInvocations: `<CommandId> <InstanceId>`); false when there was none. */
  removeRecord(collection: string, id: string): Promise<boolean>;
}


/** What a MockControl in the mock's own process acts on: one caller's journal and data set. */
export interface ControlledState {
  journal: RequestJournal;
  data: MockData;
}

/**
 * The MockControl of one caller's state in the mock's process. `state` is asked on each call (a
 * caller's state is made on its first request, and may be dropped and made afresh); `reset` puts
 * that state back to the start (callers/reset.ts).
 */
export function localControl(state: () => ControlledState, shapeOf: ShapeOf, reset: () => void, filter: RequestFilter = {}): MockControl {
  const entries = (extra: RequestFilter = {}): JournalEntry[] => {
    checkFilter(extra);
    return state().journal.entries({ ...filter, ...extra });
  };
  const check = async (verification: Verification): Promise<VerificationResult> => {
    const { journal } = state();
    return checkVerification(entries(), verification, shapeOf, journal.dropped);
  };
  return {
    requests: (async (extra?: RequestFilter) => entries(extra)) as MockControl["requests"],
    async clearRequests() {
      state().journal.clear();
    },
    check,
    verify: verifyingWith(check),
    async reset() {
      reset();
    },
    async putData(dataSet) {
      return state().data.replace(structuredClone(dataSet), "putData()").counts();
    },
    async putRecord(collection, record) {
      return { created: state().data.putRecord(collection, record).created };
    },
    async removeRecord(collection, id) {
      return state().data.removeRecord(collection, id);
    },
  };
}
