/**
 * Decides where a valid request's answer comes from, from its `Prefer` header and its body:
 * - no preference: the data set (see data/), for the operations it serves; otherwise, or for an
 *   operation it does not serve, the first example of the lowest 2xx response;
 * - `code=N` and/or `example=Name`: that response and example (`example` alone finds its status);
 * - `dynamic=true` (or the mock's `dynamic` option): generated data (generate/), or the first example
 *   where the generator does not know the operation;
 * - errors are always the documented examples, even in dynamic mode, because the example's name is
 *   the AWS error name the SDK turns into a typed exception;
 * - with an example, a request that carries a pagination token always gets a last page (the
 *   `LastPage` example, or the chosen page without its token), so that paginators end after at most
 *   two pages (the data set and generated data page for real, with their own tokens).
 */
import type { MockOperation } from "./operations.js";
import type { Preferences } from "./prefer.js";
import type { MockChoice } from "./prism.js";

export interface Decision {
  /** The documented example, when Prism answers (not the data set, not generated data). */
  choice: MockChoice;
  /** Answer with generated data (generate/), unless an example is named. */
  dynamic: boolean;
  /** The generated data's seed (`Prefer: seed=`). */
  seed?: string;
  /** The documented error example served, whose key is the AWS error name (for `x-amzn-ErrorType`). */
  errorName?: string;
  /** Remove the pagination token from the answer. */
  stripToken: boolean;
  /** No documented example and no generated data asked for: the data set answers (when it serves the operation). */
  fromData: boolean;
}

export type DecisionResult = { ok: true; decision: Decision } | { ok: false; message: string };

const FIRST_PAGE = "FirstPage";
const LAST_PAGE = "LastPage";

export function describeExamples(op: MockOperation): string {
  return [...op.examples].map(([status, names]) => `${status}${names.length ? ` (${names.join(", ")})` : ""}`).join("; ");
}

export function decide(op: MockOperation, preferences: Preferences, body: unknown, dynamicByDefault: boolean): DecisionResult {
  let { code, example } = preferences;
  const documented = `documented for ${op.operationId}: ${describeExamples(op)}`;
  if (code !== undefined && !op.examples.has(code)) {
    return { ok: false, message: `Prefer: code=${code} is not a response ${documented}` };
  }
  if (example !== undefined) {
    const wanted = example;
    const statuses = [...op.examples.keys()].sort((a, b) => a - b).filter((status) => op.examples.get(status)!.includes(wanted));
    if (code === undefined) code = statuses[0];
    if (code === undefined || !statuses.includes(code)) {
      return { ok: false, message: `Prefer: example=${example} is not an example ${code === undefined ? "" : `of the ${code} response `}${documented}` };
    }
  }
  const successStatus = [...op.examples.keys()].filter((status) => status < 300).sort((a, b) => a - b)[0] ?? 200;
  const status = code ?? successStatus;

  if (status >= 300) {
    const errorName = example ?? op.examples.get(status)?.[0];
    const choice: MockChoice = { code: status };
    if (errorName !== undefined) choice.exampleKey = errorName;
    // An error status is only reached by asking for a code or an example: never the data set.
    return { ok: true, decision: errorName === undefined ? { choice, dynamic: false, stripToken: false, fromData: false } : { choice, dynamic: false, errorName, stripToken: false, fromData: false } };
  }

  const dynamic = preferences.dynamic ?? dynamicByDefault;
  const fromData = preferences.code === undefined && preferences.example === undefined && !dynamic;
  const choice: MockChoice = {};
  if (code !== undefined) choice.code = code;
  let stripToken = false;
  if (carriesToken(op, body)) {
    const pages = op.examples.get(status) ?? [];
    if ((example === undefined && !dynamic) || example === FIRST_PAGE) {
      if (pages.includes(LAST_PAGE)) example = LAST_PAGE;
      else stripToken = true;
    } else {
      stripToken = true;
    }
  }
  if (example !== undefined) choice.exampleKey = example;
  const decision: Decision = { choice, dynamic, stripToken, fromData };
  if (preferences.seed !== undefined) decision.seed = preferences.seed;
  return { ok: true, decision };
}

function carriesToken(op: MockOperation, body: unknown): boolean {
  if (!op.token || !body || typeof body !== "object") return false;
  const token = (body as Record<string, unknown>)[op.token.input];
  return typeof token === "string" && token !== "";
}
