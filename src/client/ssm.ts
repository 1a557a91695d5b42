/**
 * The AWS Systems Manager client (AWS JSON 1.1): every call is `POST /` with
 * `X-Amz-Target: AmazonSSM.<Operation>` and `Content-Type: application/x-amz-json-1.1`.
 */
import type { OperationBody } from "../validation/validate.js";
import { SSM_WIRE } from "../../generated/wire/operations.js";
import { invoker } from "./invoke.js";
import { paginate } from "./paginate.js";
import type { CallOptions, ClientOptions } from "./types/options.js";
import type { Platform } from "./types/wire.js";

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

/** Each operation's route (`POST /` with its `X-Amz-Target`) and paging token, from the spec. */
const { operations: WIRE } = SSM_WIRE;

/** The client on the platform the entry point chose (index.ts for Node.js, index.browser.ts for browsers). */
export function ssmClientOn(platform: Platform, options: ClientOptions): SsmClient {
  const invoke = invoker(options, SSM_WIRE.signingName, SSM_WIRE.mediaType, platform);
  const client: SsmClient = {
    listCommands: (input = {}, call) => invoke("ListCommands", WIRE.ListCommands.route, input, call),
    listCommandInvocations: (input = {}, call) => invoke("ListCommandInvocations", WIRE.ListCommandInvocations.route, input, call),
    getMaintenanceWindowExecution: (input, call) => invoke("GetMaintenanceWindowExecution", WIRE.GetMaintenanceWindowExecution.route, input, call),
    describeAutomationStepExecutions: (input, call) => invoke("DescribeAutomationStepExecutions", WIRE.DescribeAutomationStepExecutions.route, input, call),
    paginateListCommands: (input = {}, call) => paginate("ListCommands", client.listCommands, input, WIRE.ListCommands.token, call),
    paginateListCommandInvocations: (input = {}, call) => paginate("ListCommandInvocations", client.listCommandInvocations, input, WIRE.ListCommandInvocations.token, call),
    paginateDescribeAutomationStepExecutions: (input, call) =>
      paginate("DescribeAutomationStepExecutions", client.describeAutomationStepExecutions, input, WIRE.DescribeAutomationStepExecutions.token, call),
  };
  return client;
}
