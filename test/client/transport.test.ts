/**
 * The default transport under Node (node:http on the keep-alive agent), against a real server on
 * 127.0.0.1: what it sends, how it hands the answer back (status, headers, bytes), and how it fails.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSsmClient, isServiceError } from "../../src/index.js";
import { Cancel } from "../../src/client/cancel.js";
import { platform } from "../../src/client/platform/node.js";
import { nodeTransport } from "../../src/client/transport-node.js";
import type { WireRequest } from "../../src/client/types/wire.js";

const exchange = (url: string, body = "{}", headers: Record<string, string> = {}): WireRequest => ({
  url: new URL(url),
  method: "POST",
  headers,
  body,
  cancel: new Cancel(),
  maxResponseBytes: 1024,
});
const transport = (request: WireRequest) => nodeTransport(request, "ListCommands");

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

let server: Server;
let base: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (req.url === "/no-content") return void res.writeHead(204).end();
      if (req.headers["x-amz-target"] === "AmazonSSM.GetMaintenanceWindowExecution") {
        res.writeHead(400, { "content-type": "application/x-amz-json-1.1", "x-amzn-RequestId": "req-400" });
        return void res.end(JSON.stringify({ __type: "DoesNotExistException", Message: "no such execution" }));
      }
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1", "x-amzn-RequestId": "req-200", "set-cookie": ["a=1", "b=2"] });
      res.end(JSON.stringify({ Commands: [{ CommandId: "088e4813-f292-48b3-8180-d8be9EXAMPLE", RequestedDateTime: 1582244543.188 }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the Node transport", () => {
  it("is the Node entry point's transport", () => {
    expect(platform.transport).toBe(nodeTransport);
  });

  it("sends the method, path, headers and body, and returns the status, every header and the body", async () => {
    seen.length = 0;
    const { status, headers, bytes } = await transport(exchange(`${base}/`, '{"MaxResults":5}', { "x-amz-target": "AmazonSSM.ListCommands", "content-type": "application/x-amz-json-1.1" }));
    expect(seen).toEqual([expect.objectContaining({ method: "POST", url: "/", body: '{"MaxResults":5}' })]);
    expect(seen[0]!.headers).toMatchObject({ "x-amz-target": "AmazonSSM.ListCommands", "content-type": "application/x-amz-json-1.1", "content-length": "16", host: new URL(base).host });
    expect(status).toBe(200);
    expect(headers["x-amzn-requestid"]).toBe("req-200");
    expect(headers["set-cookie"]).toEqual(["a=1", "b=2"]);
    const expected = { Commands: [{ CommandId: "088e4813-f292-48b3-8180-d8be9EXAMPLE", RequestedDateTime: 1582244543.188 }] };
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual(expected);
  });

  it("answers a 204 with an empty body", async () => {
    const { status, bytes } = await transport(exchange(`${base}/no-content`));
    expect(status).toBe(204);
    expect(bytes.byteLength).toBe(0);
  });

  it("rejects when nothing listens", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(transport(exchange(`http://127.0.0.1:${port}/`))).rejects.toMatchObject({ name: "NetworkError", code: "ECONNREFUSED", message: expect.stringMatching(/ECONNREFUSED/) });
  });

  it("carries a whole client call: signed request out, typed output and typed errors back", async () => {
    const ssm = createSsmClient({ region: "us-east-1", endpoint: base, credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" } });
    seen.length = 0;
    const output = await ssm.listCommands({ MaxResults: 5 });
    expect(output.Commands?.[0]?.RequestedDateTime).toBe(1582244543.188);
    expect(seen[0]!.url).toBe("/");
    expect(seen[0]!.headers["authorization"]).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/ssm\/aws4_request, SignedHeaders=[^,]*x-amz-target/);
    const thrown = await ssm.getMaintenanceWindowExecution({ WindowExecutionId: "9fac7dd9-ff21-42a5-96ad-bbc4b0e0e0e0" }).catch((e: unknown) => e);
    expect(isServiceError(thrown, "DoesNotExistException")).toBe(true);
    expect(thrown).toMatchObject({ status: 400, requestId: "req-400", message: "no such execution" });
  });
});
