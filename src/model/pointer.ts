/**
 * JSON pointers (RFC 6901), the one place their escaping is written. Used for the `path` of every
 * validation issue, for the pointers into the bundled documents, and by the mock and the tests.
 * No imports: the lazily loaded validators use it too.
 */

/** One reference token, escaped: `~` becomes `~0`, `/` becomes `~1`. */
export const escapePointerToken = (token: string): string => token.replace(/~/g, "~0").replace(/\//g, "~1");

/** One reference token, unescaped (the reverse of `escapePointerToken`). */
export const unescapePointerToken = (token: string): string => token.replace(/~1/g, "/").replace(/~0/g, "~");

/** The pointer of a path of member names and indexes: `["Filters", 0, "key"]` is `/Filters/0/key`. */
export const toPointer = (path: readonly (string | number)[]): string => path.map((t) => `/${escapePointerToken(String(t))}`).join("");

/** The tokens of a pointer (with or without a leading `#`): `/Filters/0/key` is `["Filters", "0", "key"]`. */
export function parsePointer(pointer: string): string[] {
  const bare = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  if (bare === "") return [];
  if (!bare.startsWith("/")) throw new Error(`Not a JSON pointer: ${JSON.stringify(pointer)}`);
  return bare.slice(1).split("/").map(unescapePointerToken);
}

/** Whether a pointer designates something in `root` (own members only), and what. */
export function lookupByPointer(root: unknown, pointer: string): { found: boolean; value: unknown } {
  let current = root;
  for (const token of parsePointer(pointer)) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, token)) return { found: false, value: undefined };
    current = (current as Record<string, unknown>)[token];
  }
  return { found: true, value: current };
}

/** The value a pointer designates in `root`, or `undefined` when there is none (own members only). */
export const getByPointer = (root: unknown, pointer: string): unknown => lookupByPointer(root, pointer).value;
