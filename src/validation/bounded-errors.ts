/**
 * Keeps ajv's error collection linear and bounded. With `allErrors`, ajv's generated code appends a
 * referenced schema's errors with `vErrors.concat(...)`, copying the running list at every call: a
 * list of N invalid items costs O(N^2) time and keeps every error object (a 1 MiB body of `{}` items
 * blocked the mock for minutes). The rewrite below appends in place and, past ERROR_LIMIT errors,
 * appends one shared marker instead of the error: the count stays exact (ajv's own bookkeeping
 * compares counts), the kept list stays small, and `issuesFromAjvErrors` reports the markers as
 * "N more". No imports: generated/validators/*.js inline the same helpers.
 */

/** How many errors are kept; beyond it only their number is. */
export const ERROR_LIMIT = 100;
/** The keyword of the marker that stands for an error past the limit. */
export const OVER_LIMIT_KEYWORD = "errorLimit";

const HELPERS = [
  `const ajvErrorLimit = ${ERROR_LIMIT};`,
  `const ajvOverLimit = {instancePath:"",schemaPath:"",keyword:${JSON.stringify(OVER_LIMIT_KEYWORD)},params:{limit:${ERROR_LIMIT}},message:"more errors than the limit"};`,
  `function ajvAppendErrors(list, more) {`,
  `  if (list === null) list = [];`,
  `  for (let i = 0; i < more.length; i++) list.push(list.length < ajvErrorLimit ? more[i] : ajvOverLimit);`,
  `  return list;`,
  `}`,
].join("\n");

const CONCAT = /vErrors = vErrors === null \? ([\w.$]+) : vErrors\.concat\(\1\);/g;
const PUSH = /vErrors\.push\((err\d+)\);/g;

/**
 * Rewrites ajv-generated code (a compiled function body or a standalone module); throws when ajv's
 * output no longer has the shape rewritten here, so an ajv upgrade cannot bring the quadratic merge
 * back unnoticed.
 */
export function boundErrors(code: string): string {
  const rewritten = code
    .replace(CONCAT, "vErrors = ajvAppendErrors(vErrors, $1);")
    .replace(PUSH, "vErrors.push(vErrors.length < ajvErrorLimit ? $1 : ajvOverLimit);");
  if (/vErrors\.concat\(/.test(rewritten)) throw new Error("boundErrors: ajv's error merging has changed shape; update src/validation/bounded-errors.ts");
  if (/"use strict";/.test(rewritten.slice(0, 20))) return rewritten.replace(/^"use strict";/, `"use strict";\n${HELPERS}\n`);
  return `${HELPERS}\n${rewritten}`;
}
