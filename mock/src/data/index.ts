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
import { recordOf, withoutRecord, withRecord } from "./records.js";
import { DataStore } from "./store.js";
import type { DataSet, DataSource, Rec } from "./types.js";

export { DataSetError, loadDataSet, parseDataText } from "./load.js";
export { collectionNamed } from "./records.js";
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
  /** The data set this started with (`--data`, `startMock({ data })`, or the default), which `restoreInitial` brings back. */
  private readonly initial: DataStore;
  private defaultSet: DataSet | undefined;

  /**
   * Loads `source` (or the default data set); throws a DataSetError for an invalid one. `clock` is
   * the mock's: a data set's relative times ("now-2h") and its timelines count from the moment it loads.
   */
  constructor(source?: DataSource, private readonly clock: DataClock = MACHINE_TIME, startingFrom?: MockData) {
    const now = clock.now();
    // Another caller's start: the same records and indexes (a store is never changed in place), its own tokens.
    this.initial = startingFrom?.initial ?? new DataStore(source === undefined ? this.defaults() : loadDataSet(source, undefined, { now }), ++this.generation, { loadedAt: now });
    this.generation = Math.max(this.generation, Number(this.initial.generation));
    // A caller that starts later starts its timelines on its own clock, when it first calls.
    this.store = startingFrom ? new DataStore(this.initial.data, this.initial.generation, { loadedAt: now }) : this.initial;
  }

  /** A data set that starts from the one `other` started with, with tokens of its own (one per caller), on `clock`. */
  static startingLike(other: MockData, clock: DataClock = other.clock): MockData {
    return new MockData(undefined, clock, other);
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

  /**
   * Goes back to the data set this started with. Its tokens were issued for exactly those records,
   * so the ones issued before any change are valid again; those of any other data set are not.
   */
  restoreInitial(): DataStore {
    // The same records and generation (so the same tokens), with their timelines starting again now.
    this.store = new DataStore(this.initial.data, this.initial.generation, { loadedAt: this.clock.now() });
    return this.store;
  }

  /** Adds `record` to `collection`, or replaces the record with its ID; throws a DataSetError for an invalid one (nothing changes). */
  putRecord(collection: string, record: unknown, source = `the ${collection} record`): { created: boolean; store: DataStore } {
    const change = withRecord(this.store.data, collection, record, source);
    this.store = new DataStore(change.set, this.store.generation, { loadedAt: this.store.loadedAt, scopes: this.store.scopesAfter(change.scopes) });
    return { created: change.created, store: this.store };
  }

  /** Removes the record `id` of `collection` (for CommandInvocations: `<CommandId> <InstanceId>`); false when there is none. */
  removeRecord(collection: string, id: string): boolean {
    const change = withoutRecord(this.store.data, collection, id);
    if (!change) return false;
    this.store = new DataStore(change.set, this.store.generation, { loadedAt: this.store.loadedAt, scopes: this.store.scopesAfter(change.scopes) });
    return true;
  }

  /** The record `id` of `collection`, in wire form, or undefined. */
  record(collection: string, id: string): Rec | undefined {
    return recordOf(this.store.data, collection, id);
  }

  get current(): DataStore {
    return this.store;
  }

  /** The answer to a request for `operation` (as the mock serves it), or undefined when the data set does not serve it. */
  answer(operation: SpecOperation, body: Rec): DataAnswer | undefined {
    return answerFromData({ operation, store: this.store, tokens: this.tokens, now: this.clock.now() }, body);
  }
}
