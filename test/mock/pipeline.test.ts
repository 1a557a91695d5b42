/**
 * The pipeline as a whole, on a mock started for this file with an injected clock: the order of the
 * stages as a client sees it, one AnswerEvent per answer from every place that answers, and the
 * clock behind `Date` and the signing window.
 */
import { SignatureV4 } from "@smithy/signature-v4";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeSha256 } from "../../mock/src/auth/sha256.js";
import { DEFAULT_CREDENTIALS, DEFAULT_SIGNING_WINDOW_MS, startMock, type AnswerEvent, type RunningMock } from "../../mock/src/index.js";
import { bundledModel } from "aws-ops-contract/model";
import { ManualClock } from "../support/manual-clock.js";
import { send, ssmHeaders } from "./wire.js";

let clock: ManualClock;
let signed: RunningMock;
let plain: RunningMock;
const events: AnswerEvent[] = [];

beforeAll(async () => {
  clock = new ManualClock();
  signed = await startMock({ port: 0, clock, auth: "sigv4" });
  plain = await startMock({ port: 0, clock });
  plain.events.subscribe((event) => events.push(event));
});
afterAll(async () => {
  await signed.close();
  await plain.close();
});

/** Sends and returns the answer with the one event it emitted. */
async function answered(url: string, init: Parameters<typeof send>[1]): Promise<{ answer: Awaited<ReturnType<typeof send>>; event: AnswerEvent }> {
  events.length = 0;
  const answer = await send(url, init);
  // The event is emitted once the answer is written; the client may read it first.
  while (events.length === 0) await new Promise((resolve) => setImmediate(resolve));
  expect(events).toHaveLength(1);
  return { answer, event: events[0]! };
}

async function signedHeaders(body: string, at: number, secretAccessKey = DEFAULT_CREDENTIALS.secretAccessKey): Promise<Record<string, string>> {
  const signer = new SignatureV4({ service: "ssm", region: "us-east-1", credentials: { ...DEFAULT_CREDENTIALS, secretAccessKey }, sha256: NodeSha256 });
  const { host } = new URL(signed.url);
  const headers = { host, ...ssmHeaders("ListCommands") };
  const request = await signer.sign({ method: "POST", protocol: "http:", hostname: "127.0.0.1", path: "/", query: {}, headers, body }, { signingDate: new Date(at) });
  const { host: _host, ...out } = request.headers as Record<string, string>;
  return out;
}

describe("the order of the stages, as a client sees it", () => {
  it("a bad signature on a malformed body answers the signature error, as AWS does (auth before parse)", async () => {
    const body = "{not json";
    const answer = await send(signed.url, { headers: await signedHeaders(body, clock.now(), "wrong-secret"), body });
    expect(answer.status).toBe(400);
    expect(answer.errorName).toBe("InvalidSignatureException");
    // Signed well, the same body reaches the parser.
    const parsed = await send(signed.url, { headers: await signedHeaders(body, clock.now()), body });
    expect(parsed.errorName).toBe("SerializationException");
  });

  it("an unknown operation is refused before its body is read or its signature checked", async () => {
    const answer = await send(signed.url, { headers: ssmHeaders("DeleteEverything"), body: "{not json" });
    expect(answer.errorName).toBe("UnknownOperationException");
  });

  it("a malformed body with a malformed Prefer answers the SerializationException (parse before prefer)", async () => {
    const answer = await send(plain.url, { headers: ssmHeaders("ListCommands", { prefer: "code=9999" }), body: "[" });
    expect(answer.errorName).toBe("SerializationException");
  });
});

describe("the clock", () => {
  it("dates every answer", async () => {
    const answer = await send(plain.url, { headers: ssmHeaders("ListCommands"), body: "{}" });
    expect(answer.headers.get("date")).toBe(new Date(clock.now()).toUTCString());
  });

  it("is what the signing window is measured from", async () => {
    const signedAt = clock.now();
    const headers = await signedHeaders("{}", signedAt);
    expect((await send(signed.url, { headers, body: "{}" })).status).toBe(200);
    clock.advance(DEFAULT_SIGNING_WINDOW_MS + 1000);
    const late = await send(signed.url, { headers, body: "{}" });
    expect(late.errorName).toBe("InvalidSignatureException");
    expect(late.json?.["message"]).toMatch(/Signature expired/);
  });
});

describe("one AnswerEvent per answer, from every place that answers", () => {
  it("an answer from the data set: the operation, its input, the source, the SDK's attempt marks and the headers", async () => {
    const { answer, event } = await answered(plain.url, {
      headers: ssmHeaders("ListCommands", { "amz-sdk-invocation-id": "inv-1", "amz-sdk-request": "attempt=2; max=3" }),
      body: '{"MaxResults":5,"CommandId":null}',
    });
    expect(event).toMatchObject({
      requestId: answer.headers.get("x-amzn-requestid"),
      receivedAt: clock.now(),
      method: "POST",
      path: "/",
      operation: "ListCommands",
      target: "AmazonSSM.ListCommands",
      service: bundledModel().operations.find((o) => o.operationId === "ListCommands")!.service,
      input: { MaxResults: 5 },
      status: 200,
      errorName: undefined,
      answeredBy: "answer",
      source: "dataSet",
      auth: { checked: false },
      invocationId: "inv-1",
      attempt: 2,
      closed: undefined,
    });
    expect(event.headers["x-amz-target"]).toBe("AmazonSSM.ListCommands");
    expect(Object.keys(event.timings.stages)).toEqual(["read", "cors", "admin", "route", "body", "auth", "parse", "validate", "prefer", "faults", "delay", "answer"]);
  });

  it("a documented example, generated data, and a refusal name their source or stage", async () => {
    expect((await answered(plain.url, { headers: ssmHeaders("ListCommands", { prefer: "example=ThrottlingException" }), body: "{}" })).event).toMatchObject({ status: 400, errorName: "ThrottlingException", source: "example", answeredBy: "answer" });
    expect((await answered(plain.url, { headers: ssmHeaders("ListCommands", { prefer: "dynamic=true" }), body: "{}" })).event).toMatchObject({ status: 200, source: "generated" });
    expect((await answered(plain.url, { headers: ssmHeaders("ListCommands"), body: '{"MaxResults":0}' })).event).toMatchObject({ status: 400, errorName: "ValidationException", answeredBy: "validate", source: undefined, input: { MaxResults: 0 } });
    expect((await answered(plain.url, { headers: ssmHeaders("Nope"), body: "{}" })).event).toMatchObject({ status: 400, errorName: "UnknownOperationException", answeredBy: "route", operation: undefined });
  });

  it("CORS preflights and the admin API", async () => {
    // A page of an origin nobody named is refused at the preflight (admin/access.ts).
    const preflight = await answered(plain.url, { method: "OPTIONS", path: "/_mock/data", headers: { origin: "http://page.test", "access-control-request-method": "PUT" } });
    expect(preflight.answer.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.event).toMatchObject({ method: "OPTIONS", status: 403, errorName: "AccessDeniedException", answeredBy: "cors" });
    expect((await answered(plain.url, { method: "GET", path: "/_mock/data" })).event).toMatchObject({ method: "GET", path: "/_mock/data", status: 200, answeredBy: "admin", operation: undefined });
    expect((await answered(plain.url, { method: "GET", path: "/_mock/nothing" })).event).toMatchObject({ status: 404, errorName: "UnknownOperationException", answeredBy: "admin" });
  });

  it("the answers the server writes itself", async () => {
    events.length = 0;
    const { port } = new URL(plain.url);
    const text = await new Promise<string>((resolve) => {
      let data = "";
      const socket = connect(Number(port), "127.0.0.1", () => socket.write("NOT HTTP AT ALL\r\n\r\n"));
      socket.on("data", (chunk) => (data += chunk)).on("close", () => resolve(data)).on("error", () => undefined);
    });
    expect(text).toMatch(/^HTTP\/1.1 400 /);
    while (events.length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(events).toMatchObject([{ status: 400, errorName: "SerializationException", answeredBy: "server", requestId: /\r\nx-amzn-RequestId: (\S+)\r\n/.exec(text)?.[1] }]);
  });

  it("a signed request's event carries the verdict and the access key ID, never the signature", async () => {
    const received: AnswerEvent[] = [];
    const stop = signed.events.subscribe((event) => received.push(event));
    const headers = await signedHeaders("{}", clock.now(), "wrong-secret");
    await send(signed.url, { headers: { ...headers, "x-amz-security-token": "SESSION-TOKEN" }, body: "{}" });
    while (received.length === 0) await new Promise((resolve) => setImmediate(resolve));
    stop();
    // A session token the credentials do not have: the token is refused, as AWS refuses it.
    expect(received[0]).toMatchObject({ answeredBy: "auth", auth: { checked: true, ok: false, error: "UnrecognizedClientException", accessKeyId: DEFAULT_CREDENTIALS.accessKeyId } });
    const text = JSON.stringify(received[0]);
    expect(text).not.toContain(headers["authorization"]!.split("Signature=")[1]!);
    expect(text).not.toContain("SESSION-TOKEN");
  });
});

describe("Prism is loaded on first use", () => {
  it("a mock's very first request, asking for a documented example, gets it", async () => {
    const fresh = await startMock({ port: 0 });
    try {
      const answer = await send(fresh.url, { headers: ssmHeaders("ListCommands", { prefer: "example=InvalidNextToken" }), body: "{}" });
      expect(answer.status).toBe(400);
      const documented = bundledModel().operations.find((o) => o.operationId === "ListCommands")!.responses.find((r) => r.status === 400)!.examples!.get("InvalidNextToken");
      expect(answer.json).toEqual(documented);
    } finally {
      await fresh.close();
    }
  });
});
