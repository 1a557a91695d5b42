/**
 * This package's own client (src/), pointed at the mock with only an endpoint override and dummy
 * credentials. The `Prefer` header and the request-body recording go through the injected `fetch`,
 * the client's own extension point: the library itself is used unmodified.
 */
import { createImageBuilderClient, createSsmClient, isServiceError, ServiceError } from "../../../src/index.js";
import type { OperationName } from "../operations.js";
import type { CallOptions, ClientError, ContractClient } from "./contract-client.js";

/** What `call` resolves to here: the client's output, plus the request ID its response carried. */
interface Answer {
  output: unknown;
  requestId: string | undefined;
}

const METHODS: Record<OperationName, { service: "ssm" | "imagebuilder"; method: string }> = {
  ListCommands: { service: "ssm", method: "listCommands" },
  ListCommandInvocations: { service: "ssm", method: "listCommandInvocations" },
  GetMaintenanceWindowExecution: { service: "ssm", method: "getMaintenanceWindowExecution" },
  DescribeAutomationStepExecutions: { service: "ssm", method: "describeAutomationStepExecutions" },
  ListWorkflowStepExecutions: { service: "imagebuilder", method: "listWorkflowStepExecutions" },
};

export function packageClient(endpoint: string): ContractClient {
  /** A client whose fetch adds the options' Prefer header and reports each body and request ID. */
  const client = (operation: OperationName, options: CallOptions, onRequestId: (id: string | undefined) => void) => {
    const fetch = async (request: Request): Promise<Response> => {
      if (options.onRequestBody) options.onRequestBody(await request.clone().text());
      const headers = new Headers(request.headers);
      if (options.prefer) headers.set("prefer", options.prefer);
      const response = await globalThis.fetch(new Request(request, { headers }));
      onRequestId(response.headers.get("x-amzn-RequestId") ?? undefined);
      return response;
    };
    const config = { region: "us-east-1", endpoint, credentials: { accessKeyId: "x", secretAccessKey: "x" }, fetch, validateResponses: true };
    const made = METHODS[operation].service === "ssm" ? createSsmClient(config) : createImageBuilderClient(config);
    return made as unknown as Record<string, (input: unknown) => unknown>;
  };

  return {
    label: "aws-ops-contract client",
    timestampsAsDate: false,
    unmodelledMembers: [],
    async call(operation, input, options = {}) {
      let requestId: string | undefined;
      const output = await client(operation, options, (id) => (requestId = id))[METHODS[operation].method]!(input);
      const answer: Answer = { output, requestId };
      return answer;
    },
    async paginate(operation, input, options = {}) {
      const pages: unknown[] = [];
      const method = `paginate${operation}`;
      const iterable = client(operation, options, () => undefined)[method]!(input) as AsyncIterable<unknown>;
      for await (const page of iterable) pages.push({ output: page, requestId: undefined } satisfies Answer);
      return pages;
    },
    toWire: (answer) => (answer as Answer).output,
    requestId: (answer) => (answer as Answer).requestId,
    error(thrown): ClientError {
      if (!isServiceError(thrown)) throw new Error(`Not an AWS service error: ${String(thrown)}`, { cause: thrown });
      return { name: thrown.name, status: thrown.status, requestId: thrown.requestId, message: thrown.message };
    },
    // One class for every AWS error, discriminated by `name` (checked by `error()` above).
    errorClass: () => ServiceError,
  };
}
