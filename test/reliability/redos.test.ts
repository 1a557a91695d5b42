/**
 * Every `pattern` in both bundled specs (schemas and parameters) passes a static ReDoS check: no
 * input makes the backtracking engine's work grow faster than the input. No timing is measured.
 */
import { describe, expect, it } from "vitest";
import { API_NAMES, loadSpec } from "../openapi/load.js";
import { boundedLength, checkPattern, topLevelAlternatives } from "./redos.js";

function specPatterns(): Array<{ where: string; pattern: string }> {
  const out: Array<{ where: string; pattern: string }> = [];
  for (const api of API_NAMES) {
    const walk = (node: unknown, pointer: string): void => {
      if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${pointer}/${i}`));
      else if (node && typeof node === "object") {
        const record = node as Record<string, unknown>;
        // A `pattern` keyword is a string next to a `type: string`; a property named "pattern" is not.
        if (typeof record["pattern"] === "string" && record["type"] === "string") out.push({ where: `${api}:${pointer}`, pattern: record["pattern"] });
        for (const [key, child] of Object.entries(record)) walk(child, `${pointer}/${key}`);
      }
    };
    walk(loadSpec(api), "#");
  }
  return out;
}

const patterns = specPatterns();

describe("ReDoS: the specs' patterns", () => {
  it("finds the patterns of both specs", () => {
    expect(patterns.length).toBeGreaterThanOrEqual(15);
    expect(new Set(patterns.map((p) => p.where.split(":")[0]))).toEqual(new Set(API_NAMES));
  });

  it.each(patterns.map((p) => [p.where, p.pattern] as const))("%s %s is safe", (_where, pattern) => {
    const verdict = checkPattern(pattern);
    expect(verdict.safe, verdict.detail).toBe(true);
  });
});

describe("ReDoS: the checker itself", () => {
  it.each([
    ["^(a+)+$", "nested quantifiers (exponential)"],
    ["(a|a)*b", "overlapping alternation under a star (exponential)"],
    ["^(\\w+\\s?)*$", "the classic word-list pattern (exponential)"],
    ["^a*a*$", "two overlapping stars (quadratic)"],
    ["[0-9]*x", "unanchored unbounded run (quadratic over offsets)"],
    ["x|[0-9]*y", "an unbounded unanchored alternative"],
    ["^([a-z]+a)?[a-z]*$", "an optional prefix whose delimiter its own class matches"],
  ])("rejects %s: %s", (pattern) => {
    expect(checkPattern(pattern).safe).toBe(false);
  });

  it.each([
    ["^[a-z]{3,8}$", "detector"],
    ["abc|^d+$", "alternatives"],
    ["(\\d{12})$|^ou-[a-z]+$", "alternatives"],
    ["^([a-z]+#)?[a-z]*$", "optionalPrefix"],
  ])("accepts %s by the %s proof", (pattern, proof) => {
    expect(checkPattern(pattern)).toMatchObject({ safe: true, proof });
  });

  it("splits alternatives only at the top level", () => {
    expect(topLevelAlternatives("(a|b)|[|]|c\\|d")).toEqual(["(a|b)", "[|]", "c\\|d"]);
  });

  it("tells bounded from unbounded lengths", () => {
    expect(boundedLength("[$]LATEST")).toBe(true);
    expect(boundedLength("(\\d{12})$")).toBe(true);
    expect(boundedLength("[*+]{2,5}")).toBe(true);
    expect(boundedLength("a{2,}")).toBe(false);
    expect(boundedLength("a+")).toBe(false);
  });
});
