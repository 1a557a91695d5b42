/**
 * The request journal, verification, reset and isolation through the official AWS SDK v3 and this
 * package's client: a paginated call's every page, a filter's exact input, a retried call, a refused
 * request's issues, redaction (journal, log, GET /_mock/requests), reset, and isolation by access
 * key ID. boto3 does the same in journal-botocore.test.ts.
 */
import { GetMaintenanceWindowExecutionCommand, ListCommandsCommand, paginateListCommands, SSMClient } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSsmClient, standardRetryStrategy } from "../../src/index.js";
import { connectMock, startMock, type RunningMock } from "../../mock/src/index.js";
import { mockMatchers } from "../../mock/src/vitest.js";
import { withPrefer } from "./clients/aws-sdk.js";
import { command, commandId, dataSet, WINDOW_EXECUTION_ID } from "./data-fixtures.js";

expect.extend(mockMatchers);

const KEY = { accessKeyId: "AKIDJOURNAL", secretAccessKey: "journal/secret/key" };
const SESSION = { accessKeyId: "ASIAJOURNAL", secretAccessKey: "session/secret/key", sessionToken: "SESSIONTOKENJOURNAL0123456789" };
const OTHER = { accessKeyId: "AKIDOTHER", secretAccessKey: "other/secret/key" };
const CREDENTIALS = [KEY, SESSION, OTHER].map((c) => ({ ...c }));

let mock: RunningMock;
const lines: string[] = [];
const sdk = (credentials: typeof KEY | typeof SESSION = KEY, maxAttempts = 1): SSMClient => new SSMClient({ endpoint: mock.url, region: "us-east-1", credentials, maxAttempts });
const ours = (credentials: typeof KEY = KEY) => createSsmClient({ endpoint: mock.url, region: "us-east-1", credentials });

beforeAll(async () => {
  mock = await startMock({ port: 0, data: dataSet(30), auth: { type: "sigv4", credentials: CREDENTIALS }, log: (line) => lines.push(line) });
});
afterAll(() => mock?.close());
beforeEach(() => mock.reset());

describe("a paginated call: every page, the NextToken chain followed, the page size", () => {
  const failed = [{ key: "Status" as const, value: "Failed" }];

  it.each([
    ["SDK v3", async () => {
      const tokens: (string | undefined)[] = [];
      for await (const page of paginateListCommands({ client: sdk(), pageSize: 2 }, { Filters: failed })) tokens.push(page.NextToken);
      return tokens;
    }],
    ["this package's client", async () => {
      const tokens: (string | undefined)[] = [];
      for await (const page of ours().paginateListCommands({ Filters: failed, MaxResults: 2 })) tokens.push(page.NextToken);
      return tokens;
    }],
  ])("%s", async (_label, run) => {
    const tokens = await run();
    expect(tokens.length).toBe(3); // 6 failed commands of 30, 2 a page
    const calls = await mock.requests({ operation: "ListCommands" });
    expect(calls.map((c) => c.input?.MaxResults)).toEqual([2, 2, 2]);
    expect(calls.map((c) => c.input?.NextToken)).toEqual([undefined, tokens[0], tokens[1]]);
    expect(calls.every((c) => c.status === 200 && c.answeredBy === "data" && c.accessKeyId === KEY.accessKeyId)).toBe(true);
    expect(calls[0]!.signature).toMatchObject({ valid: true, accessKeyId: KEY.accessKeyId, region: "us-east-1", service: "ssm" });
    expect(calls[0]!.signature!.signedHeaders).toEqual(expect.arrayContaining(["host", "x-amz-date", "x-amz-target"]));
    await mock.verify({ sequence: [{ input: { NextToken: null } }, { input: { NextToken: tokens[0]! } }, { input: { NextToken: tokens[1]! } }] });
    await expect(mock).toHaveReceivedTimes("ListCommands", 3, { MaxResults: 2, Filters: failed });
  });
});

describe("a filter's exact input", () => {
  it("SDK v3: verified as sent, filters compared as a set; a near miss names the difference", async () => {
    await sdk().send(new ListCommandsCommand({ Filters: [{ key: "DocumentName", value: "AWS-RunShellScript" }, { key: "Status", value: "Failed" }], MaxResults: 5 }));
    await mock.verify({ operation: "ListCommands", input: { Filters: [{ key: "Status", value: "Failed" }, { key: "DocumentName", value: "AWS-RunShellScript" }], MaxResults: 5 }, times: 1 });
    const missed = mock.verify({ operation: "ListCommands", input: { Filters: [{ key: "Status", value: "Success" }, { key: "DocumentName" as const, value: "AWS-RunShellScript" }] } });
    await expect(missed).rejects.toThrow(/input\.Filters\[\?\]: expected \{"key":"Status","value":"Success"\}, got \{"key":"Status","value":"Failed"\}/);
  });

  it("this package's client: the same over POST /_mock/verify", async () => {
    await ours().listCommands({ CommandId: commandId(4) });
    const verify = async (body: unknown) => {
      // With signatures checked, the admin API takes the token the mock printed.
      const response = await fetch(`${mock.url}/_mock/verify`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${mock.adminToken}` }, body: JSON.stringify(body) });
      return { status: response.status, type: response.headers.get("x-amzn-errortype"), json: (await response.json()) as Record<string, unknown> };
    };
    expect(await verify({ operation: "ListCommands", input: { CommandId: commandId(4) }, times: 1 })).toMatchObject({ status: 200, json: { ok: true, count: 1 } });
    const miss = await verify({ operation: "ListCommands", input: { CommandId: commandId(5) } });
    expect(miss).toMatchObject({ status: 422, type: "VerificationFailedException", json: { ok: false, count: 0 } });
    expect(String(miss.json["message"])).toContain(`input.CommandId: expected "${commandId(5)}", got "${commandId(4)}"`);
    expect(await verify({ operation: "ListThings" })).toMatchObject({ status: 400, type: "ValidationException" });
  });
});

describe("a retried call: one logical call, N attempts, the same invocation ID", () => {
  it("SDK v3 with three attempts against failures=2", async () => {
    const client = withPrefer(sdk(KEY, 3), "example=ThrottlingException, failures=2");
    const output = await client.send(new GetMaintenanceWindowExecutionCommand({ WindowExecutionId: WINDOW_EXECUTION_ID }));
    expect(output.$metadata.attempts).toBe(3);
    const attempts = await mock.requests({ operation: "GetMaintenanceWindowExecution" });
    expect(attempts.map((a) => [a.sdk.attempt, a.sdk.max, a.status, a.error, a.answeredBy])).toEqual([
      [1, 3, 400, "ThrottlingException", "fault"],
      [2, 3, 400, "ThrottlingException", "fault"],
      [3, 3, 200, null, "data"],
    ]);
    expect(new Set(attempts.map((a) => a.sdk.invocationId)).size).toBe(1);
    expect(attempts[0]!.sdk.invocationId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(mock).toHaveReceived({ operation: "GetMaintenanceWindowExecution", error: null });
    expect(await mock.requests({ invocationId: attempts[0]!.sdk.invocationId! })).toHaveLength(3);
  });

  it("this package's client, retrying as SDK v3 does, against failures=2", async () => {
    // random: () => 0 makes every back-off wait 0 ms, so the test waits on nothing but the mock.
    const client = createSsmClient({ endpoint: mock.url, region: "us-east-1", credentials: KEY, headers: { prefer: "example=ThrottlingException, failures=2" }, retryStrategy: standardRetryStrategy({ random: () => 0 }) });
    await client.getMaintenanceWindowExecution({ WindowExecutionId: WINDOW_EXECUTION_ID });
    const attempts = await mock.requests({ operation: "GetMaintenanceWindowExecution" });
    expect(attempts.map((a) => [a.sdk.attempt, a.sdk.max, a.status, a.error, a.answeredBy])).toEqual([
      [1, 3, 400, "ThrottlingException", "fault"],
      [2, 3, 400, "ThrottlingException", "fault"],
      [3, 3, 200, null, "data"],
    ]);
    expect(new Set(attempts.map((a) => a.sdk.invocationId)).size).toBe(1);
    await mock.verify({ operation: "GetMaintenanceWindowExecution", input: { WindowExecutionId: WINDOW_EXECUTION_ID }, times: 3 });
  });
});

describe("connectMock", () => {
  it("sends the admin token a mock that checks signatures asks for, and is refused without it", async () => {
    await ours().listCommands({ CommandId: commandId(4) });
    await expect(connectMock(mock.url).requests()).rejects.toThrow(/403 MissingAuthenticationTokenException/);
    const entries = await connectMock(mock.url, { adminToken: mock.adminToken! }).requests({ operation: "ListCommands" });
    expect(entries.map((e) => e.input?.CommandId)).toEqual([commandId(4)]);
  });
});

describe("a refused request's issues", () => {
  it.each([
    ["SDK v3", () => sdk().send(new ListCommandsCommand({ MaxResults: 51 }))],
    ["this package's client", () => ours().listCommands({ MaxResults: 51 })],
  ])("%s", async (_label, call) => {
    await expect(call()).rejects.toMatchObject({ name: "ValidationException" });
    const [refused] = await mock.requests({ error: "ValidationException" });
    expect(refused).toMatchObject({ operation: "ListCommands", input: { MaxResults: 51 }, status: 400, answeredBy: "refusal" });
    expect(refused!.issues).toEqual([expect.objectContaining({ path: "/MaxResults", rule: "maximum" })]);
  });
});

describe("redaction", () => {
  it("no secret in the journal, GET /_mock/requests or the log", async () => {
    let authorization = "";
    const client = sdk(SESSION);
    // The signature as sent, read right after the SDK signed the request.
    const read = (next: (args: { request: unknown }) => Promise<unknown>) => (args: { request: unknown }) => {
      authorization = (args.request as { headers: Record<string, string> }).headers["authorization"] ?? "";
      return next(args);
    };
    client.middlewareStack.addRelativeTo(read as never, { relation: "after", toMiddleware: "awsAuthMiddleware", name: "readAuthorization" });
    await client.send(new ListCommandsCommand({}));
    const signature = /Signature=([0-9a-f]{64})/.exec(authorization)?.[1];
    expect(signature).toBeDefined();
    const [entry] = await mock.requests({ accessKeyId: SESSION.accessKeyId });
    expect(entry!.headers["x-amz-security-token"]).toBe("(redacted)");
    expect(entry!.headers["authorization"]).toContain("Signature=(redacted)");
    expect(entry!.headers["authorization"]).toContain(`Credential=${SESSION.accessKeyId}/`);
    const http = await (await fetch(`${mock.url}/_mock/requests`)).text();
    for (const text of [JSON.stringify(await mock.requests()), http, lines.join("\n")]) {
      expect(text).not.toContain(signature!);
      expect(text).not.toContain(SESSION.sessionToken);
      expect(text).not.toContain(SESSION.secretAccessKey);
    }
  });
});

describe("reset", () => {
  let plain: RunningMock;
  beforeAll(async () => {
    plain = await startMock({ port: 0, data: dataSet(3) });
  });
  afterAll(() => plain?.close());
  // An attempt counted by the mock from its invocation ID alone (no attempt number): the first fails.
  const attempt = (): Promise<number> =>
    fetch(plain.url, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands", "amz-sdk-invocation-id": "reset-invocation", prefer: "example=ThrottlingException, failures=1" },
      body: "{}",
    }).then((r) => r.status);

  it("brings back the data set the mock started with, and clears the journal and the fault counters", async () => {
    const client = new SSMClient({ endpoint: plain.url, region: "us-east-1", credentials: KEY, maxAttempts: 1 });
    await plain.putData({ Commands: [command(98)] });
    await plain.putRecord("Commands", command(99));
    expect((await client.send(new ListCommandsCommand({}))).Commands!.map((c) => c.CommandId)).toEqual([commandId(99), commandId(98)]);
    expect([await attempt(), await attempt()]).toEqual([400, 200]);
    expect(await plain.requests()).toHaveLength(3);

    const response = await fetch(`${plain.url}/_mock/reset`, { method: "POST" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ counts: { Commands: 3 } });
    expect(await plain.requests()).toEqual([]);
    expect((await client.send(new ListCommandsCommand({}))).Commands!.map((c) => c.CommandId)).toEqual([commandId(2), commandId(1), commandId(0)]);
    expect(await attempt()).toBe(400); // the invocation's attempts are counted afresh

    await plain.reset();
    expect(await plain.requests()).toEqual([]);
  });

  it("this package's client sees the start data set again after a record change and a reset", async () => {
    const client = createSsmClient({ endpoint: plain.url, region: "us-east-1", credentials: KEY });
    expect(await plain.removeRecord("Commands", commandId(0))).toBe(true);
    expect((await client.listCommands({})).Commands).toHaveLength(2);
    await plain.reset();
    expect((await client.listCommands({})).Commands).toHaveLength(3);
    await expect(plain).toHaveReceivedOnce("ListCommands");
  });
});

describe("isolation by access key ID", () => {
  let isolated: RunningMock;
  beforeAll(async () => {
    isolated = await startMock({ port: 0, isolation: "accessKeyId", data: dataSet(4) });
  });
  afterAll(() => isolated?.close());

  it("SDK v3 and this package's client: each access key ID its own data set, journal and fault counters", async () => {
    const a = { accessKeyId: "isolated-a", secretAccessKey: "x" };
    const b = { accessKeyId: "isolated-b", secretAccessKey: "x" };
    const forA = connectMock(isolated.url, { accessKeyId: a.accessKeyId });
    const forB = isolated.caller(b.accessKeyId);
    await forA.putData({ Commands: [command(70)] });
    await forB.putRecord("Commands", command(71));

    const sdkA = new SSMClient({ endpoint: isolated.url, region: "us-east-1", credentials: a, maxAttempts: 1 });
    const oursB = createSsmClient({ endpoint: isolated.url, region: "us-east-1", credentials: b });
    expect((await sdkA.send(new ListCommandsCommand({}))).Commands!.map((c) => c.CommandId)).toEqual([commandId(70)]);
    expect((await oursB.listCommands({})).Commands!.map((c) => c.CommandId)).toEqual([commandId(71), commandId(3), commandId(2), commandId(1), commandId(0)]);

    await expect(forA).toHaveReceivedOnce("ListCommands");
    await expect(forB).toHaveReceivedOnce("ListCommands");
    expect((await forA.requests()).map((e) => e.accessKeyId)).toEqual([a.accessKeyId]);
    expect(await isolated.requests()).toEqual([]); // the shared state saw none of it

    // Records over HTTP for A, in process for B: each changes only its own data set.
    expect(await forA.putRecord("Commands", command(72))).toEqual({ created: true });
    expect(await forA.removeRecord("Commands", commandId(70))).toBe(true);
    expect(await forA.removeRecord("Commands", commandId(70))).toBe(false);
    expect((await sdkA.send(new ListCommandsCommand({}))).Commands!.map((c) => c.CommandId)).toEqual([commandId(72)]);
    expect(await forB.removeRecord("Commands", commandId(72))).toBe(false);

    await forA.reset();
    expect((await sdkA.send(new ListCommandsCommand({}))).Commands).toHaveLength(4);
    expect((await oursB.listCommands({})).Commands).toHaveLength(5);
  });
});
