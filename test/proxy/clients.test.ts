/**
 * The proxy as CI runs it and as other clients reach it, on loopback only: the bin with credentials
 * from a shared-credentials profile (the SDK's chain), its refusal to start for a real endpoint
 * without credentials, boto3 and the AWS CLI through it, and a redacted recording of a data set full
 * of account IDs, instance IDs, buckets, tokens and secrets, which the mock then serves.
 * The upstream is the mock with `--auth sigv4` and the proxy's credentials only.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import * as ssm from "@aws-sdk/client-ssm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { defaultDataSource } from "../../mock/src/data/default.js";
import { startMock, startProxy, type RunningMock } from "../../mock/src/index.js";
import { AWS_CLI_ENV, awsCliCannotRun } from "../support/aws-cli.js";

const PROXY_KEYS = { accessKeyId: "ASIAQPROXYNIGHTLY000", secretAccessKey: "nightly/Proxy+Secret/Key0123456789", sessionToken: "IQoJb3JpZ2luX2VjEPROXYSESSIONTOKEN0123456789abcdefABCDEF==" };
const CALLER = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const WORKFLOW = "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b";
const dir = mkdtempSync(join(tmpdir(), "proxy-clients-"));
const credentialsFile = join(dir, "credentials");
writeFileSync(credentialsFile, `[nightly]\naws_access_key_id = ${PROXY_KEYS.accessKeyId}\naws_secret_access_key = ${PROXY_KEYS.secretAccessKey}\naws_session_token = ${PROXY_KEYS.sessionToken}\n`);
/** The environment of a CI job with a profile and nothing else: no keys in the environment, no metadata service. */
const CI_ENV = { AWS_SHARED_CREDENTIALS_FILE: credentialsFile, AWS_CONFIG_FILE: join(dir, "no-config"), AWS_PROFILE: "nightly", AWS_EC2_METADATA_DISABLED: "true" };
const cleanEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith("AWS_")) env[name] = value;
  return { ...env, ...extra };
};

let upstream: RunningMock;
beforeAll(async () => {
  upstream = await startMock({ port: 0, auth: { type: "sigv4", credentials: [PROXY_KEYS] } });
});
afterAll(() => upstream?.close());

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

function bin(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ["--import", "tsx", "mock/src/cli.ts", "proxy", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const listening = async (): Promise<string> => {
    for (let i = 0; i < 400; i++) {
      const match = /Contract proxy listening on (http:\/\/[0-9.:]+)/.exec(output);
      if (match) return match[1]!;
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the proxy did not start:\n${output}`);
  };
  return { child, output: () => output, exited, listening };
}

describe("the bin", () => {
  it("signs with a profile's temporary credentials, and on SIGTERM writes the report and the recording and prints a summary", async () => {
    const report = join(dir, "bin-report.json");
    const record = join(dir, "bin-recording.json");
    const run = bin(["--region", "us-east-1", "--port", "0", "--endpoint-url", upstream.url, "--report", report, "--record", record], cleanEnv(CI_ENV));
    const url = await run.listening();
    expect(run.output()).toContain("signing with credentials from chain");
    const client = new ssm.SSMClient({ endpoint: url, region: "us-east-1", credentials: CALLER, maxAttempts: 1 });
    expect((await client.send(new ssm.ListCommandsCommand({}))).Commands!.length).toBeGreaterThan(0);
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/Proxy: 1 request forwarded, 0 refused; 0 contract violations/);
    expect(run.output()).toMatch(/Recording: \d+ Commands, 0 CommandInvocations, 0 MaintenanceWindowExecutions, 0 AutomationExecutions, 0 WorkflowExecutions, written to \S+bin-recording.json\n/);
    expect(JSON.parse(readFileSync(report, "utf8")).operations).toEqual({ ListCommands: { forwarded: 1, statuses: { "200": 1 }, unanswered: 0 } });
    expect(JSON.parse(readFileSync(record, "utf8")).Commands.length).toBeGreaterThan(0);
    for (const file of [report, record]) for (const secret of [PROXY_KEYS.secretAccessKey, PROXY_KEYS.sessionToken]) expect(readFileSync(file, "utf8")).not.toContain(secret);
    expect(run.output()).not.toContain(PROXY_KEYS.secretAccessKey);
  });

  it("refuses to start for the real endpoints without credentials, and says how to give them (nothing is sent anywhere)", async () => {
    const run = bin(["--region", "us-east-1", "--port", "0"], cleanEnv({ AWS_SHARED_CREDENTIALS_FILE: join(dir, "none"), AWS_CONFIG_FILE: join(dir, "none"), AWS_EC2_METADATA_DISABLED: "true" }));
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/No AWS credentials for the proxy/);
    expect(run.output()).toMatch(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
    expect(run.output()).toMatch(/AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE/);
    expect(run.output()).not.toMatch(/listening/);
  });

  it("--help names the fixed flags", async () => {
    const run = bin(["--help"], cleanEnv({}));
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/Usage: aws-ops-contract-mock proxy --region R \[--port N\].*\[--endpoint-url URL\]\s+\[--record FILE\] \[--report FILE\]/s);
  });
});

function boto3Missing(): string | undefined {
  const probe = spawnSync("python3", ["-c", "import boto3"], { encoding: "utf8", timeout: 30_000 });
  if (probe.error) return "python3 is not installed";
  return probe.status === 0 ? undefined : "boto3 is not installed for python3";
}
const noBoto3 = boto3Missing();

const BOTO3_SCRIPT = `
import json, sys, boto3
from botocore.config import Config
url, akid, secret = sys.argv[1:4]
session = boto3.session.Session(aws_access_key_id=akid, aws_secret_access_key=secret, region_name="us-east-1")
config = Config(retries={"mode": "standard", "total_max_attempts": 1})
ssm = session.client("ssm", endpoint_url=url, config=config)
ib = session.client("imagebuilder", endpoint_url=url, config=config)
commands = [c["CommandId"] for page in ssm.get_paginator("list_commands").paginate(PaginationConfig={"PageSize": 1}) for c in page["Commands"]]
invocations = len(ssm.list_command_invocations(Details=True)["CommandInvocations"])
window = ssm.get_maintenance_window_execution(WindowExecutionId="9fac7dd9-ff21-42a5-96ad-bbc4b0e0e0e0")["Status"]
steps = len(ssm.describe_automation_step_executions(AutomationExecutionId="4105a4fc-f944-11e6-9d32-0123456789ab")["StepExecutions"])
wf = len(ib.list_workflow_step_executions(workflowExecutionId="${WORKFLOW}")["steps"])
try:
    ssm.list_commands(CommandId="00000000-0000-4000-8000-000000000000")
    error = None
except ssm.exceptions.InvalidCommandId as e:
    error = e.response["Error"]["Code"]
print(json.dumps({"commands": commands, "invocations": invocations, "window": window, "steps": steps, "workflow": wf, "error": error}))
`;

describe.skipIf(noBoto3 !== undefined)(`boto3 through the proxy${noBoto3 ? ` (skipped: ${noBoto3})` : ""}`, () => {
  it("every operation, a paginator and a typed error, as boto3 gets them from the upstream", async () => {
    const proxy = await startProxy({ region: "us-east-1", port: 0, endpointUrl: upstream.url, credentials: PROXY_KEYS, auth: "sigv4" });
    try {
      const { stdout } = await promisify(execFile)("python3", ["-c", BOTO3_SCRIPT, proxy.url, CALLER.accessKeyId, CALLER.secretAccessKey], { env: cleanEnv({ AWS_CONFIG_FILE: join(dir, "none"), AWS_SHARED_CREDENTIALS_FILE: join(dir, "none"), AWS_EC2_METADATA_DISABLED: "true" }), timeout: 60_000 });
      const seen = JSON.parse(stdout);
      const direct = await new ssm.SSMClient({ endpoint: upstream.url, region: "us-east-1", credentials: PROXY_KEYS }).send(new ssm.ListCommandsCommand({}));
      expect(seen.commands).toEqual(direct.Commands!.map((c) => c.CommandId));
      expect(seen).toMatchObject({ invocations: expect.any(Number), window: expect.any(String), error: "InvalidCommandId" });
      expect(seen.steps).toBeGreaterThan(0);
      expect(seen.workflow).toBeGreaterThan(0);
      expect(proxy.report().summary.violations).toBe(0);
    } finally {
      await proxy.close();
    }
  });
});

const noCli = awsCliCannotRun("ssm", "ListCommands");
describe.skipIf(noCli !== undefined)(`the AWS CLI through the proxy${noCli ? ` (skipped: ${noCli})` : ""}`, () => {
  it("aws ssm list-commands and aws imagebuilder list-workflow-step-executions, signed by the CLI for the proxy and again by the proxy", async ({ skip }) => {
    const proxy = await startProxy({ region: "us-east-1", port: 0, endpointUrl: upstream.url, credentials: PROXY_KEYS, auth: "sigv4" });
    try {
      const env = { ...process.env, ...AWS_CLI_ENV, AWS_ACCESS_KEY_ID: CALLER.accessKeyId, AWS_SECRET_ACCESS_KEY: CALLER.secretAccessKey };
      const aws = (...args: string[]) => promisify(execFile)("aws", [...args, "--endpoint-url", proxy.url, "--region", "us-east-1", "--output", "json"], { env, timeout: 60_000 });
      const { stdout } = await aws("ssm", "list-commands");
      expect(JSON.parse(stdout).Commands.length).toBeGreaterThan(0);
      await expect(aws("ssm", "get-maintenance-window-execution", "--window-execution-id", "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ stderr: expect.stringMatching(/\(DoesNotExistException\) when calling the GetMaintenanceWindowExecution operation/) });
      expect(proxy.report().operations["GetMaintenanceWindowExecution"]?.statuses).toEqual({ "400": 1 });
      const reason = awsCliCannotRun("imagebuilder", "ListWorkflowStepExecutions");
      if (reason) skip(reason);
      const wf = await aws("imagebuilder", "list-workflow-step-executions", "--workflow-execution-id", WORKFLOW);
      expect(JSON.parse(wf.stdout).steps.length).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
  });
});

describe("a redacted recording", () => {
  // The documents' examples, with a secret and tokens planted where a real command's output or parameters could carry them.
  const planted = defaultDataSource() as { Commands: Record<string, unknown>[]; CommandInvocations: Record<string, unknown>[] };
  const HEX_INSTANCE = "i-0a1b2c3d4e5f60718";
  const ACCOUNT = "734512980016";
  planted.Commands[0]!["Comment"] = `by ${ACCOUNT} from ${HEX_INSTANCE}`;
  planted.Commands[0]!["Parameters"] = { commands: [`export AWS_SECRET_ACCESS_KEY=${PROXY_KEYS.secretAccessKey}`], token: [PROXY_KEYS.sessionToken] };
  const plugin = (planted.CommandInvocations[0]!["CommandPlugins"] as Record<string, unknown>[])[0]!;
  plugin["Output"] = `assumed ${PROXY_KEYS.accessKeyId} token ${PROXY_KEYS.sessionToken}`;

  it("holds no account ID, instance ID, bucket, token or secret, and the mock serves it with the same shapes and links", async () => {
    const source = await startMock({ port: 0, auth: { type: "sigv4", credentials: [PROXY_KEYS] }, data: planted });
    const file = join(dir, "redacted.json");
    const proxy = await startProxy({ region: "us-east-1", port: 0, endpointUrl: source.url, credentials: PROXY_KEYS, record: file });
    const calls = async (endpoint: string, credentials = CALLER) => {
      const client = new ssm.SSMClient({ endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
      const commands = (await client.send(new ssm.ListCommandsCommand({}))).Commands!;
      const invocations = (await client.send(new ssm.ListCommandInvocationsCommand({ Details: true }))).CommandInvocations!;
      const instance = invocations[0]!.InstanceId!;
      const ofInstance = (await client.send(new ssm.ListCommandsCommand({ InstanceId: instance }))).Commands!;
      const ofCommand = (await client.send(new ssm.ListCommandInvocationsCommand({ CommandId: commands[0]!.CommandId! }))).CommandInvocations!;
      return { commands, invocations, ofInstance, ofCommand };
    };
    try {
      const original = await calls(proxy.url);
      await proxy.close();
      const text = readFileSync(file, "utf8");
      const originalText = JSON.stringify(planted);
      const instances = [...new Set(originalText.match(/\bm?i-\w{8,17}\b/g))];
      const accounts = [...new Set(originalText.match(/\d{12}/g))];
      expect(instances.length).toBeGreaterThan(5);
      expect(accounts).toContain(ACCOUNT);
      for (const value of [...instances, ...accounts, "amzn-s3-demo-bucket", "doc-example-bucket", PROXY_KEYS.accessKeyId, PROXY_KEYS.secretAccessKey, PROXY_KEYS.sessionToken]) expect(text, value).not.toContain(value);

      const replay = await startMock({ port: 0, data: file });
      try {
        const replayed = await calls(replay.url);
        const shape = (r: Awaited<ReturnType<typeof calls>>) => Object.fromEntries(Object.entries(r).map(([k, list]) => [k, list.map((item) => Object.keys(item).sort())]));
        expect(shape(replayed)).toEqual(shape(original));
        expect(replayed.commands.map((c) => c.CommandId)).toEqual(original.commands.map((c) => c.CommandId));
        // The node's stand-in finds the same commands its real ID found: the link holds.
        expect(replayed.ofInstance.map((c) => c.CommandId)).toEqual(original.ofInstance.map((c) => c.CommandId));
        expect(replayed.ofCommand.map((i) => i.InstanceId)).toEqual(replayed.invocations.filter((i) => i.CommandId === replayed.commands[0]!.CommandId).map((i) => i.InstanceId));
      } finally {
        await replay.close();
      }
    } finally {
      await proxy.close();
      await source.close();
    }
  });
});
