/** Turns openapi-fetch's `{ data, error, response }` into a resolved body or a thrown error. */
import { ContractValidationError } from "../validation/contract-error.js";
import { type OperationName, type ServiceError, serviceErrorFrom } from "./errors.js";
import type { ClientOptions } from "./options.js";

interface Sent<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

export type Invoke = <T>(operation: OperationName, send: () => Promise<Sent<T>>) => Promise<T>;

export function invoker(options: ClientOptions): Invoke {
  // Loaded on first use only: a client that never validates never loads (or bundles eagerly) the validators.
  let validation: Promise<typeof import("../validation/validate.js")> | undefined;
  const check = async (operation: OperationName, kind: "response" | "error", body: unknown, cause?: ServiceError): Promise<void> => {
    const result = (await (validation ??= import("../validation/validate.js"))).validate(operation, kind, body);
    if (!result.ok) throw new ContractValidationError(operation, kind, result.errors, cause ? { cause, omitted: result.omitted } : { omitted: result.omitted });
  };
  return async function invoke<T>(operation: OperationName, send: () => Promise<Sent<T>>): Promise<T> {
    const { data, error, response } = await send();
    if (response.ok) {
      if (options.validateResponses) await check(operation, "response", data);
      return data as T;
    }
    const serviceError = serviceErrorFrom(operation, response, error);
    if (options.validateResponses) await check(operation, "error", error, serviceError);
    throw serviceError;
  };
}
