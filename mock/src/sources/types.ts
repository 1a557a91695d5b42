/**
 * Where an answer comes from (no run-time code). The `faults` stage decides one; the `answer` stage
 * asks it. A new source (the real service, through a proxy) is one more member here and one more
 * entry in sources/index.ts.
 */
import type { IndexedOperation } from "aws-ops-contract/model";
import type { Outcome } from "../protocol.js";
import type { RequestContext } from "../stages/types.js";

export type AnswerSource =
  /** The records of the caller's data set, paged for real; `fallback` where it lacks the operation (a custom --spec). */
  | { kind: "dataSet"; fallback: ExampleChoice }
  /** A documented example of the operation (built by Prism, loaded on first use). */
  | { kind: "example"; example: ExampleChoice }
  /** Data generated for the request (mock/src/generate), valid against the response schema; `fallback` where the generator does not know the operation. */
  | { kind: "generated"; seed: string | undefined; fallback: ExampleChoice };

/** The documented example to answer with. */
export interface ExampleChoice {
  /** The response status (default the lowest 2xx). */
  code?: number;
  /** The example's name (default the response's first); for an error, the AWS error name. */
  exampleKey?: string;
  /** The AWS error name the answer carries (the error example's key), for error statuses. */
  errorName?: string;
  /** Take the pagination token out of the answer (a request that carries a token gets a last page). */
  stripToken: boolean;
}

/**
 * A source's answer for a request: the outcome, or undefined when it cannot answer this operation
 * (the next source in its fallback, the documented example, answers instead).
 */
export interface Source<K extends AnswerSource["kind"] = AnswerSource["kind"]> {
  readonly kind: K;
  answer(source: Extract<AnswerSource, { kind: K }>, operation: IndexedOperation, context: RequestContext): Promise<Outcome | undefined> | Outcome | undefined;
}
