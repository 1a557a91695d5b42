/** The error answer of the routed operation, in its protocol's format and media type. */
import type { Outcome } from "../protocol.js";
import { errorResponse } from "../protocol.js";
import type { RequestContext } from "./types.js";

export function operationError(context: RequestContext, status: number, name: string, message: string): Outcome {
  const op = context.operation!;
  return { wire: errorResponse(op.protocol, { status, name, message }, { mediaType: op.mediaType }) };
}
