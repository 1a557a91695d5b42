/**
 * One call: the per-request options from the wire (wire.ts), openapi-fetch's `{ data, error,
 * response }` turned into a resolved body or a thrown error, and the checks openapi-fetch does not
 * make: a success body must be a JSON object.
 */
import { ContractValidationError } from "../validation/contract-error.js";
import { CallError } from "./call-error.js";
import { type OperationName, type ServiceError, serviceErrorFrom } from "./errors.js";
import type { CallOptions, ClientOptions } from "./options.js";
import type { OperationBody } from "../validation/validate.js";
import type { Exchange } from "./wire.js";

/** What openapi-fetch resolves to; `data` is the unread stream (`parseAs: "stream"`), not used. */
interface Sent {
  error?: unknown;
  response: Response;
}

export type Invoke = <Op extends OperationName>(operation: Op, call: CallOptions | undefined, send: (init: Exchange["init"]) => Promise<Sent>) => Promise<OperationBody<Op, "response">>;

export function invoker(options: ClientOptions, exchange: (operation: string, call: CallOptions | undefined) => Exchange): Invoke {
  // Loaded on first use only: a client that never validates never loads (or bundles eagerly) the validators.
  let validation: Promise<unknown> | undefined;
  // Once loaded, called directly: no import() promise to wait on for every validated answer.
  let loaded: typeof import("../validation/validate.js") | undefined;
  // `true` is compatible mode; an options object defaults to it too (validate() itself defaults to strict).
  const chosen = typeof options.validateResponses === "object" ? options.validateResponses : {};
  const validateOptions = { ...chosen, mode: chosen.mode ?? "compatible" };
  const check = (operation: OperationName, kind: "response" | "error", body: unknown, cause?: ServiceError): void | Promise<void> => {
    if (!loaded) {
      validation ??= import("../validation/validate.js").then((module) => (loaded = module));
      return validation.then(() => check(operation, kind, body, cause));
    }
    const result = loaded.validate(operation, kind, body, validateOptions);
    if (!result.ok) throw new ContractValidationError(operation, kind, result.errors, cause ? { cause, omitted: result.omitted } : { omitted: result.omitted });
  };
  return async function invoke<Op extends OperationName>(operation: Op, call: CallOptions | undefined, send: (init: Exchange["init"]) => Promise<Sent>): Promise<OperationBody<Op, "response">> {
    const state = exchange(operation, call);
    let sent: Sent;
    try {
      sent = await send(state.init);
    } finally {
      state.done();
    }
    const { error, response } = sent;
    if (response.ok) {
      const data = successBody(operation, response.status, state.bytes);
      if (options.validateResponses) await check(operation, "response", data);
      return data as OperationBody<Op, "response">;
    }
    const serviceError = serviceErrorFrom(operation, response, error);
    if (options.validateResponses) await check(operation, "error", error, serviceError);
    throw serviceError;
  };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A success body must be a JSON object: anything else is an `InvalidResponseError` naming what it was. */
function successBody(operation: OperationName, status: number, bytes: Uint8Array | undefined): object {
  let data: unknown;
  if (bytes === undefined || bytes.byteLength === 0) data = undefined;
  else {
    try {
      data = JSON.parse(utf8.decode(bytes));
    } catch (error) {
      throw new CallError("InvalidResponseError", operation, `HTTP ${status}: the body is not valid JSON (${(error as Error).message})`, { status, cause: error });
    }
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    const found = data === undefined ? "an empty body" : Array.isArray(data) ? "a JSON array" : `JSON ${data === null ? "null" : typeof data}`;
    throw new CallError("InvalidResponseError", operation, `HTTP ${status} with ${found}: expected a JSON object`, { status });
  }
  return data;
}
