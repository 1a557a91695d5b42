/** The EC2 Image Builder client (REST JSON): `POST /ListWorkflowStepExecutions`, `application/json`. */
import createClient from "openapi-fetch";
import type { paths } from "../../generated/types/imagebuilder.js";
import type { OperationBody } from "../validate.js";
import { invoker } from "./invoke.js";
import { checkOptions, type ClientOptions } from "./options.js";
import { paginate } from "./paginate.js";
import { signingMiddleware } from "./signing.js";

type In = OperationBody<"ListWorkflowStepExecutions", "request">;
type Out = OperationBody<"ListWorkflowStepExecutions", "response">;

export interface ImageBuilderClient {
  /** Returns runtime data for each step of a workflow execution (one page). */
  listWorkflowStepExecutions(input: In): Promise<Out>;
  /** Every page of ListWorkflowStepExecutions, following `nextToken` until a page has none. */
  paginateListWorkflowStepExecutions(input: In): AsyncGenerator<Out, void, undefined>;
}

export function createImageBuilderClient(options: ClientOptions): ImageBuilderClient {
  const endpoint = checkOptions(options, "imagebuilder");
  const api = createClient<paths, "application/json">({
    baseUrl: endpoint.href.replace(/\/$/, ""),
    fetch: (request) => (options.fetch ?? globalThis.fetch)(request),
  });
  api.use(signingMiddleware(options, "imagebuilder"));
  const invoke = invoker(options);

  const client: ImageBuilderClient = {
    listWorkflowStepExecutions: (input) =>
      invoke("ListWorkflowStepExecutions", () => api.POST("/ListWorkflowStepExecutions", { body: input })),
    paginateListWorkflowStepExecutions: (input) => paginate(client.listWorkflowStepExecutions, input, "nextToken"),
  };
  return client;
}
