/**
 * A static ReDoS verdict for the specs' patterns, built on redos-detector (pure JS, no timing).
 *
 * redos-detector scores the number of ways a backtracking engine can match one input prefix and
 * calls the score infinite as soon as that number grows with the input, which includes patterns
 * whose total work is still linear. Four AWS patterns the spec copies verbatim trip it that way:
 * unanchored alternatives (`[$]LATEST|...|^[1-9][0-9]*$`), which it models with a lazy `[^]*?`
 * prefix, and an optional `name#` prefix (`^([A-Za-z0-9._]+#)?[A-Za-z][A-Za-z0-9]*$`). So a pattern
 * passes when one of these proofs holds, each mechanical:
 *
 * 1. `detector`: redos-detector finds it safe as written.
 * 2. `alternatives`: it is a top-level alternation and every alternative is either anchored with
 *    `^` and passes on its own (the engine runs it once, at offset 0), or is safe anchored and
 *    matches at most a bounded number of characters (so the engine's retry at each offset costs
 *    a constant: linear overall).
 * 3. `optionalPrefix`: it is `^(C+d)?R` where `d` is a character the class `C` excludes, `^C+d`
 *    is safe and `^R` passes: the group can only end at the first `d`, so `R` runs from at most two
 *    offsets, each a linear pass.
 *
 * Anything else fails, including polynomial shapes such as `^a*a*$` or an unanchored `[0-9]*x`.
 */
import { isSafePattern } from "redos-detector";

export type Proof = "detector" | "alternatives" | "optionalPrefix";
export interface Verdict {
  safe: boolean;
  proof?: Proof;
  detail: string;
}

const detectorSafe = (pattern: string): boolean => isSafePattern(pattern, { unicode: true }).safe;

/**
 * The pattern's syntax characters: every character outside a class `[...]` and not escaped, with
 * its index and the group depth before it.
 */
function* syntax(pattern: string): Generator<{ c: string; i: number; depth: number }> {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else {
      yield { c, i, depth };
      if (c === "(") depth++;
      else if (c === ")") depth--;
    }
  }
}

/** Splits a pattern at its top-level `|`, honouring escapes, classes and groups. */
export function topLevelAlternatives(pattern: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const { c, i, depth } of syntax(pattern)) {
    if (c === "|" && depth === 0) {
      out.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  out.push(pattern.slice(start));
  return out;
}

/** Unwraps one pair of outer parentheses that enclose the whole pattern: `(x)` -> `x`. */
function unwrap(pattern: string): string {
  if (!pattern.startsWith("(") || !pattern.endsWith(")")) return pattern;
  const body = pattern.startsWith("(?:") ? pattern.slice(3, -1) : pattern.startsWith("(?") ? undefined : pattern.slice(1, -1);
  if (body === undefined) return pattern;
  // Only when the first "(" closes at the very end.
  for (const { c, i, depth } of syntax(pattern)) if (c === ")" && depth === 1 && i !== pattern.length - 1) return pattern;
  return body;
}

/** True when the pattern has no unbounded quantifier (`*`, `+`, `{n,}`) outside a class. */
export function boundedLength(pattern: string): boolean {
  for (const { c, i } of syntax(pattern)) {
    if (c === "*" || c === "+") return false;
    if (c === "{" && /^\{\d+,\}/.test(pattern.slice(i))) return false;
  }
  return true;
}

const OPTIONAL_PREFIX = /^\^\((?:\?:)?(\[(?:\\.|[^\]\\])+\])\+((?:\\.|[^\\()[\]|*+?{}^$.]))\)\?(.*)$/su;

export function checkPattern(pattern: string): Verdict {
  new RegExp(pattern, "u"); // throws on a pattern ajv could not compile either
  if (detectorSafe(pattern)) return { safe: true, proof: "detector", detail: "redos-detector: safe as written" };

  const alternatives = topLevelAlternatives(unwrap(pattern)).map(unwrap);
  if (alternatives.length > 1) {
    const failures = alternatives.filter((alt) => {
      const anchored = alt.startsWith("^");
      if (anchored) return !checkPattern(alt).safe;
      return !(boundedLength(alt) && checkPattern(`^(?:${alt})`).safe);
    });
    if (failures.length === 0) return { safe: true, proof: "alternatives", detail: `alternatives: ${alternatives.join(" | ")}` };
    return { safe: false, detail: `unsafe alternatives: ${failures.join(" | ")}` };
  }

  const prefix = OPTIONAL_PREFIX.exec(pattern);
  if (prefix) {
    const [, klass, delimiter, rest] = prefix as unknown as [string, string, string, string];
    const delimiterChar = delimiter.startsWith("\\") ? delimiter.slice(1) : delimiter;
    const excluded = !new RegExp(`^${klass}$`, "u").test(delimiterChar);
    if (excluded && detectorSafe(`^${klass}+${delimiter}`) && checkPattern(`^${rest}`).safe) {
      return { safe: true, proof: "optionalPrefix", detail: `optional prefix ${klass}+${delimiter} then ${rest}` };
    }
  }
  return { safe: false, detail: "redos-detector: backtracking grows with the input, and no linear-time proof applies" };
}
