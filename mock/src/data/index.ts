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

export class MockData {
  private readonly tokens = new TokenIssuer();
  private generation = 0;
  private store: DataStore;
  private defaultSet: DataSet | undefined;

  /** Loads `source` (or the default data set); throws a DataSetError for an invalid one. */
  constructor(source?: DataSource) {
    this.store = new DataStore(source === undefined ? this.defaults() : loadDataSet(source), ++this.generation);
  }

  private defaults(): DataSet {
    this.defaultSet ??= loadDataSet(defaultDataSource(), "(default, from the spec's examples)");
    return this.defaultSet;
  }

  /** Replaces the data set with `raw`, freshly parsed (so not copied); or throws (a DataSetError) and keeps the current one. */
  replace(raw: unknown, source: string): DataStore {
    // `raw` was just parsed from the request: the mock's own.
    const set = loadDataSet(raw, source, { owned: true });
    this.store = new DataStore(set, ++this.generation);
    return this.store;
  }

  /** Goes back to the default data set. */
  reset(): DataStore {
    this.store = new DataStore(this.defaults(), ++this.generation);
    return this.store;
  }

  get current(): DataStore {
    return this.store;
  }

  /** The answer to a request for `operation` (as the mock serves it), or undefined when the data set does not serve it. */
  answer(operation: SpecOperation, body: Rec): DataAnswer | undefined {
    return answerFromData({ operation, store: this.store, tokens: this.tokens }, body);
  }
}
