/**
 * This package's own client (src/), pointed at the mock with only an endpoint override and dummy
 * credentials, on its DEFAULT transport (node:http under Node; no `fetch` injected). The `Prefer`
 * header goes in through the client's documented `headers` option. What the tests also read off
 * the wire, the client does not hand back (the request ID of a success, the bodies a paginator
 * sends), so it is observed from outside: the request ID through Node's documented
 * `http.client.response.finish` diagnostics channel, and the bodies through a transparent
 * recording relay on 127.0.0.1 used by the calls that ask for them.
 */
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { ClientRequest, IncomingMessage } from "node:http";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { createImageBuilderClient, createSsmClient, isServiceError } from "../../../src/index.js";
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

/** Runs `run`, collecting the `x-amzn-RequestId` of every node:http answer to `host` that finishes meanwhile. */
async function withRequestIds<T>(host: string, run: () => Promise<T>): Promise<{ value: T; ids: Array<string | undefined> }> {
  const ids: Array<string | undefined> = [];
  const onFinish = (message: unknown): void => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    if (request.getHeader("host") === host) ids.push(response.headers["x-amzn-requestid"] as string | undefined);
  };
  subscribe("http.client.response.finish", onFinish);
  try {
    return { value: await run(), ids };
  } finally {
    unsubscribe("http.client.response.finish", onFinish);
  }
}

/** A relay to `target` on 127.0.0.1 that passes every byte through and reports each request body. */
async function recordingRelay(target: string, onBody: (body: string) => void): Promise<{ url: string; close: () => Promise<void> }> {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      onBody(body.toString("utf8"));
      const out = httpRequest(new URL(req.url!, upstream), { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode!, answer.rawHeaders);
        answer.pipe(res);
      });
      out.on("error", () => res.destroy());
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

export function packageClient(endpoint: string): ContractClient {
  const host = new URL(endpoint).host;
  /** A client on the default transport; `Prefer` through the `headers` option. */
  const client = (operation: OperationName, options: CallOptions, at = endpoint) => {
    const config = { region: "us-east-1", endpoint: at, credentials: { accessKeyId: "x", secretAccessKey: "x" }, validateResponses: true, ...(options.prefer ? { headers: { prefer: options.prefer } } : {}) };
    const made = METHODS[operation].service === "ssm" ? createSsmClient(config) : createImageBuilderClient(config);
    return made as unknown as Record<string, (input: unknown) => unknown>;
  };

  return {
    label: "aws-ops-contract client",
    timestampsAsDate: false,
    unmodelledMembers: [],
    async call(operation, input, options = {}) {
      const { value: output, ids } = await withRequestIds(host, async () => client(operation, options)[METHODS[operation].method]!(input));
      const answer: Answer = { output, requestId: ids.at(-1) };
      return answer;
    },
    async paginate(operation, input, options = {}) {
      const relay = options.onRequestBody ? await recordingRelay(endpoint, options.onRequestBody) : undefined;
      try {
        const pages: unknown[] = [];
        const iterable = client(operation, options, relay?.url ?? endpoint)[`paginate${operation}`]!(input) as AsyncIterable<unknown>;
        for await (const page of iterable) pages.push({ output: page, requestId: undefined } satisfies Answer);
        return pages;
      } finally {
        await relay?.close();
      }
    },
    toWire: (answer) => (answer as Answer).output,
    requestId: (answer) => (answer as Answer).requestId,
    error(thrown): ClientError {
      if (!isServiceError(thrown)) throw new Error(`Not an AWS service error: ${String(thrown)}`, { cause: thrown });
      return { name: thrown.name, status: thrown.status, requestId: thrown.requestId, message: thrown.message };
    },
    // One class for every AWS error, discriminated by `name`: typed means a ServiceError with this
    // name, raised by this operation (`isServiceError(err, name)` is what users write).
    isTypedError: (operation, name, thrown) => isServiceError(thrown) && thrown.name === name && thrown.operation === operation,
  };
}
