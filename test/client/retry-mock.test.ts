/**
 * The client's retries and clock-skew correction against the mock, beside SDK v3 doing the same
 * call: `Prefer: failures=N` (the first N attempts of one call fail) and throttling, counted by
 * `amz-sdk-invocation-id` as the requests arrive; and a client whose clock is 20 minutes off
 * against a mock that checks signatures (`auth: "sigv4"`, as `--auth sigv4`). Both sides retry
 * without waiting (zero back-off), so attempt counts are compared, not times.
 */
import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import * as imagebuilder from "@aws-sdk/client-imagebuilder";
import * as ssm from "@aws-sdk/client-ssm";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockHandler, DEFAULT_CREDENTIALS } from "../../mock/src/index.js";
import { createImageBuilderClient, createSsmClient, isServiceError, standardRetryStrategy } from "../../src/index.js";
import { withPrefer } from "../mock/clients/aws-sdk.js";

const WORKFLOW_EXECUTION_ID = "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b";
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" };

interface Served {
  url: string;
  server: Server;
  /** Attempts per amz-sdk-invocation-id, in arrival order. */
  attempts: Map<string, string[]>;
}

async function serve(auth: "none" | "sigv4"): Promise<Served> {
  const handler = await createMockHandler({ auth });
  const attempts = new Map<string, string[]>();
  const server = createServer((req, res) => {
    const id = String(req.headers["amz-sdk-invocation-id"]);
    attempts.set(id, [...(attempts.get(id) ?? []), String(req.headers["amz-sdk-request"])]);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, attempts };
}

let open: Served;
let signed: Served;
beforeAll(async () => {
  [open, signed] = await Promise.all([serve("none"), serve("sigv4")]);
});
afterAll(async () => {
  for (const { server } of [open, signed]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** The attempts of the one invocation that arrived since `before`. */
function lastInvocation(served: Served, before: number): string[] {
  const ids = [...served.attempts.keys()].slice(before);
  expect(ids, "one invocation").toHaveLength(1);
  return served.attempts.get(ids[0]!)!;
}

/** Runs `call`, returning how it ended and the attempts the server saw. */
async function attemptsOf(served: Served, call: () => Promise<unknown>): Promise<{ outcome: string; attempts: string[] }> {
  const before = served.attempts.size;
  const outcome = await call().then(
    () => "answer",
    (error: Error) => error.name,
  );
  return { outcome, attempts: lastInvocation(served, before) };
}

describe("Prefer: failures=N and throttling, the client beside SDK v3", () => {
  const cases = [
    { label: "ThrottlingException twice, 3 attempts", prefer: "example=ThrottlingException, failures=2", maxAttempts: 3, outcome: "answer", count: 3 },
    { label: "ThrottlingException twice, 2 attempts", prefer: "example=ThrottlingException, failures=2", maxAttempts: 2, outcome: "ThrottlingException", count: 2 },
    { label: "ThrottlingException three times, 3 attempts", prefer: "example=ThrottlingException, failures=3", maxAttempts: 3, outcome: "ThrottlingException", count: 3 },
    { label: "a server fault (code=500) once", prefer: "code=500, failures=1", maxAttempts: 3, outcome: "answer", count: 2 },
    { label: "ServiceUnavailable (503) once", prefer: "example=ServiceUnavailable, failures=1", maxAttempts: 3, outcome: "answer", count: 2 },
    { label: "InvalidNextToken once: not retried", prefer: "example=InvalidNextToken, failures=1", maxAttempts: 3, outcome: "InvalidNextToken", count: 1 },
  ];

  it.each(cases)("SSM ListCommands: $label", async ({ prefer, maxAttempts, outcome, count }) => {
    // maxAttempts beside the strategy: the SDK writes amz-sdk-request's max from its client option.
    const sdk = withPrefer(new ssm.SSMClient({ endpoint: open.url, region: "us-east-1", credentials, maxAttempts, retryStrategy: new ConfiguredRetryStrategy(maxAttempts, () => 0) }), prefer);
    const ours = createSsmClient({ endpoint: open.url, region: "us-east-1", credentials, headers: { prefer }, retryStrategy: standardRetryStrategy({ maxAttempts, random: () => 0 }) });
    const theirs = await attemptsOf(open, () => sdk.send(new ssm.ListCommandsCommand({})));
    const mine = await attemptsOf(open, () => ours.listCommands({}));
    sdk.destroy();
    expect(mine).toEqual(theirs);
    expect(mine.outcome).toBe(outcome);
    expect(mine.attempts).toEqual(Array.from({ length: count }, (_, i) => `attempt=${i + 1}; max=${maxAttempts}`));
  });

  it("Image Builder: CallRateLimitExceededException (429) twice, then the answer on attempt 3", async () => {
    const prefer = "example=CallRateLimitExceededException, failures=2";
    const sdk = withPrefer(new imagebuilder.ImagebuilderClient({ endpoint: open.url, region: "us-east-1", credentials, retryStrategy: new ConfiguredRetryStrategy(3, () => 0) }), prefer);
    const ours = createImageBuilderClient({ endpoint: open.url, region: "us-east-1", credentials, headers: { prefer }, retryStrategy: standardRetryStrategy({ random: () => 0 }) });
    const theirs = await attemptsOf(open, () => sdk.send(new imagebuilder.ListWorkflowStepExecutionsCommand({ workflowExecutionId: WORKFLOW_EXECUTION_ID })));
    const mine = await attemptsOf(open, () => ours.listWorkflowStepExecutions({ workflowExecutionId: WORKFLOW_EXECUTION_ID }));
    sdk.destroy();
    expect(mine).toEqual(theirs);
    expect(mine).toEqual({ outcome: "answer", attempts: ["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"] });
  });

  it("the retries are on by default (the standard mode's 3 attempts)", async () => {
    const ours = createSsmClient({ endpoint: open.url, region: "us-east-1", credentials, headers: { prefer: "code=500, failures=2" } });
    const mine = await attemptsOf(open, () => ours.listCommands({}));
    expect(mine).toEqual({ outcome: "answer", attempts: ["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"] });
  });
});

describe("clock-skew correction against a mock that checks signatures", () => {
  const MINUTES_20 = 20 * 60_000;

  it("a client whose clock is 20 minutes slow: refused once, corrected from the answer's Date, accepted on attempt 2, as SDK v3; later calls take one attempt", async () => {
    // The SDK's own way to sign with a clock 20 minutes slow is a wrong systemClockOffset.
    const sdk = new ssm.SSMClient({ endpoint: signed.url, region: "us-east-1", credentials: DEFAULT_CREDENTIALS, systemClockOffset: -MINUTES_20, retryStrategy: new ConfiguredRetryStrategy(3, () => 0) });
    const ours = createSsmClient({ endpoint: signed.url, region: "us-east-1", credentials: DEFAULT_CREDENTIALS, now: () => new Date(Date.now() - MINUTES_20), retryStrategy: standardRetryStrategy({ random: () => 0 }) });
    const theirs = await attemptsOf(signed, () => sdk.send(new ssm.ListCommandsCommand({})));
    const mine = await attemptsOf(signed, () => ours.listCommands({}));
    expect(mine).toEqual(theirs);
    expect(mine).toEqual({ outcome: "answer", attempts: ["attempt=1; max=3", "attempt=2; max=3"] });
    // The offset is kept: the next call is signed right the first time.
    expect(await attemptsOf(signed, () => ours.listCommands({}))).toEqual({ outcome: "answer", attempts: ["attempt=1; max=3"] });
    expect(await attemptsOf(signed, () => sdk.send(new ssm.ListCommandsCommand({})))).toEqual({ outcome: "answer", attempts: ["attempt=1; max=3"] });
    sdk.destroy();
  });

  it("a client whose clock is 20 minutes fast: 'Signature not yet current', corrected (the offset moved past 4 minutes), accepted on attempt 2", async () => {
    // SDK v3 does the same on a machine whose clock is fast (its errorHandler marks the error
    // clockSkewCorrected); a systemClockOffset cannot show it, since the correction it learns is then 0.
    const ours = createSsmClient({ endpoint: signed.url, region: "us-east-1", credentials: DEFAULT_CREDENTIALS, now: () => new Date(Date.now() + MINUTES_20), retryStrategy: standardRetryStrategy({ random: () => 0 }) });
    expect(await attemptsOf(signed, () => ours.listCommands({}))).toEqual({ outcome: "answer", attempts: ["attempt=1; max=3", "attempt=2; max=3"] });
    expect(await attemptsOf(signed, () => ours.listCommands({}))).toEqual({ outcome: "answer", attempts: ["attempt=1; max=3"] });
  });

  it("without retries the skew refusal is thrown as InvalidSignatureException, and the next call is corrected", async () => {
    const ours = createSsmClient({ endpoint: signed.url, region: "us-east-1", credentials: DEFAULT_CREDENTIALS, now: () => new Date(Date.now() - MINUTES_20), maxAttempts: 1 });
    const error = await ours.listCommands({}).catch((e: unknown) => e);
    expect(isServiceError(error, "InvalidSignatureException") && error.message).toMatch(/^Signature expired/);
    await expect(ours.listCommands({})).resolves.toHaveProperty("Commands");
  });

  it("a wrong secret is refused once and not retried (not a skew)", async () => {
    const ours = createSsmClient({ endpoint: signed.url, region: "us-east-1", credentials: { ...DEFAULT_CREDENTIALS, secretAccessKey: "wrong" } });
    const result = await attemptsOf(signed, () => ours.listCommands({}));
    expect(result).toEqual({ outcome: "InvalidSignatureException", attempts: ["attempt=1; max=3"] });
  });
});
