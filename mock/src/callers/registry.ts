/**
 * One state per caller, when isolation is asked for: each access key ID gets its own state (data
 * set, fault counters, clock, journal), made on its first request from the mock's start; requests
 * without credentials, and every request when isolation is off, share one state. The number of
 * states is bounded (the least recently used is dropped past it), so memory stays flat however many
 * keys a run uses; a caller dropped and seen again starts afresh.
 */

/** `"none"`: every caller shares one state (the default). `"accessKeyId"`: one state per access key ID. */
export type Isolation = "none" | "accessKeyId";
export const ISOLATION_MODES: readonly Isolation[] = ["none", "accessKeyId"];

/** States kept at most besides the shared one: far more test files than a run starts at once. */
export const DEFAULT_MAX_CALLERS = 256;

export function checkIsolation(value: unknown): Isolation {
  if (value === undefined) return "none";
  if (!(ISOLATION_MODES as readonly unknown[]).includes(value)) throw new Error(`isolation must be ${ISOLATION_MODES.map((m) => `"${m}"`).join(" or ")} (got ${JSON.stringify(value)})`);
  return value as Isolation;
}

export class CallerRegistry<S> {
  /** The state of requests without an access key ID, and of every request without isolation. */
  readonly shared: S;
  private readonly byKey = new Map<string, S>();

  constructor(
    readonly isolation: Isolation,
    private readonly create: () => S,
    readonly maxCallers = DEFAULT_MAX_CALLERS,
  ) {
    if (!Number.isSafeInteger(maxCallers) || maxCallers < 1) throw new RangeError(`maxCallers must be a positive whole number (got ${String(maxCallers)})`);
    this.shared = create();
  }

  /** The state a request with this access key ID answers from (made on first use). */
  stateFor(accessKeyId: string | undefined): S {
    if (this.isolation === "none" || accessKeyId === undefined) return this.shared;
    let state = this.byKey.get(accessKeyId);
    if (state === undefined) {
      state = this.create();
      if (this.byKey.size >= this.maxCallers) this.byKey.delete(this.byKey.keys().next().value!);
    } else {
      // Re-inserted: Map order is then least recently used first.
      this.byKey.delete(accessKeyId);
    }
    this.byKey.set(accessKeyId, state);
    return state;
  }

  /** Every state: the shared one first, then each caller's. */
  states(): S[] {
    return [this.shared, ...this.byKey.values()];
  }

  /** The access key IDs with a state of their own, least recently used first. */
  callers(): string[] {
    return [...this.byKey.keys()];
  }
}
