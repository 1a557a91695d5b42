/**
 * Derives a fast-check arbitrary from a JSON Schema node of a bundled spec: every value it yields
 * satisfies the schema. Sizes are capped (strings, arrays, maps) so a property run stays small; the
 * caps never go below a schema's own minimums.
 *
 * Patterns go through `fc.stringMatching` (fast-check 4 supports classes, `\p{..}` with the `u`
 * flag, groups, alternation and counted repeats, but not lookaround assertions). A pattern it cannot
 * take falls back to filtering plain strings with the pattern, which suits the patterns that reject
 * only a few strings (`^(?!\s*$).+`). Either way the result is filtered with the same `u`-mode regex
 * ajv compiles, and with the code-point length bounds.
 */
import fc from "fast-check";
import type { OpenApiDoc } from "../openapi/load.js";
import { ANNOTATION_KEYWORDS, SUPPORTED_KEYWORDS, codePoints, isExtension, resolve, type Schema } from "./schema.js";

export interface ArbitraryOptions {
  /** Longest generated string when the schema allows longer (never below minLength). */
  maxString?: number;
  /** Most array items / map entries generated beyond the schema's minimum. */
  maxExtraItems?: number;
}

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

export function arbitraryFor(doc: OpenApiDoc, root: Schema, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const maxString = options.maxString ?? 16;
  const maxExtra = options.maxExtraItems ?? 2;

  const build = (node: Schema, where: string): fc.Arbitrary<unknown> => {
    const schema = resolve(doc, node);
    for (const key of Object.keys(schema)) {
      if (!SUPPORTED_KEYWORDS.has(key) && !ANNOTATION_KEYWORDS.has(key) && !isExtension(key)) {
        throw new Error(`${where}: keyword '${key}' is not supported by the schema->arbitrary translator`);
      }
    }
    if (schema.enum) return fc.constantFrom(...schema.enum);
    switch (schema.type) {
      case "boolean":
        return fc.boolean();
      case "integer": {
        const bounds = schema.format === "int32" || schema.format === undefined ? INT32 : { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
        return fc.integer({ min: schema.minimum ?? bounds.min, max: schema.maximum ?? bounds.max });
      }
      case "number":
        return fc.double({
          noNaN: true,
          noDefaultInfinity: true,
          ...(schema.minimum !== undefined ? { min: schema.minimum } : {}),
          ...(schema.maximum !== undefined ? { max: schema.maximum } : {}),
        });
      case "string":
        return stringArbitrary(schema, maxString);
      case "array": {
        const minLength = schema.minItems ?? 0;
        const maxLength = Math.min(schema.maxItems ?? Number.POSITIVE_INFINITY, minLength + maxExtra);
        return fc.array(build(schema.items ?? {}, `${where}/items`), { minLength, maxLength });
      }
      case "object":
        return objectArbitrary(schema, where);
      default:
        throw new Error(`${where}: schema has no type the translator knows (${JSON.stringify(schema).slice(0, 80)})`);
    }
  };

  const objectArbitrary = (schema: Schema, where: string): fc.Arbitrary<unknown> => {
    const extra = schema.additionalProperties;
    if (extra !== undefined && extra !== false && extra !== true) {
      // A map: keys from propertyNames, values from additionalProperties.
      if (schema.properties) throw new Error(`${where}: properties next to a map schema is not supported`);
      const minKeys = schema.minProperties ?? 0;
      const maxKeys = Math.min(schema.maxProperties ?? Number.POSITIVE_INFINITY, minKeys + maxExtra);
      const keys = stringArbitrary({ type: "string", ...(schema.propertyNames ? resolve(doc, schema.propertyNames) : {}) }, maxString)
        // Keys that are Object.prototype members would read as inherited, not own, in some tools.
        .filter((k) => !(k in Object.prototype));
      return fc.dictionary(keys as fc.Arbitrary<string>, build(extra, `${where}/additionalProperties`), { minKeys, maxKeys });
    }
    if (extra === true || extra === undefined) {
      // The spec closes every shape; an open one would need generated extra members to be tested.
      if (schema.properties) throw new Error(`${where}: open object shapes (no additionalProperties: false) are not supported`);
    }
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, member] of Object.entries(schema.properties ?? {})) shape[name] = build(member, `${where}/properties/${name}`);
    return fc.record(shape, { requiredKeys: [...(schema.required ?? [])] });
  };

  return build(root, root.$ref ?? "#");
}

export function stringArbitrary(schema: Schema, maxString = 16): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? Number.POSITIVE_INFINITY, maxString));
  const fitsLength = (s: string): boolean => {
    const n = codePoints(s);
    return n >= minLength && n <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
  };
  if (schema.pattern === undefined) {
    // "binary" units are single code points, so fast-check's lengths are JSON Schema's lengths.
    return fc.string({ unit: "binary", minLength, maxLength });
  }
  const regex = new RegExp(schema.pattern, "u");
  const matching = patternSupportedByStringMatching(schema.pattern)
    ? fc.stringMatching(regex)
    : fc.string({ unit: "binary", minLength, maxLength: Math.max(maxLength, 1) });
  return matching.filter((s) => fitsLength(s) && regex.test(s));
}

/** fast-check's stringMatching throws on construction for what it cannot generate (lookarounds). */
export function patternSupportedByStringMatching(pattern: string): boolean {
  try {
    fc.stringMatching(new RegExp(pattern, "u"));
    return true;
  } catch {
    return false;
  }
}
