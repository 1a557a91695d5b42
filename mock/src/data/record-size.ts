/**
 * A record's size on the wire, bounded. A page of an answer holds at least one record, so without a
 * bound on the record the 64 KB page limit (paging.ts) would bound nothing: a YAML alias or a long
 * string can make one record of a hundred megabytes, sent whole by every request that lists it.
 */

/** The largest record, as JSON characters: far above any the services send (a command's parameters, a step's outputs). */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** The length of `value` as JSON, counted only until it passes `limit` (then some number above it). */
export function jsonLengthUpTo(value: unknown, limit: number): number {
  let total = 0;
  const walk = (node: unknown): void => {
    if (total > limit) return;
    if (typeof node === "string") total += node.length + 2;
    else if (typeof node === "number" || typeof node === "boolean") total += String(node).length;
    else if (node === null) total += 4;
    else if (Array.isArray(node)) {
      total += 2 + Math.max(0, node.length - 1);
      for (const item of node) {
        walk(item);
        if (total > limit) return;
      }
    } else if (typeof node === "object") {
      total += 2;
      for (const key in node) {
        total += key.length + 4;
        walk((node as Record<string, unknown>)[key]);
        if (total > limit) return;
      }
    }
  };
  walk(value);
  return total;
}
