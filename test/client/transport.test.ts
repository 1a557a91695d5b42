/**
 * The default transport under Node (node:http on the keep-alive agent), against a real server on
 * 127.0.0.1: what it sends, how it hands the answer back as a `Response`, and how it fails.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSsmClient, isServiceError } from "../../src/index.js";
import { Cancel, defaultTransport, type Exchange } from "../../src/client/transport.js";

const exchange = (url: string, body = "{}", headers = new Headers()): Exchange => ({
  url: new URL(url),
  method: "POST",
  headers,
  body,
  cancel: new Cancel(),
  maxResponseBytes: 1024,
  tooLarge: (size) => new Error(`too large: ${size}`),
  invalid: (status) => new Error(`invalid: ${status}`),
});

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
  it("is node:http under Node, chosen once", async () => {
    const transport = await defaultTransport();
    expect(transport.name).toBe("nodeTransport");
    expect(await defaultTransport()).toBe(transport);
  });

  it("sends the method, path, headers and body, and returns a real Response: status, every header and the body", async () => {
    const transport = await defaultTransport();
    seen.length = 0;
    const { response, bytes } = await transport(exchange(`${base}/`, '{"MaxResults":5}', new Headers({ "x-amz-target": "AmazonSSM.ListCommands", "content-type": "application/x-amz-json-1.1" })));
    expect(seen).toEqual([expect.objectContaining({ method: "POST", url: "/", body: '{"MaxResults":5}' })]);
    expect(seen[0]!.headers).toMatchObject({ "x-amz-target": "AmazonSSM.ListCommands", "content-type": "application/x-amz-json-1.1", "content-length": "16", host: new URL(base).host });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-amzn-requestid")).toBe("req-200");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    const expected = { Commands: [{ CommandId: "088e4813-f292-48b3-8180-d8be9EXAMPLE", RequestedDateTime: 1582244543.188 }] };
    // The bytes the call parses are the body of the Response it hands openapi-fetch.
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual(expected);
    expect(await response.json()).toEqual(expected);
  });

  it("answers a 204 with an empty body", async () => {
    const { response, bytes } = await (await defaultTransport())(exchange(`${base}/no-content`));
    expect(response.status).toBe(204);
    expect(bytes).toBeUndefined();
    expect(await response.text()).toBe("");
  });

  it("rejects when nothing listens", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect((await defaultTransport())(exchange(`http://127.0.0.1:${port}/`))).rejects.toThrow(/ECONNREFUSED/);
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
