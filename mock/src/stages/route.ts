/** route: the operation the request asks for (operations.ts), or the answer that says there is none. */
import { errorResponse, type MockError, type Outcome } from "../protocol.js";
import type { Protocol } from "aws-ops-contract/model";
import type { Stage } from "./types.js";

const refuse = (protocol: Protocol, error: MockError, mediaType?: string): Outcome => ({ wire: errorResponse(protocol, error, { mediaType }) });

export const routeStage: Stage = {
  name: "route",
  run(context) {
    const { method, path } = context;
    const { router } = context.mock;
    const route = router.route(method, path, context.target);
    context.route = route;
    if (route.kind === "operation") {
      context.operation = route.operation;
      return undefined;
    }
    if (route.kind === "unknownPath") {
      const known = [...new Set(router.operations.map((op) => `${op.method} ${op.path}`))].join(", ");
      return refuse("restJson1", { status: 404, name: "UnknownOperationException", message: `No operation is served at ${method} ${path}; this mock serves ${known}` });
    }
    if (route.kind === "wrongMethod") {
      return refuse(route.protocol, { status: 405, name: "MethodNotAllowedException", message: `${method} is not allowed on ${path}; use ${route.allow.join(" or ")}`, headers: { allow: route.allow.join(", ") } }, route.mediaType);
    }
    const known = router.operations.flatMap((op) => (op.target ? [op.target] : [])).join(", ");
    const message = route.target === undefined
      ? `The X-Amz-Target header is missing; it names the operation, one of ${known}`
      : `X-Amz-Target '${route.target}' is not an operation of this mock; use one of ${known}`;
    return refuse("awsJson1_1", { status: 400, name: "UnknownOperationException", message }, route.mediaType);
  },
};
