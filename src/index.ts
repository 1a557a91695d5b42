/**
 * The package's main entry point under Node.js (the `default` export condition): the two clients
 * on node:http and node:crypto, and their errors. Browsers resolve index.browser.ts instead.
 */
import { imageBuilderClientOn, type ImageBuilderClient } from "./client/imagebuilder.js";
import { platform } from "./client/platform/node.js";
import { ssmClientOn, type SsmClient } from "./client/ssm.js";
import type { ClientOptions } from "./client/types/options.js";

export * from "./common.js";

/** An SSM client: ListCommands, ListCommandInvocations, GetMaintenanceWindowExecution, DescribeAutomationStepExecutions. */
export const createSsmClient = (options: ClientOptions): SsmClient => ssmClientOn(platform, options);
/** An EC2 Image Builder client: ListWorkflowStepExecutions. */
export const createImageBuilderClient = (options: ClientOptions): ImageBuilderClient => imageBuilderClientOn(platform, options);
