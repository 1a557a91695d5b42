/**
 * One entry of the request journal: what a caller sent and what the mock answered, in JSON-ready
 * form (the same object is what `mock.requests()` returns and what `GET /_mock/requests` sends).
 * `operation`, `input`, `status` and `error` are the names other languages rely on.
 */
import type { OperationInput, OperationName, ValidationIssue } from "aws-ops-contract/types";

/**
 * Where the answer came from: the data set, a documented example (`Prefer: example=`/`code=`),
 * generated data (`Prefer: dynamic=true`), an error asked for as a fault (`Prefer: failures=N`),
 * a refusal before any of those (unknown operation, bad signature, a body that breaks the
 * contract, a malformed `Prefer`), or the mock's own failure.
 */
export type AnsweredBy = "data" | "example" | "generated" | "fault" | "refusal" | "internal";
export const ANSWERED_BY: readonly AnsweredBy[] = ["data", "example", "generated", "fault", "refusal", "internal"];

/** The signature check's verdict, when signatures are checked (`auth: "sigv4"`). */
export interface SignatureVerdict {
  /** `true` when the signature was accepted; otherwise the refusal's error name is in the entry's `error`. */
  valid: boolean;
  accessKeyId: string | null;
  region: string | null;
  service: string | null;
  signedHeaders: string[];
  /** The signing time minus the mock's clock, in milliseconds (negative: the client's clock is behind). */
  clockSkewMs: number | null;
}

/** The SDK's marks of one call's attempts: `amz-sdk-invocation-id` and `amz-sdk-request: attempt=N; max=M`. */
export interface SdkAttemptMarks {
  invocationId: string | null;
  attempt: number | null;
  max: number | null;
}

export interface EntryTimings {
  /** From the request's arrival to the answer, in milliseconds. */
  totalMs: number;
  /** Milliseconds spent in each stage of the pipeline that ran, by stage name. */
  stages: Record<string, number>;
}

interface EntryBase {
  /** Increases by one per entry, from 1; a journal cleared keeps counting. */
  id: number;
  /** The answer's `x-amzn-RequestId`. */
  requestId: string;
  /** When the request arrived, ISO 8601 on the mock's clock. */
  receivedAt: string;
  method: string;
  /** The path asked for, without the query (where a presigned URL carries its signature). */
  path: string;
  /** Headers by lower-case name, secrets redacted (see redact.ts). */
  headers: Record<string, string>;
  /** The access key ID the request was signed with (Authorization's Credential or a presigned URL's), or null. */
  accessKeyId: string | null;
  /** The signature check, or null when the mock does not check signatures (or the request matched no operation). */
  signature: SignatureVerdict | null;
  sdk: SdkAttemptMarks;
  answeredBy: AnsweredBy;
  status: number;
  /** The error name of the answer, or null for a success. */
  error: string | null;
  /** The contract violations of a request refused with ValidationException or SerializationException; else null. */
  issues: ValidationIssue[] | null;
  timings: EntryTimings;
}

/** An entry for a request to `Op`; `input` is the parsed body (null when it could not be parsed). */
export interface OperationEntry<Op extends OperationName = OperationName> extends EntryBase {
  operation: Op;
  input: OperationInput<Op> | null;
}

/** An entry for a request that matched no operation (unknown path or X-Amz-Target). */
export interface UnmatchedEntry extends EntryBase {
  operation: null;
  input: null;
}

/** A journal entry, typed per operation: narrowing on `operation` types `input`. */
export type JournalEntry = { [Op in OperationName]: OperationEntry<Op> }[OperationName] | UnmatchedEntry;

/** The entries of one operation, or every entry. */
export type EntryOf<Op extends OperationName | undefined> = Op extends OperationName ? OperationEntry<Op> : JournalEntry;
