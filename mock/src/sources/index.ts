/**
 * The answer sources, one per AnswerSource kind, and the one function the `answer` stage calls.
 * A source that cannot answer the operation (a data set without it, a generator that does not know
 * it) gives way to the documented example it carries as its fallback.
 */
import type { IndexedOperation } from "aws-ops-contract/model";
import type { DataAnswer } from "../data/index.js";
import { generatedAnswer } from "../generate/index.js";
import { errorResponse, type Outcome, type WireResponse } from "../protocol.js";
import type { RequestContext } from "../stages/types.js";
import type { ExampleBuilder } from "./example.js";
import type { AnswerSource, ExampleChoice, Source } from "./types.js";

export type Sources = { readonly [K in AnswerSource["kind"]]: Source<K> };

/** What a source gave: the outcome, and which source it really came from. */

/** A data-set answer (loaded or generated) on the wire. */
export function dataAnswerOutcome(op: IndexedOperation, answer: DataAnswer): Outcome {
  if (answer.ok) return { wire: { status: 200, headers: { "content-type": op.mediaType }, body: answer.body } };
  return { wire: errorResponse(op.protocol, answer.error, { mediaType: op.mediaType }) };
}

export function createSources(examples: ExampleBuilder): Sources {
  const example: Source<"example"> = {
    kind: "example",
    async answer(source, op, context) {
      return exampleOutcome(examples, op, source.example, context.input);
    },
  };
  return {
    dataSet: {
      kind: "dataSet",
      answer(_source, op, context) {
        const answer = context.caller.data.answer(op, context.input as Record<string, unknown>);
        return answer && dataAnswerOutcome(op, answer);
      },
    },
    generated: {
      kind: "generated",
      answer(source, op, context) {
        const fits = (value: unknown): boolean => context.mock.validators.response(op, 200, value).length === 0;
        const answer = generatedAnswer(op, context.input, source.seed, fits);
        return answer && dataAnswerOutcome(op, answer);
      },
    },
    example,
  };
}

/** Asks the source, then its fallback example when it cannot answer the operation. */
export async function answerFrom(sources: Sources, source: AnswerSource, op: IndexedOperation, context: RequestContext): Promise<{ outcome: Outcome; from: AnswerSource["kind"] }> {
  const own = await (sources[source.kind] as Source).answer(source, op, context);
  if (own) return { outcome: own, from: source.kind };
  const fallback: AnswerSource = { kind: "example", example: "fallback" in source ? source.fallback : { stripToken: false } };
  const outcome = await sources.example.answer(fallback, op, context);
  return { outcome: outcome!, from: "example" };
}

const OWN_HEADERS = new Set(["content-type", "content-length", "x-amzn-requestid", "x-amzn-errortype"]);

async function exampleOutcome(examples: ExampleBuilder, op: IndexedOperation, choice: ExampleChoice, body: unknown): Promise<Outcome> {
  const answer = await examples.answer(op, choice, body);
  if (!answer.ok) {
    return { wire: errorResponse(op.protocol, { status: 500, name: "InternalFailure", message: `Prism could not build the answer: ${answer.message}` }, { mediaType: op.mediaType }) };
  }
  return { wire: exampleWire(op, choice, answer.status, answer.headers, answer.body) };
}

function exampleWire(op: IndexedOperation, choice: ExampleChoice, status: number, prismHeaders: Record<string, string>, body: unknown): WireResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(prismHeaders)) {
    if (!OWN_HEADERS.has(name.toLowerCase()) && value !== null && value !== undefined) headers[name] = String(value);
  }
  headers["content-type"] = op.mediaType;
  if (op.protocol === "restJson1" && choice.errorName) headers["x-amzn-ErrorType"] = choice.errorName;
  let payload = body;
  if (choice.stripToken && op.pagination && payload && typeof payload === "object") {
    // A copy: Prism hands out the document's own example objects.
    const { [op.pagination.outputToken]: _dropped, ...rest } = payload as Record<string, unknown>;
    payload = rest;
  }
  return { status, headers, body: payload === undefined ? "" : JSON.stringify(payload) };
}
