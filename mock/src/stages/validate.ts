/** validate: the parsed input against the operation's request schema; unreadable values are a SerializationException, broken constraints a ValidationException. */
import { serializationFailure } from "../serialization.js";
import { validationMessage } from "../validators.js";
import { operationError } from "./operation-error.js";
import type { Stage } from "./types.js";

export const validateStage: Stage = {
  name: "validate",
  run(context) {
    const violations = context.mock.validators.request(context.operation!, context.input);
    if (violations.issues.length === 0) return undefined;
    const unreadable = serializationFailure(violations.issues, context.input);
    return unreadable ? operationError(context, 400, "SerializationException", unreadable) : operationError(context, 400, "ValidationException", validationMessage(violations, context.input));
  },
};
