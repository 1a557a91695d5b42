/**
 * HTTP that is legal, or at least possible, but unusual, sent raw over loopback: CONNECT, HTTP/1.1
 * without Host, an Expect the mock cannot meet, Upgrade, absolute-form targets, bytes that are not
 * HTTP. Each answer is either served like its ordinary form or is an error in the AWS format (an
 * error name, a message, an `x-amzn-RequestId`), never Node's bare status line or a silent close.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../mock/src/index.js";
import { rawSocket, readUntilClose } from "../mock/wire.js";

const SSM = "application/x-amz-json-1.1";
const WORKFLOW = '{"workflowExecutionId":"wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b"}';
let mock: RunningMock;
let authority: string;

beforeAll(async () => {
  mock = await startMock({ port: 0 });
  authority = new URL(mock.url).host;
});
afterAll(() => mock?.close());

interface RawAnswer {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/** Sends `text` on a fresh connection and parses the first answer (the mock closes these, or `Connection: close` asks it to). */
async function raw(text: string): Promise<RawAnswer> {
  const socket = await rawSocket(mock.url);
  socket.on("error", () => undefined);
  socket.write(text);
  const { data, closed } = await readUntilClose(socket, 10_000);
  expect(closed, `no close after: ${data.slice(0, 200)}`).toBe(true);
  const end = data.indexOf("\r\n\r\n");
  expect(end, `not an HTTP answer: ${JSON.stringify(data.slice(0, 200))}`).toBeGreaterThan(0);
  const [statusLine, ...lines] = data.slice(0, end).split("\r\n");
  const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
  return { status: Number(/^HTTP\/1\.[01] (\d{3}) /.exec(statusLine!)?.[1]), headers, body: data.slice(end + 4) };
}

/** An AWS JSON error (`POST /`): `__type` and `Message` in the body, the SSM media type, a request ID. */
function expectAwsJsonError(answer: RawAnswer, status: number, name: string, message: RegExp): void {
  expect(answer.status, answer.body).toBe(status);
  expect(answer.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
  // A Date the SDKs can correct their clock from, on answers written straight to the socket too.
  expect(Number.isNaN(Date.parse(answer.headers.get("date") ?? ""))).toBe(false);
  expect(answer.headers.get("content-type")).toBe(SSM);
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  expect(body["__type"]).toBe(name);
  expect(body["Message"]).toMatch(message);
}

/** A REST JSON error (Image Builder's path): `x-amzn-ErrorType`, `{"message"}`, a request ID. */
function expectRestJsonError(answer: RawAnswer, status: number, name: string, message: RegExp): void {
  expect(answer.status, answer.body).toBe(status);
  expect(answer.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
  expect(answer.headers.get("x-amzn-errortype")).toBe(name);
  expect(answer.headers.get("content-type")).toBe("application/json");
  expect(JSON.parse(answer.body)).toEqual({ message: expect.stringMatching(message) });
}

const ssm = (target: string, extra = "", body = "{}"): string =>
  `POST ${target} HTTP/1.1\r\nContent-Type: ${SSM}\r\nX-Amz-Target: AmazonSSM.ListCommands\r\nContent-Length: ${body.length}\r\nConnection: close\r\n${extra}\r\n${body}`;
const imagebuilder = (target: string, extra = ""): string =>
  `POST ${target} HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: ${WORKFLOW.length}\r\nConnection: close\r\n${extra}\r\n${WORKFLOW}`;

describe("answers in the AWS error format", () => {
  it("CONNECT: 405 MethodNotAllowedException, named both AWS ways, then the connection closes", async () => {
    const answer = await raw(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`);
    expectAwsJsonError(answer, 405, "MethodNotAllowedException", /CONNECT is not supported/);
    expect(answer.headers.get("x-amzn-errortype")).toBe("MethodNotAllowedException");
    expect(answer.headers.get("allow")).toBe("POST");
  });

  it("HTTP/1.1 without Host: 400 BadRequestException in the format of the path's protocol", async () => {
    expectAwsJsonError(await raw(ssm("/")), 400, "BadRequestException", /must carry a Host header/);
    expectRestJsonError(await raw(imagebuilder("/ListWorkflowStepExecutions")), 400, "BadRequestException", /must carry a Host header/);
  });

  it("HTTP/1.0 without Host is served (Host is an HTTP/1.1 requirement)", async () => {
    const answer = await raw(ssm("/").replace("HTTP/1.1", "HTTP/1.0"));
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body)).toHaveProperty("Commands");
  });

  it("Expect: teapot: 417 ExpectationFailedException in the format of the path's protocol", async () => {
    expectAwsJsonError(await raw(ssm("/", `Host: ${authority}\r\nExpect: teapot\r\n`)), 417, "ExpectationFailedException", /Expect: teapot cannot be met/);
    expectRestJsonError(await raw(imagebuilder("/ListWorkflowStepExecutions", `Host: ${authority}\r\nExpect: teapot\r\n`)), 417, "ExpectationFailedException", /100-continue/);
  });

  it("Expect: 100-continue still works", async () => {
    const answer = await raw(ssm("/", `Host: ${authority}\r\nExpect: 100-continue\r\n`));
    expect(answer.status).toBe(100);
    expect(answer.body).toMatch(/^HTTP\/1.1 200 /);
  });

  it("an Upgrade request is answered as the request it is (405 for GET /)", async () => {
    const answer = await raw(`GET / HTTP/1.1\r\nHost: ${authority}\r\nConnection: Upgrade, close\r\nUpgrade: websocket\r\n\r\n`);
    expectAwsJsonError(answer, 405, "MethodNotAllowedException", /GET is not allowed/);
  });

  it("bytes that are not HTTP: 400 SerializationException with a request ID", async () => {
    const answer = await raw("HELLO\r\n\r\n");
    expectAwsJsonError(answer, 400, "SerializationException", /not valid HTTP/);
    expect(answer.headers.get("x-amzn-errortype")).toBe("SerializationException");
  });
});

describe("absolute-form targets (RFC 9112, section 3.2.2)", () => {
  it("POST http://host:port/ is routed like POST / (SSM)", async () => {
    const answer = await raw(ssm(`http://${authority}/`, `Host: ${authority}\r\n`));
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body)).toHaveProperty("Commands");
  });

  it("POST http://host:port/ListWorkflowStepExecutions?x=1 is routed like its origin form (Image Builder)", async () => {
    const answer = await raw(imagebuilder(`http://${authority}/ListWorkflowStepExecutions?x=1`, `Host: ${authority}\r\n`));
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body)).toHaveProperty("steps");
  });

  it("an absolute-form error keeps its protocol's format (an unknown target on /)", async () => {
    const answer = await raw(ssm(`http://${authority}/`, `Host: ${authority}\r\n`).replace("AmazonSSM.ListCommands", "AmazonSSM.SendCommand"));
    expectAwsJsonError(answer, 400, "UnknownOperationException", /'AmazonSSM.SendCommand'/);
  });
});
