/**
 * The package's maxLength/minLength try a string's UTF-16 length before counting its code points;
 * the verdicts and errors must be ajv's own for every string, surrogate pairs and lone surrogates
 * included, at and around each bound.
 */
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { createAjv } from "../../src/validation/ajv.js";

const PIECES = ["a", "😀", "\uD800", "\uDC00", "é"];

/** Every string of up to `max` pieces over PIECES (5^0 + ... + 5^max of them). */
function strings(max: number): string[] {
  let level = [""];
  const all = [""];
  for (let n = 1; n <= max; n++) {
    level = level.flatMap((s) => PIECES.map((p) => s + p));
    all.push(...level);
  }
  return all;
}

describe("maxLength and minLength count code points, as ajv does", () => {
  const ours = createAjv();
  const stock = new Ajv2020.default({ allErrors: true });
  const values = strings(5);

  it("the same verdict and errors as ajv's keyword for every bound from 0 to 6", () => {
    expect(values.length).toBeGreaterThan(3900);
    for (let limit = 0; limit <= 6; limit++) {
      for (const keyword of ["maxLength", "minLength"]) {
        const schema = { type: "string", [keyword]: limit };
        const mine = ours.compile(schema);
        const theirs = stock.compile(schema);
        for (const value of values) {
          const verdict = mine(value);
          expect(verdict, `${keyword} ${limit} ${JSON.stringify(value)}`).toBe(theirs(value));
          if (!verdict) expect(mine.errors).toEqual(theirs.errors);
        }
      }
    }
  });

  it("a pair of UTF-16 units that is one character counts once", () => {
    const validate = ours.compile({ type: "string", minLength: 3, maxLength: 3 });
    expect(validate("😀😀😀")).toBe(true); // 6 units, 3 characters
    expect(validate("😀😀")).toBe(false); // 4 units, 2 characters
    expect(validate("😀😀a\uD800")).toBe(false); // 6 units, 4 characters (a lone surrogate counts)
    expect(validate.errors).toEqual([expect.objectContaining({ keyword: "maxLength", params: { limit: 3 } })]);
  });
});
