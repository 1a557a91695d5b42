/**
 * The request journal: the newest entries of what the mock answered, oldest first, bounded by count
 * (DEFAULT_JOURNAL_SIZE) and by the bytes they hold (DEFAULT_JOURNAL_BYTES), so that a long run keeps
 * flat memory: past either bound the oldest entries are dropped. Entries are recorded from the event
 * each answer emits; the journal only keeps and filters them.
 */
import type { JournalEntry } from "./entry.js";
import { applyFilter, type RequestFilter } from "./filters.js";
import { Ring } from "./ring.js";

/** Entries kept by default: the requests of a large test file, a few KB each. */
export const DEFAULT_JOURNAL_SIZE = 1000;
/** The most the entries hold together by default (their bodies and headers), whatever their count. */
export const DEFAULT_JOURNAL_BYTES = 32 * 1024 * 1024;

export interface JournalOptions {
  /** Entries kept (the newest); 0 turns the journal off. Default DEFAULT_JOURNAL_SIZE. */
  size?: number;
  /** The most bytes of request bodies and headers the entries hold together. Default DEFAULT_JOURNAL_BYTES. */
  maxBytes?: number;
}

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;
/** An entry before the journal numbers it. */
export type NewEntry = WithoutId<JournalEntry>;

/** Checks the options (a bad value is named) and fills in the defaults. */
export function resolveJournalOptions(options: JournalOptions = {}): Required<JournalOptions> {
  const size = options.size ?? DEFAULT_JOURNAL_SIZE;
  const maxBytes = options.maxBytes ?? DEFAULT_JOURNAL_BYTES;
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`journal.size must be a whole number, 0 or more (got ${String(size)})`);
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new RangeError(`journal.maxBytes must be a positive whole number (got ${String(maxBytes)})`);
  return { size, maxBytes };
}

/**
 * An entry as kept: made when first read, not when recorded, so that a request pays only for
 * keeping what it already has (its answer's event), not for shaping an entry nobody may read.
 */
interface Kept {
  id: number;
  make: () => NewEntry;
  entry?: JournalEntry;
}

export class RequestJournal {
  private readonly ring: Ring<Kept> | undefined;
  private nextId = 1;
  /** Entries recorded since the last clear (to tell how many the bounds dropped). */
  private recorded = 0;

  constructor(options: JournalOptions = {}) {
    const { size, maxBytes } = resolveJournalOptions(options);
    this.ring = size === 0 ? undefined : new Ring<Kept>(size, maxBytes);
  }

  /** Whether entries are kept (a journal of size 0 keeps none). */
  get enabled(): boolean {
    return this.ring !== undefined;
  }

  get size(): number {
    return this.ring?.size ?? 0;
  }

  /** How many entries recorded since the last clear are no longer kept (the bounds dropped them). */
  get dropped(): number {
    return this.recorded - this.size;
  }

  /**
   * Numbers and keeps an entry (or what makes it, on first read); `bytes` is what it holds (its body
   * and headers), for the byte bound. Returns the entry's ID.
   */
  record(entry: NewEntry | (() => NewEntry), bytes: number): number {
    const id = this.nextId++;
    if (this.ring) {
      this.ring.push(typeof entry === "function" ? { id, make: entry } : { id, make: () => entry }, bytes);
      this.recorded++;
    }
    return id;
  }

  /** The entries that pass `filter`, oldest first. */
  entries(filter?: RequestFilter): JournalEntry[] {
    const kept = this.ring?.toArray() ?? [];
    return applyFilter(kept.map((k) => (k.entry ??= { id: k.id, ...k.make() } as JournalEntry)), filter);
  }

  /** Forgets every entry; IDs keep counting, so an entry seen before is never confused with a later one. */
  clear(): void {
    this.ring?.clear();
    this.recorded = 0;
  }
}
