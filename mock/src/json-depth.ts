/**
 * How deeply a parsed JSON value nests. JSON.parse takes any depth, but what reads the value next
 * (the validators, the messages quoting a value, JSON.stringify) recurses and would overflow the
 * stack on a body nested 100,000 deep, failing the request with a 500 that SDKs retry. AWS's JSON
 * front ends refuse such bodies as they parse them (Jackson's default limit is 1,000 levels); the
 * mock does the same, as a SerializationException, before anything else reads the body.
 */

/** The depth past which a request body is refused, as Jackson's default `maxNestingDepth`. */
export const MAX_JSON_DEPTH = 1000;

/** Whether `value` has arrays or objects nested more than `limit` deep. Iterative: no recursion. */
export function nestsDeeperThan(value: unknown, limit: number = MAX_JSON_DEPTH): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(current)) {
      if (child !== null && typeof child === "object") stack.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}
