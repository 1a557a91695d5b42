/**
 * Faults on request through `Prefer`, against the shared mock (no signature checking), with the
 * official SDK v3 clients: throttling as each service throttles, `failures=N` (the first N attempts
 * of one SDK call fail, the SDK's retries then succeed), and `delay=MS` (the answer is held back).
 */
import * as ssm from "@aws-sdk/client-ssm";
import * as imagebuilder from "@aws-sdk/client-imagebuilder";
import { randomUUID } from "node:crypto";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { IncomingMessage } from "node:http";
import { AttemptCounter } from "../../mock/src/faults/index.js";
import { MAX_DELAY_MS, startMock, type AnswerEvent, type RunningMock } from "../../mock/src/index.js";
import { ManualClock } from "../support/manual-clock.js";
import { withPrefer } from "./clients/aws-sdk.js";
import { OPERATIONS } from "./operations.js";
import { send, ssmHeaders } from "./wire.js";

const url = inject("mockUrl");
const WORKFLOW_EXECUTION_ID = "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b";
const credentials = { accessKeyId: "x", secretAccessKey: "x" };

const ssmClient = (prefer: string, options: { maxAttempts?: number; requestTimeout?: number } = {}) =>
  withPrefer(
    new ssm.SSMClient({ endpoint: url, region: "us-east-1", credentials, maxAttempts: options.maxAttempts ?? 3, ...(options.requestTimeout ? { requestHandler: { requestTimeout: options.requestTimeout, throwOnRequestTimeout: true } } : {}) }),
    prefer,
  );
const imagebuilderClient = (prefer: string, maxAttempts: number) => withPrefer(new imagebuilder.ImagebuilderClient({ endpoint: url, region: "us-east-1", credentials, maxAttempts }), prefer);
const listSteps = new imagebuilder.ListWorkflowStepExecutionsCommand({ workflowExecutionId: WORKFLOW_EXECUTION_ID });

type SdkError = Error & { $metadata: { httpStatusCode?: number; attempts?: number } };
const rejection = (promise: Promise<unknown>): Promise<SdkError> =>
  promise.then(
    (value) => {
      throw new Error(`expected an error, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error as SdkError,
  );

describe("throttling, as each service throttles", () => {
  it("SSM: ThrottlingException, HTTP 400, 'Rate exceeded', thrown as the SDK's ThrottlingException", async () => {
    const error = await rejection(ssmClient("example=ThrottlingException", { maxAttempts: 1 }).send(new ssm.ListCommandsCommand({})));
    expect(error).toBeInstanceOf(ssm.ThrottlingException);
    expect(error.message).toBe("Rate exceeded");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it("Image Builder: CallRateLimitExceededException, HTTP 429", async () => {
    const error = await rejection(imagebuilderClient("example=CallRateLimitExceededException", 1).send(listSteps));
    expect(error).toBeInstanceOf(imagebuilder.CallRateLimitExceededException);
    expect(error.$metadata.httpStatusCode).toBe(429);
  });
});

describe("failures=N: the first N attempts of one SDK call fail", () => {
  it("SSM: with retries on, ThrottlingException twice and then the answer, on the third attempt", async () => {
    const output = await ssmClient("example=ThrottlingException, failures=2").send(new ssm.ListCommandsCommand({}));
    expect(output.Commands?.length).toBeGreaterThan(0);
    expect(output.$metadata.attempts).toBe(3);
  });

  it("SSM: with retries off (maxAttempts 1), the call throws the ThrottlingException", async () => {
    const error = await rejection(ssmClient("example=ThrottlingException, failures=2", { maxAttempts: 1 }).send(new ssm.ListCommandsCommand({})));
    expect(error).toBeInstanceOf(ssm.ThrottlingException);
    expect(error.$metadata.attempts).toBe(1);
  });

  it("SSM: with fewer attempts than failures, the call throws after its last attempt", async () => {
    const error = await rejection(ssmClient("example=ThrottlingException, failures=2", { maxAttempts: 2 }).send(new ssm.ListCommandsCommand({})));
    expect(error).toBeInstanceOf(ssm.ThrottlingException);
    expect(error.$metadata.attempts).toBe(2);
  });

  it("SSM: a server fault (code=500) once, then the answer", async () => {
    const output = await ssmClient("code=500, failures=1").send(new ssm.DescribeAutomationStepExecutionsCommand({ AutomationExecutionId: "4105a4fc-f944-11e6-9d32-0123456789ab" }));
    expect(output.$metadata.attempts).toBe(2);
  });

  it("Image Builder: CallRateLimitExceededException twice, then the answer on the third attempt; throws with retries off", async () => {
    const output = await imagebuilderClient("example=CallRateLimitExceededException, failures=2", 3).send(listSteps);
    expect(output.steps?.length).toBeGreaterThan(0);
    expect(output.$metadata.attempts).toBe(3);
    const error = await rejection(imagebuilderClient("example=CallRateLimitExceededException, failures=2", 1).send(listSteps));
    expect(error).toBeInstanceOf(imagebuilder.CallRateLimitExceededException);
  });

  describe.each(OPERATIONS)("on the wire: $name", (op) => {
    const throttle = op.api === "ssm" ? "ThrottlingException" : "CallRateLimitExceededException";
    const call = (headers: Record<string, string>) =>
      op.api === "ssm"
        ? send(url, { headers: ssmHeaders(op.name, headers), body: JSON.stringify(op.input) })
        : send(url, { path: `/${op.name}`, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(op.input) });

    it(`attempts are read from amz-sdk-request: attempts 1 and 2 get ${throttle}, attempt 3 the answer`, async () => {
      const invocation = randomUUID();
      const answers = [];
      for (const attempt of [1, 2, 3]) {
        answers.push(await call({ prefer: `example=${throttle}, failures=2`, "amz-sdk-invocation-id": invocation, "amz-sdk-request": `attempt=${attempt}; max=3` }));
      }
      expect(answers.map((a) => [a.status, a.errorName])).toEqual([
        [op.api === "ssm" ? 400 : 429, throttle],
        [op.api === "ssm" ? 400 : 429, throttle],
        [200, undefined],
      ]);
    });
  });

  it("with only amz-sdk-invocation-id, the mock counts the attempts of each invocation itself", async () => {
    const call = (invocation: string) => send(url, { headers: ssmHeaders("ListCommands", { prefer: "example=ThrottlingException, failures=2", "amz-sdk-invocation-id": invocation }), body: "{}" });
    const first = randomUUID();
    const statuses = [(await call(first)).status, (await call(first)).status, (await call(first)).status, (await call(randomUUID())).status, (await call(first)).status];
    expect(statuses).toEqual([400, 400, 200, 400, 200]);
  });

  it("failures=0 gives the answer at once", async () => {
    const output = await ssmClient("example=ThrottlingException, failures=0", { maxAttempts: 1 }).send(new ssm.ListCommandsCommand({}));
    expect(output.$metadata.attempts).toBe(1);
  });

  it.each([
    ["without amz-sdk-invocation-id or amz-sdk-request", "example=ThrottlingException, failures=2", {}, /amz-sdk-invocation-id/],
    ["without an error to fail with", "failures=2", { "amz-sdk-invocation-id": "a" }, /failures=N needs an error to answer with/],
    ["with a success example", "example=FirstPage, failures=2", { "amz-sdk-invocation-id": "b" }, /failures=N needs an error to answer with/],
    ["with a count that is not a number", "example=ThrottlingException, failures=two", { "amz-sdk-invocation-id": "c" }, /^Prefer: failures must be a whole number from 0 to 100 \(got 'two'\)$/],
  ])("is refused %s", async (_what, prefer, headers, message) => {
    const answer = await send(url, { headers: ssmHeaders("ListCommands", { prefer, ...headers }), body: "{}" });
    expect(answer.status).toBe(400);
    expect(answer.errorName).toBe("InvalidPreferHeaderException");
    expect(answer.json?.["Message"]).toMatch(message);
  });
});

describe("the attempt table is bounded", () => {
  const request = (invocation: string) => ({ headers: { "amz-sdk-invocation-id": invocation } }) as unknown as IncomingMessage;

  it("forgets an invocation 15 minutes after its last attempt", () => {
    const counter = new AttemptCounter();
    const start = Date.UTC(2026, 0, 1);
    expect(counter.attemptOf(request("a"), start)).toEqual({ ok: true, attempt: 1 });
    expect(counter.attemptOf(request("a"), start + 60_000)).toEqual({ ok: true, attempt: 2 });
    expect(counter.attemptOf(request("b"), start + 16 * 60_000)).toEqual({ ok: true, attempt: 1 });
    expect(counter.size).toBe(1);
    expect(counter.attemptOf(request("a"), start + 16 * 60_000)).toEqual({ ok: true, attempt: 1 });
  });

  it("keeps at most 10,000 invocations, dropping the oldest", () => {
    const counter = new AttemptCounter();
    const now = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 10_050; i++) counter.attemptOf(request(`id-${i}`), now);
    expect(counter.size).toBe(10_000);
    expect(counter.attemptOf(request("id-10049"), now)).toEqual({ ok: true, attempt: 2 });
    expect(counter.attemptOf(request("id-0"), now)).toEqual({ ok: true, attempt: 1 });
  });
});

describe("delay=MS: the answer is held back, on the mock's clock", () => {
  // A mock on a clock the test moves: the answer comes when the clock has moved on by the delay.
  let clock: ManualClock;
  let held: RunningMock;
  beforeAll(async () => {
    clock = new ManualClock();
    held = await startMock({ port: 0, clock });
  });
  afterAll(() => held.close());
  const heldClient = (prefer: string) => withPrefer(new ssm.SSMClient({ endpoint: held.url, region: "us-east-1", credentials, maxAttempts: 1 }), prefer);

  it("an SDK call with delay=1500 is not answered while the clock stands 1 ms short, and then succeeds", async () => {
    let settled = false;
    const answers: AnswerEvent[] = [];
    const stop = held.events.subscribe((event) => answers.push(event));
    const pending = heldClient("delay=1500")
      .send(new ssm.ListCommandsCommand({}))
      .finally(() => (settled = true));
    await clock.untilWait(1500);
    clock.advance(1499);
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect(answers).toHaveLength(0);
    clock.advance(1);
    expect((await pending).$metadata.httpStatusCode).toBe(200);
    stop();
    expect(answers).toMatchObject([{ operation: "ListCommands", status: 200, source: "dataSet", answeredBy: "answer" }]);
  });

  it("holds back errors too, and combines with failures", async () => {
    const client = withPrefer(new imagebuilder.ImagebuilderClient({ endpoint: held.url, region: "us-east-1", credentials, maxAttempts: 1 }), "example=CallRateLimitExceededException, failures=1, delay=1000");
    let settled = false;
    const pending = rejection(client.send(listSteps)).finally(() => (settled = true));
    await clock.untilWait(1000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    clock.advance(1000);
    expect(await pending).toBeInstanceOf(imagebuilder.CallRateLimitExceededException);
  });

  it("an SDK request timeout shorter than the delay fails the call with TimeoutError; the mock goes on answering", async () => {
    const error = await rejection(ssmClient("delay=5000", { maxAttempts: 1, requestTimeout: 200 }).send(new ssm.ListCommandsCommand({})));
    expect(error.name).toBe("TimeoutError");
    const output = await ssmClient("", { maxAttempts: 1 }).send(new ssm.ListCommandsCommand({}));
    expect(output.$metadata.httpStatusCode).toBe(200);
  });

  it(`a delay above ${MAX_DELAY_MS} ms is refused, naming the bound`, async () => {
    const answer = await send(url, { headers: ssmHeaders("ListCommands", { prefer: `delay=${MAX_DELAY_MS + 1}` }), body: "{}" });
    expect(answer.status).toBe(400);
    expect(answer.errorName).toBe("InvalidPreferHeaderException");
    expect(answer.json?.["Message"]).toBe(`Prefer: delay must be a whole number of milliseconds from 0 to ${MAX_DELAY_MS} (got '${MAX_DELAY_MS + 1}')`);
  });
});

it("a delay longer than the mock's socket timeout is still answered (a deliberate wait is not an idle client)", async () => {
  const clock = new ManualClock();
  const quick = await startMock({ port: 0, socketTimeoutMs: 300, headersTimeoutMs: 300, requestTimeoutMs: 600, clock });
  try {
    const answer = send(quick.url, { headers: ssmHeaders("ListCommands", { prefer: "delay=900" }), body: "{}" });
    await clock.untilWait(900);
    // A connection opened now that sends nothing is closed once the server's timeouts have run out:
    // when it is, they have run out for the held answer's connection too.
    const { port } = new URL(quick.url);
    await new Promise<void>((resolve) => connect(Number(port), "127.0.0.1").on("close", () => resolve()).on("error", () => undefined));
    clock.advance(900);
    expect((await answer).status).toBe(200);
    expect(Array.isArray((await answer).json?.["Commands"])).toBe(true);
  } finally {
    await quick.close();
  }
});

describe("every answer carries a Date header (the SDKs correct their clock from it)", () => {
  it.each([
    ["a success", ssmHeaders("ListCommands"), "{}"],
    ["a documented error", ssmHeaders("ListCommands", { prefer: "example=ThrottlingException" }), "{}"],
    ["a validation error", ssmHeaders("ListCommands"), '{"MaxResults":0}'],
    ["an unknown operation", ssmHeaders("DeleteEverything"), "{}"],
  ])("%s", async (_what, headers, body) => {
    const answer = await send(url, { headers, body });
    expect(Number.isNaN(Date.parse(answer.headers.get("date") ?? ""))).toBe(false);
  });
});
