/**
 * Finds the members a JSON text names twice in one object. `JSON.parse` keeps the last of them
 * without a word, which in a data set hides a mistake (YAML refuses the same file); this scan, run
 * over text `JSON.parse` has already accepted, reports where each one is. One pass over the
 * characters, no values built: a 256 MiB data set costs about what its parse costs.
 */

/** Where a member is named twice: the path to its object (member names and array indices) and the name. */
export interface DuplicateKey {
  path: (string | number)[];
  key: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

interface Frame {
  /** The member names seen so far (objects), or undefined (arrays). */
  keys: Set<string> | undefined;
  /** The member or index whose value is being read. */
  at: string | number;
}

/** Up to `max` duplicates, in the order they appear. `text` must be valid JSON. */
export function duplicateKeys(text: string, max = 20): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i + 1;
      let escaped = false;
      i++;
      for (; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) {
          escaped = true;
          i++;
        } else if (d === QUOTE) break;
      }
      if (!expectKey) continue;
      const raw = text.slice(start, i);
      const key = escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
      const frame = stack[stack.length - 1]!;
      if (frame.keys!.has(key)) {
        found.push({ path: stack.slice(0, -1).map((f) => f.at), key });
        if (found.length >= max) return found;
      } else frame.keys!.add(key);
      frame.at = key;
      expectKey = false;
    } else if (c === OPEN_OBJECT) {
      stack.push({ keys: new Set(), at: "" });
      expectKey = true;
    } else if (c === OPEN_ARRAY) {
      stack.push({ keys: undefined, at: 0 });
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      stack.pop();
      expectKey = false;
    } else if (c === COMMA) {
      const frame = stack[stack.length - 1]!;
      if (frame.keys) expectKey = true;
      else frame.at = (frame.at as number) + 1;
    } else if (c === COLON) {
      expectKey = false;
    }
  }
  return found;
}
