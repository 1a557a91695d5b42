/**
 * The event every answer emits, wherever it is given: the stages, the admin API, CORS preflights and
 * the answers server.ts writes straight to the socket. The log line is one subscriber. Nothing here
 * holds a secret: no signature, no session token, no secret key (see `redactedHeaders`).
 */
import type { AnswerSource } from "../sources/types.js";
import type { StageName } from "../stages/types.js";

/** Who answered: a stage of the pipeline, or the server itself (bytes that never became a request). */
export type AnswerPlace = StageName | "server";

/** What the signature check said, without anything secret. */
export type AuthVerdict =
  | { checked: false }
  | { checked: true; ok: true; accessKeyId: string }
  | { checked: true; ok: false; error: string; accessKeyId?: string | undefined };

export interface AnswerEvent {
  /** `x-amzn-RequestId` of the answer. */
  requestId: string;
  /** When the request arrived, on the mock's clock (epoch ms). */
  receivedAt: number;
  method: string;
  /** The path asked for, without the query. */
  path: string;
  /** The operation asked for (`ListCommands`), or undefined when none was routed. */
  operation: string | undefined;
  /** The operation's `X-Amz-Target`, for AWS JSON operations. */
  target: string | undefined;
  /** The operation's service (the document's title), when routed. */
  service: string | undefined;
  /** The parsed request body, when the request got that far. */
  input: unknown;
  /** The answer's status; 0 when the client went away before any answer (`closed: "aborted"`). */
  status: number;
  /** The AWS error name of an error answer (`ValidationException`), else undefined. */
  errorName: string | undefined;
  /** The stage that answered. */
  answeredBy: AnswerPlace;
  /** Where the answer's body came from, for answers of the `answer` stage. */
  source: AnswerSource["kind"] | undefined;
  auth: AuthVerdict;
  /** `amz-sdk-invocation-id`: one ID for every attempt of one SDK call. */
  invocationId: string | undefined;
  /** `amz-sdk-request: attempt=N`. */
  attempt: number | undefined;
  /** Total time to the answer, and per stage, in milliseconds. */
  timings: { totalMs: number; stages: Partial<Record<StageName, number>> };
  /** The request headers (lower-case names), with credentials' secret parts taken out. */
  headers: Record<string, string>;
  /** Whether the connection was closed after the answer, or the client went away before it. */
  closed: "now" | "drain" | "aborted" | undefined;
}

export type AnswerListener = (event: AnswerEvent) => void;
