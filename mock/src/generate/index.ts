/**
 * Generated data (`Prefer: dynamic=true`, or the mock's `dynamic` option) that looks like what the
 * services send: wire-form timestamps in order, real ID and ARN formats, counts that add up and
 * agree with the statuses. Repeatable: the same seed (`Prefer: seed=<text>`) and request give the same
 * answer; without a seed each answer is new. One hand-written generator per operation (this replaces
 * Prism's schema faker for these five).
 *
 * The generator makes records, never answers: each request's seeded data set (data-set.ts) is
 * answered by the code that answers a loaded data set (../data/answers.ts), so filters, lookups,
 * errors, page sizes, the 64 KB limit and tokens are the same rules. A listing's tokens carry its
 * seed and first page size, so the request that sends one back (with or without `seed=`) continues
 * the same records; the listing is finite, so paginators end.
 */
import { randomUUID } from "node:crypto";
import type { SpecOperation } from "aws-ops-contract/model";
import { bundledOperation } from "../data/bundled.js";
import { answerFromData, isDataOperation, type DataAnswer } from "../data/answers.js";
import { carriedBy, pageSizeOf, pagingOf, queryKey, TokenIssuer } from "../data/paging.js";
import { DataStore } from "../data/store.js";
import { dataSetFor } from "./data-set.js";
import { uuid } from "./ids.js";
import { seededRandom } from "./random.js";

export { generateDataSet, type GenerateDataSetOptions } from "./data-set.js";

/** One issuer for every generated listing of this process (the data sets differ by what the tokens carry). */
const tokens = new TokenIssuer();
const GENERATION = "generated";

/** The seed and first page size a generated listing's token carries. */
function listingOf(token: unknown, query: string): { seed: string; size: number } | undefined {
  const carried = carriedBy(token);
  // What a token carries is the client's text until its HMAC is checked: a forged size would make
  // the generator build millions of records before answerFromData refused the token.
  if (carried === undefined || !tokens.check(GENERATION, query, token as string, carried).ok) return undefined;
  try {
    const [seed, size] = JSON.parse(carried) as unknown[];
    return typeof seed === "string" && Number.isInteger(size) && (size as number) > 0 ? { seed, size: size as number } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The answer to a request from the data set generated for it: a success body, or the error the
 * request earns (a filter the operation does not take, a token it did not issue). Undefined for an
 * operation without a generator.
 */
export function answerGenerated(operation: SpecOperation | string, request: unknown, seed?: string): DataAnswer | undefined {
  const { operationId } = typeof operation === "string" ? { operationId: operation } : operation;
  if (!isDataOperation(operationId)) return undefined;
  // By name (tests, scripts): the bundled operation; the mock passes the operation it serves.
  const op = typeof operation === "string" ? bundledOperation(operationId) : operation;
  const input = request && typeof request === "object" && !Array.isArray(request) ? (request as Record<string, unknown>) : {};
  const paging = pagingOf(op.pagination);
  const listing = paging ? listingOf(input[paging.tokenMember], queryKey(operationId, input, paging.tokenMember, paging.sizeMember)) : undefined;
  const chosen = listing?.seed ?? seed ?? randomUUID();
  const size = listing?.size ?? pageSizeOf(paging, input);
  const random = seededRandom(`${operationId}\u0000${chosen}`);
  const set = dataSetFor(operationId, random, input, size);
  const requestId = uuid(random);
  const store = new DataStore(set, GENERATION);
  return answerFromData({ operation: op, store, tokens, carry: JSON.stringify([chosen, size]), requestId: () => requestId }, input);
}

/** The generated success body for a request (undefined for an operation without a generator); throws for a request it refuses. */
export function generate(operationId: string, request: unknown, seed?: string): Record<string, unknown> | undefined {
  const answer = answerGenerated(operationId, request, seed);
  if (answer === undefined) return undefined;
  if (!answer.ok) throw new Error(`${answer.error.name}: ${answer.error.message}`);
  return JSON.parse(answer.body) as Record<string, unknown>;
}

/**
 * The mock's hook: the generated answer if there is a generator for the operation and its success
 * body fits the served document (`fits`: a document given with `specs` may differ from the bundled
 * one); otherwise undefined, and the mock answers the documented example.
 */
export function generatedAnswer(operation: SpecOperation, request: unknown, seed: string | undefined, fits: (body: unknown) => boolean): DataAnswer | undefined {
  const answer = answerGenerated(operation, request, seed);
  return answer !== undefined && (!answer.ok || fits(JSON.parse(answer.body))) ? answer : undefined;
}
