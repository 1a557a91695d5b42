/**
 * The types the request pipeline is made of (no run-time code): the per-request context every
 * stage reads and fills in, the per-caller state it answers from, and the stage itself. A stage
 * answers (returns an Outcome), passes on (returns undefined) or reports that the client went away.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { IndexedOperation } from "aws-ops-contract/model";
import type { Clock } from "../clock/clock.js";
import type { MockData } from "../data/index.js";
import type { AttemptCounter } from "../faults/attempts.js";
import type { AuthVerdict } from "../journal/event.js";
import type { Preferences } from "../prefer.js";
import type { Outcome } from "../protocol.js";
import type { Route } from "../operations.js";
import type { AnswerSource } from "../sources/types.js";
import type { MockServices } from "./services.js";

/** The stages, in the order they run (stages/index.ts holds the list itself). */
export type StageName = "read" | "cors" | "admin" | "route" | "body" | "auth" | "parse" | "validate" | "prefer" | "faults" | "delay" | "answer";

/**
 * What one caller's requests answer from and count against. Today one for the whole mock; kept
 * apart from the mock's fixed services so that callers can be given one each (by access key ID).
 */
export interface CallerState {
  /** The data set the data-set source answers from (`/_mock/data` replaces it). */
  data: MockData;
  /** The attempts of each SDK call, for `Prefer: failures=N`. */
  attempts: AttemptCounter;
  /** "Now" for this caller's answers: Date, the signing window, delays. */
  clock: Clock;
}

/** What a stage returns: the answer, nothing (pass on), or "aborted" (the client went away: nothing to write). */
export type StageResult = Outcome | undefined | "aborted";

export interface Stage {
  readonly name: StageName;
  run(context: RequestContext): StageResult | Promise<StageResult>;
}

/** The SDK's marks of one call's attempts (`amz-sdk-invocation-id`, `amz-sdk-request: attempt=N; max=M`). */
export interface SdkAttempt {
  invocationId: string | undefined;
  /** The attempt number the client sent in `amz-sdk-request`, when it sent one. */
  attempt: number | undefined;
  max: number | undefined;
}

/** One request on its way through the stages. Each stage reads what the earlier ones filled in. */
export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** The mock's fixed parts: routers, validators, sources, options. */
  readonly mock: MockServices;
  /** Whose state this request answers from. */
  caller: CallerState;
  /** `x-amzn-RequestId` of the answer. */
  readonly requestId: string;
  /** When the request arrived, on the caller's clock (epoch ms). */
  readonly receivedAt: number;
  /** `performance.now()` at arrival, for the timings. */
  readonly startedAt: number;

  // read
  method: string;
  path: string;
  /** `X-Amz-Target`, for AWS JSON. */
  target: string | undefined;
  sdk: SdkAttempt;
  // route
  route?: Route | undefined;
  /** The operation asked for, once routed. */
  operation?: IndexedOperation | undefined;
  // body
  bytes?: Buffer | undefined;
  // auth
  auth: AuthVerdict;
  // parse, validate
  /** The request body as parsed (null members removed), once parsed. */
  input?: unknown;
  // prefer
  preferences?: Preferences | undefined;
  // faults: where the answer comes from, as decided
  source?: AnswerSource | undefined;
  /** The source that actually answered (a data set that lacks the operation falls back to its example). */
  answeredFrom?: AnswerSource["kind"] | undefined;
  /** Milliseconds spent in each stage that ran. */
  readonly timings: Partial<Record<StageName, number>>;
}
