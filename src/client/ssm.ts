/**
 * The AWS Systems Manager client (AWS JSON 1.1): every call is `POST /` with
 * `X-Amz-Target: AmazonSSM.<Operation>` and `Content-Type: application/x-amz-json-1.1`.
 */
import type { paths } from "../../generated/types/ssm.js";
import type { OperationBody } from "../validation/validate.js";
import { createApi } from "./api.js";
import type { CallOptions, ClientOptions } from "./options.js";
import { paginate } from "./paginate.js";

const MEDIA_TYPE = "application/x-amz-json-1.1";
type Operation = "ListCommands" | "ListCommandInvocations" | "GetMaintenanceWindowExecution" | "DescribeAutomationStepExecutions";
type In<Op extends Operation> = OperationBody<Op, "request">;
type Out<Op extends Operation> = OperationBody<Op, "response">;

export interface SsmClient {
  /** Lists the commands requested by users of the account (one page; see `paginateListCommands`). */
  listCommands(input?: In<"ListCommands">, options?: CallOptions): Promise<Out<"ListCommands">>;
  /** Lists the per-node invocations of commands (one page; see `paginateListCommandInvocations`). */
  listCommandInvocations(input?: In<"ListCommandInvocations">, options?: CallOptions): Promise<Out<"ListCommandInvocations">>;
  /** Gets the details of a maintenance window execution. */
  getMaintenanceWindowExecution(input: In<"GetMaintenanceWindowExecution">, options?: CallOptions): Promise<Out<"GetMaintenanceWindowExecution">>;
  /** Lists the step executions of an Automation execution (one page). */
  describeAutomationStepExecutions(input: In<"DescribeAutomationStepExecutions">, options?: CallOptions): Promise<Out<"DescribeAutomationStepExecutions">>;
  /** Every page of ListCommands, following `NextToken` until a page has none. */
  paginateListCommands(input?: In<"ListCommands">, options?: CallOptions): AsyncGenerator<Out<"ListCommands">, void, undefined>;
  /** Every page of ListCommandInvocations, following `NextToken` until a page has none. */
  paginateListCommandInvocations(input?: In<"ListCommandInvocations">, options?: CallOptions): AsyncGenerator<Out<"ListCommandInvocations">, void, undefined>;
  /** Every page of DescribeAutomationStepExecutions, following `NextToken` until a page has none. */
  paginateDescribeAutomationStepExecutions(
    input: In<"DescribeAutomationStepExecutions">,
    options?: CallOptions,
  ): AsyncGenerator<Out<"DescribeAutomationStepExecutions">, void, undefined>;
}

export function createSsmClient(options: ClientOptions): SsmClient {
  const { api, invoke } = createApi<paths, typeof MEDIA_TYPE>(options, "ssm", MEDIA_TYPE);
  // Four typed openapi-fetch calls: each names its path key and the header it must carry (the
  // wire checks they agree and sends `POST /`); the body is typed by the operation's request schema.
  const client: SsmClient = {
    listCommands: (input = {}, call) =>
      invoke("ListCommands", call, (init) =>
        api.POST("/#X-Amz-Target=AmazonSSM.ListCommands", { ...init, params: { header: { "X-Amz-Target": "AmazonSSM.ListCommands" } }, body: input }),
      ),
    listCommandInvocations: (input = {}, call) =>
      invoke("ListCommandInvocations", call, (init) =>
        api.POST("/#X-Amz-Target=AmazonSSM.ListCommandInvocations", {
          ...init,
          params: { header: { "X-Amz-Target": "AmazonSSM.ListCommandInvocations" } },
          body: input,
        }),
      ),
    getMaintenanceWindowExecution: (input, call) =>
      invoke("GetMaintenanceWindowExecution", call, (init) =>
        api.POST("/#X-Amz-Target=AmazonSSM.GetMaintenanceWindowExecution", {
          ...init,
          params: { header: { "X-Amz-Target": "AmazonSSM.GetMaintenanceWindowExecution" } },
          body: input,
        }),
      ),
    describeAutomationStepExecutions: (input, call) =>
      invoke("DescribeAutomationStepExecutions", call, (init) =>
        api.POST("/#X-Amz-Target=AmazonSSM.DescribeAutomationStepExecutions", {
          ...init,
          params: { header: { "X-Amz-Target": "AmazonSSM.DescribeAutomationStepExecutions" } },
          body: input,
        }),
      ),
    paginateListCommands: (input = {}, call) => paginate("ListCommands", client.listCommands, input, "NextToken", call),
    paginateListCommandInvocations: (input = {}, call) => paginate("ListCommandInvocations", client.listCommandInvocations, input, "NextToken", call),
    paginateDescribeAutomationStepExecutions: (input, call) =>
      paginate("DescribeAutomationStepExecutions", client.describeAutomationStepExecutions, input, "NextToken", call),
  };
  return client;
}
