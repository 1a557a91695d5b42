/**
 * The official AWS SDK for JavaScript v3 clients, pointed at the mock with only an endpoint override
 * and dummy credentials.
 */
import * as ssm from "@aws-sdk/client-ssm";
import * as imagebuilder from "@aws-sdk/client-imagebuilder";
import type { OperationName } from "../operations.js";
import type { CallOptions, ClientError, ContractClient } from "./contract-client.js";

type SdkClient = ssm.SSMClient | imagebuilder.ImagebuilderClient;

/**
 * The few lines of SDK middleware that ask the mock for a particular answer: they set Prism's
 * `Prefer` header on every request the client sends. (mock/README.md, the `Prefer` header.)
 */
export function withPrefer<C extends SdkClient>(client: C, prefer: string): C {
  (client.middlewareStack as ssm.SSMClient["middlewareStack"]).add(
    (next) => (args) => {
      (args.request as { headers: Record<string, string> }).headers["prefer"] = prefer;
      return next(args);
    },
    { step: "build", name: "mockPreferHeader" },
  );
  return client;
}

function recordBodies<C extends SdkClient>(client: C, onBody: (body: string) => void): C {
  (client.middlewareStack as ssm.SSMClient["middlewareStack"]).add(
    (next) => (args) => {
      onBody(String((args.request as { body?: unknown }).body ?? ""));
      return next(args);
    },
    { step: "finalizeRequest", name: "mockRecordBody" },
  );
  return client;
}

const SSM_OPERATIONS = ["ListCommands", "ListCommandInvocations", "GetMaintenanceWindowExecution", "DescribeAutomationStepExecutions"];

export function sdkClientConfig(endpoint: string) {
  return {
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
    // The mock answers 429/500/503 on request; retrying them would only slow the tests down.
    maxAttempts: 1,
  };
}

export function awsSdkClient(endpoint: string): ContractClient {
  const isSsm = (operation: OperationName): boolean => SSM_OPERATIONS.includes(operation);
  const sdk = (operation: OperationName): Record<string, unknown> => (isSsm(operation) ? ssm : imagebuilder) as unknown as Record<string, unknown>;

  const client = (operation: OperationName, options: CallOptions): SdkClient => {
    const made = isSsm(operation) ? new ssm.SSMClient(sdkClientConfig(endpoint)) : new imagebuilder.ImagebuilderClient(sdkClientConfig(endpoint));
    if (options.prefer) withPrefer(made, options.prefer);
    if (options.onRequestBody) recordBodies(made, options.onRequestBody);
    return made;
  };

  return {
    label: "official AWS SDK v3",
    timestampsAsDate: true,
    // In the spec (the ListCommands page's sample carries it) but not in the SDK's model: dropped.
    unmodelledMembers: ["Commands/*/Interactive"],
    async call(operation, input, options = {}) {
      const Command = sdk(operation)[`${operation}Command`] as new (input: unknown) => never;
      return (client(operation, options) as { send(command: unknown): Promise<unknown> }).send(new Command(input));
    },
    async paginate(operation, input, options = {}) {
      const paginate = sdk(operation)[`paginate${operation}`] as (config: { client: SdkClient }, input: unknown) => AsyncIterable<unknown>;
      const pages: unknown[] = [];
      for await (const page of paginate({ client: client(operation, options) }, input)) pages.push(page);
      return pages;
    },
    toWire(output) {
      const { $metadata: _metadata, ...rest } = output as Record<string, unknown>;
      return datesToEpoch(rest);
    },
    requestId(output) {
      return (output as { $metadata?: { requestId?: string } }).$metadata?.requestId;
    },
    error(thrown) {
      const error = thrown as { name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number; requestId?: string }; $fault?: unknown };
      if (!(thrown instanceof ssm.SSMServiceException) && !(thrown instanceof imagebuilder.ImagebuilderServiceException)) {
        throw new Error(`Not an AWS service error: ${String(thrown)}`, { cause: thrown });
      }
      const result: ClientError = {
        name: String(error.name),
        status: error.$metadata?.httpStatusCode,
        requestId: error.$metadata?.requestId,
        message: String(error.message),
      };
      return result;
    },
    isTypedError(operation, name, thrown) {
      const candidate = sdk(operation)[name];
      const base = isSsm(operation) ? ssm.SSMServiceException : imagebuilder.ImagebuilderServiceException;
      return typeof candidate === "function" && candidate.prototype instanceof base ? thrown instanceof candidate : undefined;
    },
  };
}

/** SDK outputs carry timestamps as Date; on the SSM wire they are epoch seconds. */
function datesToEpoch(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(datesToEpoch);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, datesToEpoch(v)]));
  return value;
}
