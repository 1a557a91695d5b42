/** The package's main entry point: the two clients and their errors. */
export { createSsmClient, type SsmClient } from "./client/ssm.js";
export { createImageBuilderClient, type ImageBuilderClient } from "./client/imagebuilder.js";
export {
  isServiceError,
  ServiceError,
  type OperationError,
  type OperationErrorName,
  type OperationName,
  type ServiceErrorName,
} from "./client/errors.js";
export { CallError, isCallError, type CallErrorName } from "./client/call-error.js";
export type { CallOptions, ClientOptions, CredentialProvider, Credentials } from "./client/options.js";
export { ContractValidationError } from "./validation/contract-error.js";
export type { ValidationIssue } from "./validation/errors.js";
