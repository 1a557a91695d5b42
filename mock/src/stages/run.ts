/**
 * Runs one request through the stages (stages/index.ts) over a fresh context, writes the answer and
 * emits its AnswerEvent. A stage that throws is answered with a 500 InternalFailure in the
 * protocol's format, never a crash.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AnswerEvent } from "../journal/event.js";
import { redactedHeaders } from "../journal/events.js";
import { errorNameOf, errorResponse, type Outcome } from "../protocol.js";
import type { MockServices } from "./services.js";
import type { CallerState, RequestContext, Stage, StageName } from "./types.js";
import { writeOutcome } from "./write.js";

export function newContext(mock: MockServices, caller: CallerState, req: IncomingMessage, res: ServerResponse): RequestContext {
  return {
    req,
    res,
    mock,
    caller,
    requestId: randomUUID(),
    receivedAt: caller.clock.now(),
    startedAt: performance.now(),
    method: (req.method ?? "GET").toUpperCase(),
    path: "/",
    target: undefined,
    sdk: { invocationId: undefined, attempt: undefined, max: undefined },
    auth: { checked: false },
    timings: {},
  };
}

export async function runStages(stages: readonly Stage[], context: RequestContext): Promise<{ outcome: Outcome | undefined; answeredBy: StageName }> {
  let last: StageName = stages[0]!.name;
  try {
    for (const stage of stages) {
      last = stage.name;
      const started = performance.now();
      const result = await stage.run(context);
      context.timings[stage.name] = performance.now() - started;
      if (result === "aborted") return { outcome: undefined, answeredBy: stage.name };
      if (result) return { outcome: result, answeredBy: stage.name };
    }
    throw new Error("no stage answered");
  } catch (error) {
    const protocol = context.operation?.protocol ?? context.mock.router.protocolOf(context.path);
    const message = `The mock failed to answer: ${error instanceof Error ? error.message : String(error)}`;
    return { outcome: { wire: errorResponse(protocol, { status: 500, name: "InternalFailure", message }) }, answeredBy: last };
  }
}

/** Serves one request: stages, write, event. */
export async function serveRequest(mock: MockServices, stages: readonly Stage[], caller: CallerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // A client that goes away mid-answer must not take the process with it.
  res.on("error", () => undefined);
  req.on("error", () => undefined);
  const context = newContext(mock, caller, req, res);
  const { outcome, answeredBy } = await runStages(stages, context);
  if (outcome) writeOutcome(req, res, outcome, context.requestId, context.caller.clock);
  else req.socket.destroy();
  mock.events.emit(answerEvent(context, outcome, answeredBy));
}

export function answerEvent(context: RequestContext, outcome: Outcome | undefined, answeredBy: StageName): AnswerEvent {
  const op = context.operation;
  return {
    requestId: context.requestId,
    receivedAt: context.receivedAt,
    method: context.method,
    path: context.path,
    operation: op?.operationId,
    target: op?.target,
    service: op?.service,
    input: context.input,
    status: outcome?.wire.status ?? 0,
    errorName: outcome ? errorNameOf(outcome.wire) : undefined,
    answeredBy,
    source: answeredBy === "answer" ? context.answeredFrom : undefined,
    auth: context.auth,
    invocationId: context.sdk.invocationId,
    attempt: context.sdk.attempt,
    timings: { totalMs: performance.now() - context.startedAt, stages: context.timings },
    headers: redactedHeaders(context.req.headers),
    closed: outcome ? outcome.close : "aborted",
  };
}
