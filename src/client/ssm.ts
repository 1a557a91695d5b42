/**
 * The AWS Systems Manager client (AWS JSON 1.1): every call is `POST /` with
 * `X-Amz-Target: AmazonSSM.<Operation>` and `Content-Type: application/x-amz-json-1.1`.
 */
import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "../../generated/types/ssm.js";
import type { OperationBody } from "../validate.js";
import { invoker } from "./invoke.js";
import { checkOptions, type ClientOptions } from "./options.js";
import { paginate } from "./paginate.js";
import { signingMiddleware } from "./signing.js";

const MEDIA_TYPE = "application/x-amz-json-1.1";
type In<Op extends keyof typeof OPERATIONS> = OperationBody<Op, "request">;
type Out<Op extends keyof typeof OPERATIONS> = OperationBody<Op, "response">;
const OPERATIONS = { ListCommands: 0, ListCommandInvocations: 0, GetMaintenanceWindowExecution: 0, DescribeAutomationStepExecutions: 0 };

export interface SsmClient {
  /** Lists the commands requested by users of the account (one page; see `paginateListCommands`). */
  listCommands(input?: In<"ListCommands">): Promise<Out<"ListCommands">>;
  /** Lists the per-node invocations of commands (one page; see `paginateListCommandInvocations`). */
  listCommandInvocations(input?: In<"ListCommandInvocations">): Promise<Out<"ListCommandInvocations">>;
  /** Gets the details of a maintenance window execution. */
  getMaintenanceWindowExecution(input: In<"GetMaintenanceWindowExecution">): Promise<Out<"GetMaintenanceWindowExecution">>;
  /** Lists the step executions of an Automation execution (one page). */
  describeAutomationStepExecutions(input: In<"DescribeAutomationStepExecutions">): Promise<Out<"DescribeAutomationStepExecutions">>;
  /** Every page of ListCommands, following `NextToken` until a page has none. */
  paginateListCommands(input?: In<"ListCommands">): AsyncGenerator<Out<"ListCommands">, void, undefined>;
  /** Every page of ListCommandInvocations, following `NextToken` until a page has none. */
  paginateListCommandInvocations(input?: In<"ListCommandInvocations">): AsyncGenerator<Out<"ListCommandInvocations">, void, undefined>;
  /** Every page of DescribeAutomationStepExecutions, following `NextToken` until a page has none. */
  paginateDescribeAutomationStepExecutions(
    input: In<"DescribeAutomationStepExecutions">,
  ): AsyncGenerator<Out<"DescribeAutomationStepExecutions">, void, undefined>;
}

/**
 * The spec's path keys are `/#X-Amz-Target=AmazonSSM.<Operation>` (OpenAPI allows one operation per
 * path and method). The fragment is never part of the wire: this turns the request into `POST /`
 * (relative to the endpoint), after checking that the header names the same operation.
 */
export const ssmWire: Middleware = {
  async onRequest({ request }) {
    const url = new URL(request.url);
    const target = /^#X-Amz-Target=(.+)$/.exec(url.hash)?.[1];
    if (target === undefined) return undefined;
    if (request.headers.get("X-Amz-Target") !== decodeURIComponent(target)) {
      throw new Error(`ssm client: X-Amz-Target header ${request.headers.get("X-Amz-Target")} does not match the path key ${url.hash}`);
    }
    url.hash = "";
    return new Request(url, { method: request.method, headers: request.headers, body: await request.text(), signal: request.signal });
  },
};

export function createSsmClient(options: ClientOptions): SsmClient {
  const endpoint = checkOptions(options, "ssm");
  const api = createClient<paths, typeof MEDIA_TYPE>({
    baseUrl: endpoint.href.replace(/\/$/, ""),
    fetch: (request) => (options.fetch ?? globalThis.fetch)(request),
    headers: { "Content-Type": MEDIA_TYPE },
  });
  api.use(ssmWire, signingMiddleware(options, "ssm"));
  const invoke = invoker(options);

  const client: SsmClient = {
    listCommands: (input = {}) =>
      invoke("ListCommands", () =>
        api.POST("/#X-Amz-Target=AmazonSSM.ListCommands", { params: { header: { "X-Amz-Target": "AmazonSSM.ListCommands" } }, body: input }),
      ),
    listCommandInvocations: (input = {}) =>
      invoke("ListCommandInvocations", () =>
        api.POST("/#X-Amz-Target=AmazonSSM.ListCommandInvocations", {
          params: { header: { "X-Amz-Target": "AmazonSSM.ListCommandInvocations" } },
          body: input,
        }),
      ),
    getMaintenanceWindowExecution: (input) =>
      invoke("GetMaintenanceWindowExecution", () =>
        api.POST("/#X-Amz-Target=AmazonSSM.GetMaintenanceWindowExecution", {
          params: { header: { "X-Amz-Target": "AmazonSSM.GetMaintenanceWindowExecution" } },
          body: input,
        }),
      ),
    describeAutomationStepExecutions: (input) =>
      invoke("DescribeAutomationStepExecutions", () =>
        api.POST("/#X-Amz-Target=AmazonSSM.DescribeAutomationStepExecutions", {
          params: { header: { "X-Amz-Target": "AmazonSSM.DescribeAutomationStepExecutions" } },
          body: input,
        }),
      ),
    paginateListCommands: (input = {}) => paginate(client.listCommands, input, "NextToken"),
    paginateListCommandInvocations: (input = {}) => paginate(client.listCommandInvocations, input, "NextToken"),
    paginateDescribeAutomationStepExecutions: (input) => paginate(client.describeAutomationStepExecutions, input, "NextToken"),
  };
  return client;
}
