/**
 * The one ajv configuration. scripts/generate.ts compiles the standalone validators behind
 * `aws-ops-contract/validate` with it, and the mock and the tests compile with it at run time, so
 * none of them can disagree with the others. Not imported by the package's validators themselves
 * (they are precompiled; consumers never compile a schema).
 */
import Ajv2020, { _, type CodeKeywordDefinition, type KeywordCxt } from "ajv/dist/2020.js";
import { useFunc } from "ajv/dist/compile/util.js";
import ucs2length from "ajv/dist/runtime/ucs2length.js";
import limitLength from "ajv/dist/vocabularies/validation/limitLength.js";
import addFormats from "ajv-formats";
import { boundErrors } from "./bounded-errors.js";

export type Ajv = Ajv2020.default;

/**
 * A CommonJS module's `exports.default`: Node's ESM loader hands over `module.exports` (which holds
 * it), vitest's loader `exports.default` itself.
 */
const cjsDefault = <T>(module: { default: T }): T => (module.default ?? module) as T;
const ucs2 = cjsDefault(ucs2length);

/**
 * ajv's `maxLength`/`minLength` (same errors, same verdicts: lengths in code points), with the
 * UTF-16 length tried first. A string of U units has between U/2 and U code points, so it is within
 * a `maxLength` of N when U <= N, short of a `minLength` of N when U < N and long enough when
 * U >= 2N; only otherwise are its code points counted. Counting every string twice was a fifth of
 * a page's validation time. (ajv's own keyword reaches ucs2length through the same `useFunc`.)
 */
const limitLengthByUnitsFirst: CodeKeywordDefinition = {
  ...cjsDefault(limitLength),
  // Where ajv has them, so errors keep their order (maxLength, minLength, then pattern).
  before: "pattern",
  code(cxt: KeywordCxt) {
    const { keyword, data, schemaCode, gen } = cxt;
    const codePoints = _`${useFunc(gen, ucs2)}(${data})`;
    cxt.fail$data(
      keyword === "maxLength"
        ? _`${data}.length > ${schemaCode} && ${codePoints} > ${schemaCode}`
        : _`${data}.length < ${schemaCode} || (${data}.length < 2 * ${schemaCode} && ${codePoints} < ${schemaCode})`,
    );
  },
};

/**
 * `standalone: true` keeps the source for ajv's standalone code (scripts/generate.ts then applies
 * `boundErrors` to the module); otherwise compiled functions are rewritten as they are compiled.
 * `inlineRefs`: a `$ref`'d type is compiled into its user's code rather than called as a function
 * with a new options object and `instancePath` string per member, which took a third of a page's
 * validation time; verdicts are the same.
 * Strict: the input is the JSON Schema of src/model/json-schema.ts, which has no OpenAPI-only keyword.
 */
export function createAjv(options: { standalone?: boolean } = {}): Ajv {
  const ajv = new Ajv2020.default({
    strict: true,
    allErrors: true,
    inlineRefs: true,
    logger: false,
    code: options.standalone
      ? { source: true, esm: true, lines: true }
      : { process: (code: string) => boundErrors(code) },
  });
  ajv.removeKeyword("maxLength").removeKeyword("minLength").addKeyword(limitLengthByUnitsFirst);
  addFormats.default(ajv, ["int32", "int64"]);
  return ajv;
}
