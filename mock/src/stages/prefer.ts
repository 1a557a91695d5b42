/** prefer: the `Prefer` header (prefer.ts), refused with InvalidPreferHeaderException when malformed. */
import { parsePrefer } from "../prefer.js";
import { operationError } from "./operation-error.js";
import type { Stage } from "./types.js";

export const preferStage: Stage = {
  name: "prefer",
  run(context) {
    const parsed = parsePrefer(context.req.headers["prefer"]);
    if (!parsed.ok) return operationError(context, 400, "InvalidPreferHeaderException", parsed.message);
    context.preferences = parsed.preferences;
    return undefined;
  },
};
