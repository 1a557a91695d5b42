/**
 * The mock's data set: the one given (`--data FILE`, `startMock({ data })`, `PUT /_mock/data`) or
 * the default built from the spec's examples, loaded, validated and indexed once; and the answers
 * the operations give from it.
 */
import type { SpecOperation } from "aws-ops-contract/model";
import { answerFromData, type DataAnswer } from "./answers.js";
import { defaultDataSource } from "./default.js";
import { loadDataSet } from "./load.js";
import { TokenIssuer } from "./paging.js";
import { DataStore } from "./store.js";
import type { DataSet, DataSource, Rec } from "./types.js";

export { DataSetError, loadDataSet, parseDataText } from "./load.js";
export type { DataAnswer } from "./answers.js";
export type { DataSet, DataSource } from "./types.js";

/** What the data set reads the time from: the mock's clock (epoch ms). */
export interface DataClock {
  now(): number;
}

const MACHINE_TIME: DataClock = { now: () => Date.now() };

export class MockData {
  private readonly tokens = new TokenIssuer();
  private generation = 0;
  private store: DataStore;
  private defaultSet: DataSet | undefined;

  /**
   * Loads `source` (or the default data set); throws a DataSetError for an invalid one. `clock` is
   * the mock's: a data set's relative times ("now-2h") and its timelines count from the moment it loads.
   */
  constructor(source?: DataSource, private readonly clock: DataClock = MACHINE_TIME) {
    const now = clock.now();
    this.store = new DataStore(source === undefined ? this.defaults() : loadDataSet(source, undefined, { now }), ++this.generation, { loadedAt: now });
  }

  private defaults(): DataSet {
    this.defaultSet ??= loadDataSet(defaultDataSource(), "(default, from the spec's examples)");
    return this.defaultSet;
  }

  /** Replaces the data set with `raw`, freshly parsed (so not copied); or throws (a DataSetError) and keeps the current one. */
  replace(raw: unknown, source: string): DataStore {
    // `raw` was just parsed from the request: the mock's own.
    const now = this.clock.now();
    const set = loadDataSet(raw, source, { owned: true, now });
    this.store = new DataStore(set, ++this.generation, { loadedAt: now });
    return this.store;
  }

  /** Goes back to the default data set. */
  reset(): DataStore {
    this.store = new DataStore(this.defaults(), ++this.generation, { loadedAt: this.clock.now() });
    return this.store;
  }

  get current(): DataStore {
    return this.store;
  }

  /** The answer to a request for `operation` (as the mock serves it), or undefined when the data set does not serve it. */
  answer(operation: SpecOperation, body: Rec): DataAnswer | undefined {
    return answerFromData({ operation, store: this.store, tokens: this.tokens, now: this.clock.now() }, body);
  }
}
