/**
 * Decides where a valid request's answer comes from (an AnswerSource), from its `Prefer` header and
 * its body:
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
import type { IndexedOperation } from "aws-ops-contract/model";
import { examplesByStatus } from "../operations.js";
import type { Preferences } from "../prefer.js";
import type { AnswerSource, ExampleChoice } from "./types.js";

export type SourceChoice = { ok: true; source: AnswerSource } | { ok: false; message: string };

const FIRST_PAGE = "FirstPage";
const LAST_PAGE = "LastPage";

export function describeExamples(op: IndexedOperation): string {
  return [...examplesByStatus(op)].map(([status, names]) => `${status}${names.length ? ` (${names.join(", ")})` : ""}`).join("; ");
}

/** Whether a source answers with an error status (only a documented error example does). */
export function answersError(source: AnswerSource): boolean {
  return source.kind === "example" && (source.example.code ?? 200) >= 300;
}

export function chooseSource(op: IndexedOperation, preferences: Preferences, body: unknown, dynamicByDefault: boolean): SourceChoice {
  const examples = examplesByStatus(op);
  let { code, example } = preferences;
  const documented = `documented for ${op.operationId}: ${describeExamples(op)}`;
  if (code !== undefined && !examples.has(code)) {
    return { ok: false, message: `Prefer: code=${code} is not a response ${documented}` };
  }
  if (example !== undefined) {
    const wanted = example;
    const statuses = [...examples.keys()].sort((a, b) => a - b).filter((status) => examples.get(status)!.includes(wanted));
    if (code === undefined) code = statuses[0];
    if (code === undefined || !statuses.includes(code)) {
      return { ok: false, message: `Prefer: example=${example} is not an example ${code === undefined ? "" : `of the ${code} response `}${documented}` };
    }
  }
  const successStatus = [...examples.keys()].filter((status) => status < 300).sort((a, b) => a - b)[0] ?? 200;
  const status = code ?? successStatus;

  if (status >= 300) {
    // An error status is only reached by asking for a code or an example: never the data set.
    const errorName = example ?? examples.get(status)?.[0];
    const choice: ExampleChoice = { code: status, stripToken: false };
    if (errorName !== undefined) {
      choice.exampleKey = errorName;
      choice.errorName = errorName;
    }
    return { ok: true, source: { kind: "example", example: choice } };
  }

  const dynamic = preferences.dynamic ?? dynamicByDefault;
  const choice: ExampleChoice = { stripToken: false };
  if (code !== undefined) choice.code = code;
  if (carriesToken(op, body)) {
    const pages = examples.get(status) ?? [];
    if ((example === undefined && !dynamic) || example === FIRST_PAGE) {
      if (pages.includes(LAST_PAGE)) example = LAST_PAGE;
      else choice.stripToken = true;
    } else {
      choice.stripToken = true;
    }
  }
  if (example !== undefined) choice.exampleKey = example;
  if (preferences.code === undefined && preferences.example === undefined && !dynamic) return { ok: true, source: { kind: "dataSet", fallback: choice } };
  if (dynamic && choice.exampleKey === undefined) return { ok: true, source: { kind: "generated", seed: preferences.seed, fallback: choice } };
  return { ok: true, source: { kind: "example", example: choice } };
}

function carriesToken(op: IndexedOperation, body: unknown): boolean {
  if (!op.pagination || !body || typeof body !== "object") return false;
  const token = (body as Record<string, unknown>)[op.pagination.inputToken];
  return typeof token === "string" && token !== "";
}
