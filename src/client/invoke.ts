/**
 * One call: the per-request options from the wire (wire.ts), openapi-fetch's `{ data, error,
 * response }` turned into a resolved body or a thrown error, and the checks openapi-fetch does not
 * make: a success body must be a JSON object.
 */
import { ContractValidationError } from "../validation/contract-error.js";
import { CallError } from "./call-error.js";
import { type OperationName, type ServiceError, serviceErrorFrom } from "./errors.js";
import type { CallOptions, ClientOptions } from "./options.js";
import type { Exchange } from "./wire.js";

interface Sent<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

export type Invoke = <T>(operation: OperationName, call: CallOptions | undefined, send: (init: Exchange["init"]) => Promise<Sent<T>>) => Promise<T>;

export function invoker(options: ClientOptions, exchange: (operation: string, call: CallOptions | undefined) => Exchange): Invoke {
  // Loaded on first use only: a client that never validates never loads (or bundles eagerly) the validators.
  let validation: Promise<typeof import("../validation/validate.js")> | undefined;
  const check = async (operation: OperationName, kind: "response" | "error", body: unknown, cause?: ServiceError): Promise<void> => {
    const result = (await (validation ??= import("../validation/validate.js"))).validate(operation, kind, body);
    if (!result.ok) throw new ContractValidationError(operation, kind, result.errors, cause ? { cause, omitted: result.omitted } : { omitted: result.omitted });
  };
  return async function invoke<T>(operation: OperationName, call: CallOptions | undefined, send: (init: Exchange["init"]) => Promise<Sent<T>>): Promise<T> {
    const state = exchange(operation, call);
    let sent: Sent<T>;
    try {
      sent = await send(state.init);
    } catch (error) {
      // openapi-fetch parses a success body with JSON.parse: a SyntaxError is the body's fault.
      if (error instanceof SyntaxError && state.status !== undefined) {
        throw new CallError("InvalidResponseError", operation, `HTTP ${state.status}: the body is not valid JSON (${error.message})`, { status: state.status, cause: error });
      }
      throw error;
    } finally {
      state.done();
    }
    const { data, error, response } = sent;
    if (response.ok) {
      if (data === null || typeof data !== "object" || Array.isArray(data)) {
        const found = data === undefined ? "an empty body" : Array.isArray(data) ? "a JSON array" : `JSON ${data === null ? "null" : typeof data}`;
        throw new CallError("InvalidResponseError", operation, `HTTP ${response.status} with ${found}: expected a JSON object`, { status: response.status });
      }
      if (options.validateResponses) await check(operation, "response", data);
      return data as T;
    }
    const serviceError = serviceErrorFrom(operation, response, error);
    if (options.validateResponses) await check(operation, "error", error, serviceError);
    throw serviceError;
  };
}
