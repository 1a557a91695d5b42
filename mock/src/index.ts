/**
 * The contract mock: the bundled OpenAPI documents served on the real AWS wire, for the official AWS
 * SDKs, the AWS CLI and this package's client, pointed at it with only an endpoint override.
 *
 *   const mock = await startMock({ port: 0 });
 *   new SSMClient({ endpoint: mock.url, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
 *   await mock.close();
 */
import { createServer, STATUS_CODES, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createMockHandler, type MockHandlerOptions } from "./handler.js";
import type { SpecSource } from "aws-ops-contract/spec";

export { createMockHandler, DEFAULT_BODY_TIMEOUT_MS, DEFAULT_MAX_BODY_BYTES, type MockHandler, type MockHandlerOptions } from "./handler.js";
export { DEFAULT_CREDENTIALS, DEFAULT_SIGNING_WINDOW_MS, type AuthOption, type MockCredentials, type SigV4AuthOptions } from "./auth/index.js";
export { MAX_DELAY_MS, MAX_FAILURES } from "./faults/index.js";
export { BUNDLED_SPECS, type BundledSpecName, type OpenApiDocument, type SpecSource } from "aws-ops-contract/spec";

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = "127.0.0.1";

export interface StartMockOptions extends Omit<MockHandlerOptions, "specs"> {
  /** Port to listen on; 0 picks a free one. Default 4010. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /** One document to serve (see `specs`). */
  spec?: SpecSource;
  /** The documents to serve. Default: both bundled documents (SSM and Image Builder). */
  specs?: readonly SpecSource[];
}

export interface RunningMock {
  /** The endpoint to give the SDK (`endpoint`) or the AWS CLI (`--endpoint-url`), e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** Stops listening and closes every open connection. */
  close(): Promise<void>;
}

export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const { port = DEFAULT_PORT, host = DEFAULT_HOST, spec, specs, ...rest } = options;
  const handlerOptions: MockHandlerOptions = { ...rest };
  if (specs ?? spec) handlerOptions.specs = specs ?? [spec!];
  const handler = await createMockHandler(handlerOptions);
  const server = createServer(
    {
      // Backstops behind the mock's own body timeout: a client that never finishes its headers or
      // its request is cut off instead of holding a socket for Node's default five minutes.
      headersTimeout: 10_000,
      requestTimeout: 30_000,
      keepAliveTimeout: 5_000,
    },
    handler,
  );
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (socket.writable) socket.end(framingErrorAnswer(error));
    else socket.destroy();
  });
  await listen(server, port, host);
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostInUrl}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

/**
 * The answer to a request Node cannot parse as HTTP (bad framing, oversized headers, headers that
 * never end). Which API it was meant for is unknown, so the error is named both ways the AWS
 * clients read: `__type` in the body (AWS JSON) and the `x-amzn-ErrorType` header (REST JSON).
 */
export function framingErrorAnswer(error: NodeJS.ErrnoException): string {
  const [status, name, message] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "RequestHeaderFieldsTooLargeException", "The request headers are too large."]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "RequestTimeoutException", "The request did not arrive in time."]
        : [400, "SerializationException", `The request is not valid HTTP/1.1 (${error.code ?? "parse error"}).`];
  const body = JSON.stringify({ __type: name, Message: message });
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    "Connection: close",
    "Content-Type: application/x-amz-json-1.1",
    `x-amzn-ErrorType: ${name}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    "",
    body,
  ].join("\r\n");
}
