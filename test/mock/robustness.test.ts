/**
 * Bad input on the wire: each gets a clear error in the protocol's own format (never Prism's
 * problem+json), and nothing hangs or crashes the mock.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startMock, DEFAULT_MAX_BODY_BYTES, type RunningMock } from "../../mock/src/index.js";
import { rawSocket, readUntilClose, send, ssmHeaders, SSM_JSON, type Answer } from "./wire.js";

const url = inject("mockUrl");
const IMAGEBUILDER = "/ListWorkflowStepExecutions";
const WORKFLOW = { workflowExecutionId: "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b" };

/** An AWS JSON error: status, `{"__type", "Message"}`, the SSM media type, a request ID. */
function expectSsmError(answer: Answer, status: number, name: string, message?: RegExp): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get("content-type")).toBe(SSM_JSON);
  expect(answer.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
  expect(Object.keys(answer.json ?? {}).sort()).toEqual(["Message", "__type"]);
  expect(answer.json?.["__type"]).toBe(name);
  if (message) expect(answer.json?.["Message"]).toMatch(message);
}

/** A REST JSON error: status, `x-amzn-ErrorType`, `{"message"}`, `application/json`, a request ID. */
function expectRestError(answer: Answer, status: number, name: string, message?: RegExp): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get("content-type")).toBe("application/json");
  expect(answer.headers.get("x-amzn-errortype")).toBe(name);
  expect(answer.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
  expect(Object.keys(answer.json ?? {})).toEqual(["message"]);
  if (message) expect(answer.json?.["message"]).toMatch(message);
}

describe("routing", () => {
  it("a missing X-Amz-Target: UnknownOperationException", async () => {
    expectSsmError(await send(url, { headers: ssmHeaders(undefined), body: "{}" }), 400, "UnknownOperationException", /X-Amz-Target header is missing/);
  });

  it("an unknown X-Amz-Target: UnknownOperationException listing the operations", async () => {
    const answer = await send(url, { headers: ssmHeaders("SendCommand"), body: "{}" });
    expectSsmError(answer, 400, "UnknownOperationException", /'AmazonSSM.SendCommand'.*AmazonSSM.ListCommands/);
  });

  it("an unknown path: 404 UnknownOperationException", async () => {
    expectRestError(await send(url, { path: "/ListImages", headers: { "content-type": "application/json" }, body: "{}" }), 404, "UnknownOperationException", /POST \/ListImages/);
  });

  it("a wrong method on /: 405 in the AWS JSON format, with Allow", async () => {
    const answer = await send(url, { method: "GET", headers: ssmHeaders("ListCommands") });
    expectSsmError(answer, 405, "MethodNotAllowedException", /GET is not allowed/);
    expect(answer.headers.get("allow")).toBe("POST");
  });

  it("a wrong method on Image Builder's path: 405 in the REST JSON format", async () => {
    const answer = await send(url, { method: "PUT", path: IMAGEBUILDER, headers: { "content-type": "application/json" }, body: "{}" });
    expectRestError(answer, 405, "MethodNotAllowedException");
    expect(answer.headers.get("allow")).toBe("POST");
  });

  it("a query string does not change the route", async () => {
    const answer = await send(url, { path: "/?x=1", headers: ssmHeaders("ListCommands"), body: "{}" });
    expect(answer.status).toBe(200);
  });
});

describe("the body", () => {
  it.each([
    ["malformed", '{"MaxResults": }'],
    ["truncated", '{"MaxResults": 10, "Filters": [{"key": "Status"'],
    ["not UTF-8", Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
  ])("%s JSON: SerializationException (SSM)", async (_label, body) => {
    expectSsmError(await send(url, { headers: ssmHeaders("ListCommands"), body }), 400, "SerializationException", /not valid (JSON|UTF-8)/);
  });

  it("truncated JSON: SerializationException (Image Builder)", async () => {
    const answer = await send(url, { path: IMAGEBUILDER, headers: { "content-type": "application/json" }, body: '{"workflowExecutionId": "wf-' });
    expectRestError(answer, 400, "SerializationException", /not valid JSON/);
  });

  it.each([["[]", "an array"], ["null", "null"], ['"ListCommands"', "string"], ["42", "number"]])("JSON that is not an object (%s): SerializationException", async (body, kind) => {
    expectSsmError(await send(url, { headers: ssmHeaders("ListCommands"), body }), 400, "SerializationException", new RegExp(`must be a JSON object \\(got ${kind}\\)`));
  });

  it("an empty body is the empty input {}", async () => {
    expect((await send(url, { headers: ssmHeaders("ListCommands") })).status).toBe(200);
    const answer = await send(url, { path: IMAGEBUILDER, headers: { "content-type": "application/json" } });
    expectRestError(answer, 400, "ValidationException", /^1 validation error detected: Value null at 'workflowExecutionId' failed to satisfy constraint: Member must not be null$/);
  });

  it("a wrong content type: 415 UnsupportedMediaTypeException naming the right one", async () => {
    const ssm = await send(url, { headers: ssmHeaders("ListCommands", { "content-type": "application/json" }), body: "{}" });
    expectSsmError(ssm, 415, "UnsupportedMediaTypeException", /must be application\/x-amz-json-1.1.*'application\/json'/);
    const rest = await send(url, { path: IMAGEBUILDER, headers: { "content-type": "text/plain" }, body: JSON.stringify(WORKFLOW) });
    expectRestError(rest, 415, "UnsupportedMediaTypeException", /must be application\/json/);
  });

  it("media type parameters are allowed", async () => {
    const answer = await send(url, { headers: ssmHeaders("ListCommands", { "content-type": `${SSM_JSON}; charset=utf-8` }), body: "{}" });
    expect(answer.status).toBe(200);
  });

  it("__proto__ members are refused as unknown members and pollute nothing", async () => {
    const body = '{"__proto__": {"polluted": true}, "Filters": [{"key": "Status", "value": "Success", "__proto__": {"polluted": true}}]}';
    const answer = await send(url, { headers: ssmHeaders("ListCommands"), body });
    expectSsmError(answer, 400, "ValidationException", /^2 validation errors detected: /);
    expect(answer.json?.["Message"]).toContain(`Value '{"polluted":true}' at '__proto__' failed to satisfy constraint: Member must not be present`);
    expect(answer.json?.["Message"]).toContain(`Value '{"polluted":true}' at 'filters.1.member.__proto__' failed to satisfy constraint: Member must not be present`);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe(`the size limit (${DEFAULT_MAX_BODY_BYTES} bytes)`, () => {
  const oversized = JSON.stringify({ CommandId: "x".repeat(DEFAULT_MAX_BODY_BYTES) });

  it("a declared Content-Length over the limit: 413 RequestEntityTooLargeException", async () => {
    const answer = await send(url, { headers: ssmHeaders("ListCommands"), body: oversized });
    expectSsmError(answer, 413, "RequestEntityTooLargeException", new RegExp(`limit of ${DEFAULT_MAX_BODY_BYTES} bytes`));
  });

  it("a chunked body that grows over the limit: 413, refused while streaming", async () => {
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Far more than the limit if nobody stops it; the mock must answer long before the end.
        if (sent >= 64 * DEFAULT_MAX_BODY_BYTES) controller.close();
        else {
          sent += chunk.length;
          controller.enqueue(chunk);
        }
      },
    });
    const response = await fetch(`${url}${IMAGEBUILDER}`, { method: "POST", headers: { "content-type": "application/json" }, body, duplex: "half" } as RequestInit);
    // Answered while the body was still streaming, not after reading it all.
    expect(sent).toBeLessThan(64 * DEFAULT_MAX_BODY_BYTES);
    expect(response.status).toBe(413);
    expect(response.headers.get("x-amzn-errortype")).toBe("RequestEntityTooLargeException");
    expect(await response.json()).toEqual({ message: `The request body is larger than the mock's limit of ${DEFAULT_MAX_BODY_BYTES} bytes` });
  });

  it("a body just under the limit is read (and then validated)", async () => {
    const body = JSON.stringify({ CommandId: "x".repeat(DEFAULT_MAX_BODY_BYTES - 100) });
    expectSsmError(await send(url, { headers: ssmHeaders("ListCommands"), body }), 400, "ValidationException", /^1 validation error detected: Value 'x{200}\.\.\.' at 'commandId' failed to satisfy constraint: Member must have length less than or equal to 36$/);
  });
});

describe("the Prefer header", () => {
  it("an error example without a code finds its status", async () => {
    const answer = await send(url, { headers: ssmHeaders("ListCommands", { prefer: "example=InvalidNextToken" }), body: "{}" });
    expectSsmError(answer, 400, "InvalidNextToken");
  });

  it.each([
    ["code=abc", /code must be an HTTP status/],
    ["code=404", /code=404 is not a response documented for ListCommands: 200 .*; 400 .*; 500/],
    ["example=NoSuchExample", /example=NoSuchExample is not an example documented for ListCommands/],
    ["code=500, example=InvalidNextToken", /example=InvalidNextToken is not an example of the 500 response/],
    ["dynamic=yes", /dynamic must be true or false/],
  ])("a bad preference (%s): InvalidPreferHeaderException saying what is documented", async (prefer, message) => {
    expectSsmError(await send(url, { headers: ssmHeaders("ListCommands", { prefer }), body: "{}" }), 400, "InvalidPreferHeaderException", message);
  });

  it("unknown preferences are ignored (RFC 7240)", async () => {
    expect((await send(url, { headers: ssmHeaders("ListCommands", { prefer: "respond-async, wait=10" }), body: "{}" })).status).toBe(200);
  });
});

describe("slow and vanishing clients", () => {
  let mock: RunningMock;
  // A mock of its own, with a short body timeout, so the test does not wait the default 10 s.
  beforeAll(async () => {
    mock = await startMock({ port: 0, bodyTimeoutMs: 300 });
  });
  afterAll(() => mock.close());

  it("a body that stops arriving: 408 RequestTimeoutException, then the connection closes", async () => {
    const socket = await rawSocket(mock.url);
    socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Type: ${SSM_JSON}\r\nX-Amz-Target: AmazonSSM.ListCommands\r\nContent-Length: 100\r\n\r\n{"MaxRes`);
    const { data, closed } = await readUntilClose(socket, 5_000);
    expect(closed).toBe(true);
    expect(data).toMatch(/^HTTP\/1.1 408 /);
    expect(data.toLowerCase()).toContain(`content-type: ${SSM_JSON}`);
    expect(data).toContain('{"__type":"RequestTimeoutException","Message":"The request body did not arrive: no data for 300 ms"}');
  });

  it("a client that hangs up mid-body does not disturb the mock", async () => {
    const socket = await rawSocket(mock.url);
    socket.write(`POST /ListWorkflowStepExecutions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"workflowExe`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const answer = await send(mock.url, { path: IMAGEBUILDER, headers: { "content-type": "application/json" }, body: JSON.stringify(WORKFLOW) });
    expect(answer.status).toBe(200);
  });

  it("a client that hangs up before the answer does not disturb the mock", async () => {
    const socket = await rawSocket(mock.url);
    socket.end(`POST / HTTP/1.1\r\nHost: x\r\nContent-Type: ${SSM_JSON}\r\nX-Amz-Target: AmazonSSM.ListCommands\r\nContent-Length: 2\r\n\r\n{}`);
    socket.destroy();
    const answer = await send(mock.url, { headers: ssmHeaders("ListCommands"), body: "{}" });
    expect(answer.status).toBe(200);
  });

  it("garbage instead of HTTP gets 400 SerializationException, named both AWS ways, and a closed connection", async () => {
    const socket = await rawSocket(mock.url);
    socket.write("HELLO\r\n\r\n");
    const { data, closed } = await readUntilClose(socket, 5_000);
    expect(closed).toBe(true);
    expect(data).toMatch(/^HTTP\/1.1 400 /);
    expect(data.toLowerCase()).toContain("x-amzn-errortype: serializationexception");
    const body = JSON.parse(data.slice(data.indexOf("\r\n\r\n") + 4)) as { __type: string; Message: string };
    expect(body.__type).toBe("SerializationException");
    expect(body.Message).toMatch(/not valid HTTP/);
  });

  it("headers too large get 431 RequestHeaderFieldsTooLargeException", async () => {
    const socket = await rawSocket(mock.url);
    socket.write(`POST / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
    const { data, closed } = await readUntilClose(socket, 5_000);
    expect(closed).toBe(true);
    expect(data).toMatch(/^HTTP\/1.1 431 /);
    expect(data).toContain('"__type":"RequestHeaderFieldsTooLargeException"');
  });
});
