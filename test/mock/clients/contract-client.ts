/**
 * What a client under contract test provides. The official AWS SDK v3 clients implement it in
 * aws-sdk.ts; another client (such as this package's own) plugs into the same tests by implementing it
 * and being added to CLIENTS in index.ts.
 */
import type { OperationName } from "../operations.js";

export interface CallOptions {
  /** The `Prefer` header to send (`code=400, example=InvalidNextToken`). */
  prefer?: string;
  /** Receives each request body the client sends (to check the tokens a paginator passes on). */
  onRequestBody?: (body: string) => void;
}

export interface ClientError {
  name: string;
  status: number | undefined;
  requestId: string | undefined;
  message: string;
}

export interface ContractClient {
  readonly label: string;
  /** Calls one operation; resolves to its output, rejects with the client's error for AWS errors. */
  call(operation: OperationName, input: Record<string, unknown>, options?: CallOptions): Promise<unknown>;
  /** Runs the client's paginator to its end, returning every page. */
  paginate(operation: OperationName, input: Record<string, unknown>, options?: CallOptions): Promise<unknown[]>;
  /** The output as it was on the wire (e.g. Dates back to epoch seconds, SDK metadata dropped). */
  toWire(output: unknown): unknown;
  /** The request ID the client reports for a successful call. */
  requestId(output: unknown): string | undefined;
  /** Reads a thrown error; throws if it is not this client's AWS error. */
  error(thrown: unknown): ClientError;
  /**
   * Whether `thrown` is the client's typed error for this operation and AWS error name (for the
   * SDK, an instance of its exception class of that name); undefined when the client has no typed
   * error for that name. Must be false for another name, so the check can fail.
   */
  isTypedError(operation: OperationName, name: string, thrown: unknown): boolean | undefined;
  /** Output members (JSON pointers, `*` for any array index) the client's model lacks and drops. */
  readonly unmodelledMembers: readonly string[];
  /** Whether SSM timestamps come out as Date objects. */
  readonly timestampsAsDate: boolean;
}
