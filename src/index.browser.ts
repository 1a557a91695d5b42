/**
 * The package's main entry point in browsers and workers (the `browser`, `worker` and `workerd`
 * export conditions): the two clients on fetch() and WebCrypto, and their errors; the same API as
 * index.ts, whose declarations both share.
 */
import { imageBuilderClientOn, type ImageBuilderClient } from "./client/imagebuilder.js";
import { platform } from "./client/platform/browser.js";
import { ssmClientOn, type SsmClient } from "./client/ssm.js";
import type { ClientOptions } from "./client/types/options.js";

export * from "./common.js";

/** An SSM client: ListCommands, ListCommandInvocations, GetMaintenanceWindowExecution, DescribeAutomationStepExecutions. */
export const createSsmClient = (options: ClientOptions): SsmClient => ssmClientOn(platform, options);
/** An EC2 Image Builder client: ListWorkflowStepExecutions. */
export const createImageBuilderClient = (options: ClientOptions): ImageBuilderClient => imageBuilderClientOn(platform, options);
