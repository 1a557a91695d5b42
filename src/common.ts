/** What both entry points (index.ts, index.browser.ts) export besides the client factories. */
export {
  isServiceError,
  ServiceError,
  type OperationError,
  type OperationErrorName,
  type OperationName,
  type ServiceErrorName,
} from "./client/errors.js";
export { CallError, isCallError, type CallErrorName } from "./client/call-error.js";
export { standardRetryStrategy, type StandardRetryOptions } from "./client/retry.js";
export type { CallOptions, ClientOptions, CredentialProvider, Credentials } from "./client/types/options.js";
export type { RetryErrorInfo, RetryErrorType, RetryStrategy, RetryToken } from "./client/types/retry.js";
export type { ImageBuilderClient } from "./client/imagebuilder.js";
export type { SsmClient } from "./client/ssm.js";
export { ContractValidationError } from "./validation/contract-error.js";
export type { ValidationIssue } from "./validation/errors.js";
