/**
 * The AWS Systems Manager client (AWS JSON 1.1): every call is `POST /` with
 * `X-Amz-Target: AmazonSSM.<Operation>` and `Content-Type: application/x-amz-json-1.1`.
 */
import type { paths } from "../../generated/types/ssm.js";
import type { OperationBody } from "../validation/validate.js";
import { createApi } from "./api.js";
import type { ClientOptions } from "./options.js";
import { paginate } from "./paginate.js";

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

type Operation = keyof typeof OPERATIONS;

export function createSsmClient(options: ClientOptions): SsmClient {
  const { api, invoke } = createApi<paths, typeof MEDIA_TYPE>(options, "ssm", MEDIA_TYPE);
  // One sender for the four operations: the path key and the header name the same target (the
  // wire checks they agree and sends `POST /`).
  const call =
    <Op extends Operation>(operation: Op) =>
    (input: In<Op> = {} as In<Op>): Promise<Out<Op>> =>
      invoke(operation, () =>
        (api.POST as (path: string, init: object) => ReturnType<typeof api.POST>)(`/#X-Amz-Target=AmazonSSM.${operation}`, {
          params: { header: { "X-Amz-Target": `AmazonSSM.${operation}` } },
          body: input,
        }),
      ) as Promise<Out<Op>>;
  const client: SsmClient = {
    listCommands: call("ListCommands"),
    listCommandInvocations: call("ListCommandInvocations"),
    getMaintenanceWindowExecution: call("GetMaintenanceWindowExecution"),
    describeAutomationStepExecutions: call("DescribeAutomationStepExecutions"),
    paginateListCommands: (input = {}) => paginate(client.listCommands, input, "NextToken"),
    paginateListCommandInvocations: (input = {}) => paginate(client.listCommandInvocations, input, "NextToken"),
    paginateDescribeAutomationStepExecutions: (input) => paginate(client.describeAutomationStepExecutions, input, "NextToken"),
  };
  return client;
}
