/**
 * Runs that progress, through real clients against a running mock: pollers and waiters with the
 * AWS SDK v3 and this package's client under a manual clock (moved with mock.clock and with
 * POST /_mock/clock) and under read counts; "the last 24 hours" with times relative to now; an
 * Automation execution's steps with ReverseOrder and filters in between; a workflow run to its end;
 * mock/README.md's data file and test as written there; and the clock behind the Date header, the
 * SigV4 signing window and Prefer: delay.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeAutomationStepExecutionsCommand, ListCommandInvocationsCommand, ListCommandsCommand, SSMClient, type CommandInvocation } from "@aws-sdk/client-ssm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createImageBuilderClient, createSsmClient } from "../../src/index.js";
import { parseMockArgs } from "../../mock/src/cli-args.js";
import { DEFAULT_CREDENTIALS, startMock, type RunningMock, type StartMockOptions } from "../../mock/src/index.js";
import { sdkClientConfig } from "./clients/aws-sdk.js";

type Rec = Record<string, unknown>;

const COMMAND = "7e2f1c3a-5b6d-4e8f-9a0b-1c2d3e4f5a6b";
const NODES = ["i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002"];
const AUTOMATION = "4105a4fc-f944-11e6-9d32-0123456789ab";
const WORKFLOW = "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b";
const FINISHED = ["Success", "Failed", "TimedOut", "Cancelled"];
const CREDENTIALS = { accessKeyId: "x", secretAccessKey: "x" };

const mocks: RunningMock[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});
const start = async (options: StartMockOptions): Promise<RunningMock> => {
  const mock = await startMock({ port: 0, ...options });
  mocks.push(mock);
  return mock;
};

/** A command on two nodes whose invocations are listed after 3 s, run, and end at 40 s and 1 m (or after 1 and 3 answers). */
function run(measure: "time" | "reads"): Rec {
  const at = (time: string, reads: number): unknown => (measure === "time" ? time : { reads });
  const invocation = (node: string, end: string, reads: number, status: string): Rec => ({
    CommandId: COMMAND,
    InstanceId: node,
    DocumentName: "AWS-RunShellScript",
    RequestedDateTime: "now",
    Status: "Pending",
    StatusDetails: "Pending",
    CommandPlugins: [{ Name: "aws:runShellScript", Status: "Pending", ResponseStartDateTime: "now+5s", ResponseFinishDateTime: `now+${end}` }],
    AppearsAt: at("3s", 1),
    Timeline: [
      { at: at("5s", 2), Status: "InProgress", StatusDetails: "InProgress" },
      { at: at(end, reads), Status: status, StatusDetails: status },
    ],
  });
  return {
    Commands: [{ CommandId: COMMAND, DocumentName: "AWS-RunShellScript", RequestedDateTime: "now", InstanceIds: NODES, MaxErrors: "0", TargetCount: 2, Status: "Pending", StatusDetails: "Pending" }],
    CommandInvocations: [invocation(NODES[0]!, "40s", 3, "Success"), invocation(NODES[1]!, "1m", 4, "Failed")],
  };
}

/** The code under test, written as users write it: poll until every node has finished, not stopping on the early empty list. */
async function waitForCommand(list: () => Promise<Array<{ Status?: string | undefined }>>, sleep: () => unknown): Promise<{ polls: string[][]; last: Array<{ Status?: string | undefined }> }> {
  const polls: string[][] = [];
  for (let i = 0; i < 100; i++) {
    const invocations = await list();
    polls.push(invocations.map((v) => v.Status!));
    if (invocations.length > 0 && invocations.every((v) => FINISHED.includes(v.Status!))) return { polls, last: invocations };
    await sleep();
  }
  throw new Error(`never finished: ${JSON.stringify(polls)}`);
}

async function admin(url: string, method: string, path: string, body?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; json: Rec }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method, headers: body === undefined ? {} : { "content-type": "application/json" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: res.statusCode!, headers: res.headers, json: text ? (JSON.parse(text) as Rec) : {} });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("polling a command to completion", () => {
  it("AWS SDK v3, manual clock moved by mock.clock: the waiter goes past the empty list, and the command follows its invocations", async () => {
    const mock = await start({ data: run("time"), clock: "manual" });
    const ssm = new SSMClient(sdkClientConfig(mock.url));
    const list = async (): Promise<CommandInvocation[]> => (await ssm.send(new ListCommandInvocationsCommand({ CommandId: COMMAND }))).CommandInvocations ?? [];
    const commandAt = async (): Promise<string> => {
      const c = (await ssm.send(new ListCommandsCommand({ CommandId: COMMAND }))).Commands![0]!;
      return `${c.Status}/${c.StatusDetails} ${c.CompletedCount}/${c.ErrorCount}`;
    };
    expect(await commandAt()).toBe("Pending/Pending 0/0");
    const { polls, last } = await waitForCommand(list, () => mock.clock.advance("5s"));
    expect(polls[0]).toEqual([]);
    expect(polls.at(-1)).toEqual(["Success", "Failed"]);
    expect(polls).toContainEqual(["Success", "InProgress"]);
    expect(last.map((v) => v.Status)).toEqual(["Success", "Failed"]);
    expect(await commandAt()).toBe("Failed/Failed 2/1");
    expect(mock.clock.now().getTime() - Date.now()).toBeGreaterThanOrEqual(55_000);
  });

  it("AWS SDK v3, read counts: no clock, each answer of the run moves it on", async () => {
    const mock = await start({ data: run("reads") });
    const ssm = new SSMClient(sdkClientConfig(mock.url));
    const list = async (): Promise<CommandInvocation[]> => (await ssm.send(new ListCommandInvocationsCommand({ CommandId: COMMAND }))).CommandInvocations ?? [];
    const { polls } = await waitForCommand(list, () => undefined);
    expect(polls).toEqual([[], ["Pending", "Pending"], ["InProgress", "InProgress"], ["Success", "InProgress"], ["Success", "Failed"]]);
  });

  it("this package's client, manual clock moved over HTTP (POST /_mock/clock)", async () => {
    const mock = await start({ data: run("time"), clock: "manual" });
    const ssm = createSsmClient({ region: "us-east-1", endpoint: mock.url, credentials: CREDENTIALS });
    const list = async (): Promise<Array<{ Status?: string | undefined }>> => (await ssm.listCommandInvocations({ CommandId: COMMAND, Details: true })).CommandInvocations ?? [];
    const { last } = await waitForCommand(list, async () => {
      const moved = await admin(mock.url, "POST", "/_mock/clock", JSON.stringify({ advance: "5s" }));
      expect(moved.status).toBe(200);
    });
    const plugins = (last as Array<{ CommandPlugins?: Rec[] }>).map((v) => v.CommandPlugins![0]!);
    expect(plugins.map((p) => p["Status"])).toEqual(["Success", "Failed"]);
    expect(plugins.every((p) => typeof p["ResponseFinishDateTime"] === "number")).toBe(true);
    const command = (await ssm.listCommands({ CommandId: COMMAND })).Commands![0]!;
    expect(command).toMatchObject({ Status: "Failed", CompletedCount: 2, ErrorCount: 1, DeliveryTimedOutCount: 0 });
  });

  it("this package's client, read counts, with a Status filter seeing each answer's state", async () => {
    const mock = await start({ data: run("reads") });
    const ssm = createSsmClient({ region: "us-east-1", endpoint: mock.url, credentials: CREDENTIALS });
    const failed = async (): Promise<number> => ((await ssm.listCommands({ Filters: [{ key: "Status", value: "Failed" }] })).Commands ?? []).length;
    // A Status filter's page lists no command while none matches: those answers are not the run's.
    expect(await failed()).toBe(0);
    for (let i = 0; i < 4; i++) await ssm.listCommandInvocations({ CommandId: COMMAND });
    expect(await failed()).toBe(1);
  });
});

describe("times relative to now", () => {
  it("'the failed commands of the last 24 hours', whenever the test runs", async () => {
    const command = (n: number, requested: string, status: string): Rec => ({ CommandId: `7e2f1c3a-5b6d-4e8f-9a0b-00000000000${n}`, DocumentName: "AWS-RunShellScript", RequestedDateTime: requested, Status: status, StatusDetails: status });
    const mock = await start({ data: { Commands: [command(1, "now-2h", "Failed"), command(2, "now-3d", "Failed"), command(3, "now-1h", "Success")] }, clock: "manual" });
    const ssm = createSsmClient({ region: "us-east-1", endpoint: mock.url, credentials: CREDENTIALS });
    const lastDay = async (): Promise<string[]> => {
      const since = new Date(mock.clock.now().getTime() - 86_400_000).toISOString();
      return ((await ssm.listCommands({ Filters: [{ key: "InvokedAfter", value: since }, { key: "Status", value: "Failed" }] })).Commands ?? []).map((c) => c.CommandId!);
    };
    expect(await lastDay()).toEqual(["7e2f1c3a-5b6d-4e8f-9a0b-000000000001"]);
    mock.clock.advance("1d");
    expect(await lastDay()).toEqual([]);
  });
});

describe("Automation steps and a workflow", () => {
  const steps = ["stopInstance", "patch", "startInstance"].map((name, i) => ({
    StepName: name,
    Action: "aws:executeAwsApi",
    StepExecutionId: `dddddddd-0000-4000-8000-00000000000${i}`,
    StepStatus: "Pending",
    ExecutionStartTime: `now+${i * 30}s`,
    ExecutionEndTime: `now+${i * 30 + 20}s`,
    Timeline: [{ at: `${i * 30}s`, StepStatus: "InProgress" }, { at: `${i * 30 + 20}s`, StepStatus: "Success" }],
  }));

  it("steps finish one by one; ReverseOrder and a status filter in between (AWS SDK v3)", async () => {
    const mock = await start({ data: { AutomationExecutions: [{ AutomationExecutionId: AUTOMATION, StepExecutions: steps }] }, clock: "manual" });
    const ssm = new SSMClient(sdkClientConfig(mock.url));
    const describeSteps = async (input: Rec = {}): Promise<string[]> =>
      ((await ssm.send(new DescribeAutomationStepExecutionsCommand({ AutomationExecutionId: AUTOMATION, ...input }))).StepExecutions ?? []).map((s) => `${s.StepName}:${s.StepStatus}${s.ExecutionEndTime ? "+end" : ""}`);
    const running = async (): Promise<string[]> => describeSteps({ Filters: [{ Key: "StepExecutionStatus", Values: ["InProgress"] }] });
    expect(await running()).toEqual(["stopInstance:InProgress"]);
    mock.clock.advance("20s");
    expect(await describeSteps({ ReverseOrder: true })).toEqual(["startInstance:Pending", "patch:Pending", "stopInstance:Success+end"]);
    mock.clock.advance("10s");
    expect(await running()).toEqual(["patch:InProgress"]);
    mock.clock.advance("1m");
    expect(await describeSteps({ ReverseOrder: true, Filters: [{ Key: "StepExecutionStatus", Values: ["Success"] }] })).toEqual(["startInstance:Success+end", "patch:Success+end", "stopInstance:Success+end"]);
  });

  it("a workflow runs to its end (this package's Image Builder client)", async () => {
    const workflow = {
      workflowExecutionId: WORKFLOW,
      workflowBuildVersionArn: "arn:aws:imagebuilder:us-east-2:aws:workflow/build/build-image/1.0.0/1",
      imageBuildVersionArn: "arn:aws:imagebuilder:us-east-2:111122223333:image/my-image/1.0.0/1",
      message: "Workflow is running.",
      Timeline: [{ at: "10m", message: "Workflow completed successfully." }],
      steps: ["LaunchBuildInstance", "ApplyBuildComponents", "CreateOutputAMI"].map((name, i) => ({
        stepExecutionId: `step-eeeeeeee-0000-4000-8000-00000000000${i}`,
        name,
        action: "RunCommand",
        status: "PENDING",
        startTime: `now+${i * 3}m`,
        endTime: `now+${i * 3 + 3}m`,
        Timeline: [{ at: `${i * 3}m`, status: "RUNNING" }, { at: `${i * 3 + 3}m`, status: "COMPLETED" }],
      })),
    };
    const mock = await start({ data: { WorkflowExecutions: [workflow] }, clock: "manual" });
    const imagebuilder = createImageBuilderClient({ region: "us-east-1", endpoint: mock.url, credentials: CREDENTIALS });
    const seen: string[] = [];
    for (;;) {
      const answer = await imagebuilder.listWorkflowStepExecutions({ workflowExecutionId: WORKFLOW });
      seen.push(`${answer.steps!.map((s) => s.status).join(",")} ${answer.message}`);
      if (answer.message !== "Workflow is running.") break;
      mock.clock.advance("3m");
    }
    expect(seen).toEqual([
      "RUNNING,PENDING,PENDING Workflow is running.",
      "COMPLETED,RUNNING,PENDING Workflow is running.",
      "COMPLETED,COMPLETED,RUNNING Workflow is running.",
      "COMPLETED,COMPLETED,COMPLETED Workflow is running.",
      "COMPLETED,COMPLETED,COMPLETED Workflow completed successfully.",
    ]);
  });
});

describe("mock/README.md's data file and test, as written there", () => {
  const dir = mkdtempSync(join(tmpdir(), "mock-progress-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the waiter goes past the early empty list until every node has finished", async () => {
    const readme = readFileSync(new URL("../../mock/README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## Runs that progress"));
    expect(section).toContain('startMock({ port: 0, data: "progress.yaml", clock: "manual" })');
    expect(section).toContain('mock.clock.advance("5s")');
    const file = join(dir, "progress.yaml");
    writeFileSync(file, /```yaml\n([\s\S]*?)```/.exec(section)![1]!);
    const mock = await start({ data: file, clock: "manual" });
    const ssm = new SSMClient({ endpoint: mock.url, region: "us-east-1", credentials: CREDENTIALS });
    const list = async (): Promise<CommandInvocation[]> => (await ssm.send(new ListCommandInvocationsCommand({ CommandId: COMMAND }))).CommandInvocations ?? [];
    const { last } = await waitForCommand(list, () => mock.clock.advance("5s"));
    expect(last.map((i) => i.Status)).toEqual(["Success", "Failed"]);
    const { Commands } = await ssm.send(new ListCommandsCommand({ CommandId: COMMAND }));
    expect(Commands![0]).toMatchObject({ Status: "Failed", StatusDetails: "Failed", CompletedCount: 2, ErrorCount: 1 });
  });
});

describe("the mock's clock", () => {
  it("GET and POST /_mock/clock answer {\"now\"}; a body it cannot apply is a 400 naming the value, and the clock stays", async () => {
    const mock = await start({ clock: "2024-07-08T02:00:00Z" });
    expect(await admin(mock.url, "GET", "/_mock/clock")).toMatchObject({ status: 200, json: { now: "2024-07-08T02:00:00.000Z" } });
    expect((await admin(mock.url, "POST", "/_mock/clock", '{"advance": "90s"}')).json).toEqual({ now: "2024-07-08T02:01:30.000Z" });
    expect((await admin(mock.url, "POST", "/_mock/clock", '{"set": "2024-07-09T00:00:00Z"}')).json).toEqual({ now: "2024-07-09T00:00:00.000Z" });
    const bad = await admin(mock.url, "POST", "/_mock/clock", '{"advance": "soon"}');
    expect(bad.status).toBe(400);
    expect(bad.headers["x-amzn-errortype"]).toBe("InvalidClockRequestException");
    expect(String(bad.json["message"])).toMatch(/advance: 'soon' is not a duration/);
    expect((await admin(mock.url, "POST", "/_mock/clock", "not json")).status).toBe(400);
    expect((await admin(mock.url, "DELETE", "/_mock/clock")).status).toBe(405);
    expect(mock.clock.now()).toEqual(new Date("2024-07-09T00:00:00.000Z"));
  });

  it("a real clock by default; advancing it shifts it", async () => {
    const mock = await start({});
    expect(mock.clock.mode).toBe("real");
    expect(Math.abs(mock.clock.now().getTime() - Date.now())).toBeLessThan(5_000);
    mock.clock.advance("1h");
    expect(mock.clock.now().getTime() - Date.now()).toBeGreaterThan(3_590_000);
  });

  it("dates every answer: the Date header is the manual clock's", async () => {
    const mock = await start({ clock: "manual" });
    mock.clock.set("2030-05-06T07:08:09Z");
    const answer = await admin(mock.url, "GET", "/_mock/clock");
    expect(answer.headers["date"]).toBe("Mon, 06 May 2030 07:08:09 GMT");
  });

  it("measures the SigV4 signing window: a request signed now is refused once the clock is an hour ahead", async () => {
    const mock = await start({ clock: "manual", auth: "sigv4" });
    const signed = { ...sdkClientConfig(mock.url), credentials: DEFAULT_CREDENTIALS, maxAttempts: 1 };
    const ssm = new SSMClient(signed);
    await expect(ssm.send(new ListCommandsCommand({}))).resolves.toBeDefined();
    mock.clock.advance("1h");
    await expect(ssm.send(new ListCommandsCommand({}))).rejects.toMatchObject({ name: "InvalidSignatureException", message: expect.stringMatching(/Signature expired/) });
    // A new client: the SDK corrects its own clock from the refused answer's Date header.
    mock.clock.set(new Date());
    await expect(new SSMClient(signed).send(new ListCommandsCommand({}))).resolves.toBeDefined();
  });

  it("runs Prefer: delay: on a manual clock the answer waits until the clock has moved that far", async () => {
    const mock = await start({ clock: "manual" });
    const ssm = new SSMClient(sdkClientConfig(mock.url));
    ssm.middlewareStack.add((next) => async (args) => {
      (args.request as { headers: Record<string, string> }).headers["prefer"] = "delay=30000";
      return next(args);
    }, { step: "build" });
    let answered = false;
    const call = ssm.send(new ListCommandsCommand({})).then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answered).toBe(false);
    mock.clock.advance("29s");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false);
    mock.clock.advance("1s");
    await call;
    expect(answered).toBe(true);
  });

  it("--clock manual, --clock <ISO 8601>, and a bad one named", () => {
    expect(parseMockArgs(["--clock", "manual"])).toMatchObject({ help: false, options: { clock: "manual" } });
    expect(parseMockArgs(["--clock", "real"])).toMatchObject({ help: false, options: { clock: "real" } });
    expect(parseMockArgs(["--clock", "2024-07-08T02:00:00Z"])).toMatchObject({ help: false, options: { clock: "2024-07-08T02:00:00Z" } });
    expect(() => parseMockArgs(["--clock", "fast"])).toThrow(/--clock must be real, manual or an ISO 8601 date-time such as 2024-07-08T02:00:00Z \(got 'fast'\)/);
  });
});
