/** The EC2 Image Builder client (REST JSON): `POST /ListWorkflowStepExecutions`, `application/json`. */
import type { paths } from "../../generated/types/imagebuilder.js";
import type { OperationBody } from "../validation/validate.js";
import { createApi } from "./api.js";
import type { CallOptions, ClientOptions } from "./options.js";
import { paginate } from "./paginate.js";

type In = OperationBody<"ListWorkflowStepExecutions", "request">;
type Out = OperationBody<"ListWorkflowStepExecutions", "response">;

export interface ImageBuilderClient {
  /** Returns runtime data for each step of a workflow execution (one page). */
  listWorkflowStepExecutions(input: In, options?: CallOptions): Promise<Out>;
  /** Every page of ListWorkflowStepExecutions, following `nextToken` until a page has none. */
  paginateListWorkflowStepExecutions(input: In, options?: CallOptions): AsyncGenerator<Out, void, undefined>;
}

export function createImageBuilderClient(options: ClientOptions): ImageBuilderClient {
  const { api, invoke } = createApi<paths, "application/json">(options, "imagebuilder", "application/json");

  const client: ImageBuilderClient = {
    listWorkflowStepExecutions: (input, call) =>
      invoke("ListWorkflowStepExecutions", call, (init) => api.POST("/ListWorkflowStepExecutions", { ...init, body: input })),
    paginateListWorkflowStepExecutions: (input, call) => paginate("ListWorkflowStepExecutions", client.listWorkflowStepExecutions, input, "nextToken", call),
  };
  return client;
}
