/**
 * A bounded, oldest-first buffer: at most `capacity` items and at most `maxWeight` of their total
 * weight (an estimate of the bytes each holds). Adding past either bound drops the oldest items, so
 * memory stays flat however long the mock runs. Adding and dropping cost O(1).
 */
export class Ring<T> {
  private readonly items: (T | undefined)[];
  private readonly weights: number[];
  private head = 0;
  private count = 0;
  private weight = 0;

  constructor(
    readonly capacity: number,
    readonly maxWeight = Number.POSITIVE_INFINITY,
  ) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError(`A ring's capacity must be a positive whole number (got ${String(capacity)})`);
    this.items = new Array<T | undefined>(capacity);
    this.weights = new Array<number>(capacity).fill(0);
  }

  get size(): number {
    return this.count;
  }

  /** The sum of the weights of the items held. */
  get totalWeight(): number {
    return this.weight;
  }

  push(item: T, weight = 0): void {
    if (this.count === this.capacity) this.dropOldest();
    const at = (this.head + this.count) % this.capacity;
    this.items[at] = item;
    this.weights[at] = weight;
    this.count++;
    this.weight += weight;
    // The newest item stays even when it alone is over the bound: the last request is always kept.
    while (this.weight > this.maxWeight && this.count > 1) this.dropOldest();
  }

  /** The items, oldest first. */
  toArray(): T[] {
    const out: T[] = new Array<T>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.items[(this.head + i) % this.capacity] as T;
    return out;
  }

  clear(): void {
    this.items.fill(undefined);
    this.weights.fill(0);
    this.head = 0;
    this.count = 0;
    this.weight = 0;
  }

  private dropOldest(): void {
    this.items[this.head] = undefined;
    this.weight -= this.weights[this.head]!;
    this.weights[this.head] = 0;
    this.head = (this.head + 1) % this.capacity;
    this.count--;
  }
}
