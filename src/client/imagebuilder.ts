/** The EC2 Image Builder client (REST JSON): `POST /ListWorkflowStepExecutions`, `application/json`. */
import type { OperationBody } from "../validation/validate.js";
import { IMAGEBUILDER_WIRE } from "../../generated/wire/operations.js";
import { invoker } from "./invoke.js";
import { paginate } from "./paginate.js";
import type { CallOptions, ClientOptions } from "./types/options.js";
import type { Platform } from "./types/wire.js";

type In = OperationBody<"ListWorkflowStepExecutions", "request">;
type Out = OperationBody<"ListWorkflowStepExecutions", "response">;

export interface ImageBuilderClient {
  /** Returns runtime data for each step of a workflow execution (one page). */
  listWorkflowStepExecutions(input: In, options?: CallOptions): Promise<Out>;
  /** Every page of ListWorkflowStepExecutions, following `nextToken` until a page has none. */
  paginateListWorkflowStepExecutions(input: In, options?: CallOptions): AsyncGenerator<Out, void, undefined>;
}

/** The operation's route and paging token, from the spec. */
const WIRE = IMAGEBUILDER_WIRE.operations.ListWorkflowStepExecutions;

/** The client on the platform the entry point chose (index.ts for Node.js, index.browser.ts for browsers). */
export function imageBuilderClientOn(platform: Platform, options: ClientOptions): ImageBuilderClient {
  const invoke = invoker(options, IMAGEBUILDER_WIRE.signingName, IMAGEBUILDER_WIRE.mediaType, platform);
  const client: ImageBuilderClient = {
    listWorkflowStepExecutions: (input, call) => invoke("ListWorkflowStepExecutions", WIRE.route, input, call),
    paginateListWorkflowStepExecutions: (input, call) => paginate("ListWorkflowStepExecutions", client.listWorkflowStepExecutions, input, WIRE.token, call),
  };
  return client;
}
