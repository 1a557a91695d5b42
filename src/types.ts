/**
 * The types-only entry point (`aws-ops-contract/types`): the generated OpenAPI types, the body type
 * of every operation, and the error names each operation documents. No runtime code.
 */
import type { OperationName } from "./client/errors.js";
import type { OperationBody } from "./validate.js";

export type { components as SsmComponents, operations as SsmOperations, paths as SsmPaths } from "../generated/types/ssm.js";
export type {
  components as ImageBuilderComponents,
  operations as ImageBuilderOperations,
  paths as ImageBuilderPaths,
} from "../generated/types/imagebuilder.js";
export type { ImageBuilderOperationErrors, SsmOperationErrors } from "../generated/types/errors.js";
export type {
  ImageBuilderOperationName,
  OperationError,
  OperationErrorName,
  OperationName,
  ServiceErrorName,
  SsmOperationName,
} from "./client/errors.js";
export type { BodyKind, OperationBody, ValidationResult } from "./validate.js";
export type { ValidationIssue } from "./validation/errors.js";
export type { CallOptions, ClientOptions, CredentialProvider, Credentials } from "./client/types/options.js";
export type { RetryErrorInfo, RetryErrorType, RetryStrategy, RetryToken } from "./client/types/retry.js";
export type { ImageBuilderClient } from "./client/imagebuilder.js";
export type { SsmClient } from "./client/ssm.js";

import type { components as Ssm } from "../generated/types/ssm.js";
import type { components as ImageBuilder } from "../generated/types/imagebuilder.js";

/** Every SSM schema by name: `SsmSchemas["Command"]`, `SsmSchemas["CommandInvocation"]`, ... */
export type SsmSchemas = Ssm["schemas"];
/** Every Image Builder schema by name: `ImageBuilderSchemas["WorkflowStepMetadata"]`, ... */
export type ImageBuilderSchemas = ImageBuilder["schemas"];

/** The input (request body) of an operation. */
export type OperationInput<Op extends OperationName> = OperationBody<Op, "request">;
/** The output (success body) of an operation. */
export type OperationOutput<Op extends OperationName> = OperationBody<Op, "response">;
