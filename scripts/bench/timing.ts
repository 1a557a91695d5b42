/** Rate measurement: interleaved rounds of fixed work, median rate, so drift hits all contenders alike. */
import { performance } from "node:perf_hooks";

export interface Contender {
  label: string;
  /** One unit of work (one call, one validation). */
  run: () => unknown;
}

export interface Rate {
  label: string;
  /** Units of work per second, median over rounds. */
  perSecond: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * Runs `warmup` units of each contender, then `rounds` rounds in which each contender runs `perRound`
 * units in turn. Async work is awaited one unit at a time (sequential calls, like a paginator).
 */
export async function measureRates(contenders: Contender[], options: { warmup: number; rounds: number; perRound: number }): Promise<Rate[]> {
  for (const c of contenders) for (let i = 0; i < options.warmup; i++) await c.run();
  const samples = new Map<string, number[]>(contenders.map((c) => [c.label, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (const c of contenders) {
      const start = performance.now();
      for (let i = 0; i < options.perRound; i++) {
        const out = c.run();
        if (out instanceof Promise) await out;
      }
      samples.get(c.label)!.push((options.perRound * 1000) / (performance.now() - start));
    }
  }
  return contenders.map((c) => ({ label: c.label, perSecond: median(samples.get(c.label)!) }));
}
