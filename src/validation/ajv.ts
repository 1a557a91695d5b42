/**
 * The one ajv configuration. scripts/generate.ts compiles the standalone validators behind
 * `aws-ops-contract/validate` with it, and the mock and the tests compile with it at run time, so
 * none of them can disagree with the others. Not imported by the package's validators themselves
 * (they are precompiled; consumers never compile a schema).
 */
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { boundErrors } from "./bounded-errors.js";

export type Ajv = Ajv2020.default;

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
  addFormats.default(ajv, ["int32", "int64"]);
  return ajv;
}
