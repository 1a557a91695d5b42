/**
 * boto3/botocore (the AWS SDK for Python, which the AWS CLI v1 is built on) against the mock, as a
 * Python user would drive it: every operation and its documented errors (asked for with a `Prefer`
 * header added from botocore's event hooks), unknown IDs, botocore's paginators over a 120-command
 * data set, signature checking, botocore's retry modes against `failures=N`, `delay=` against its
 * read timeout. test/mock/botocore/scenarios.py makes the calls and records what botocore did; the
 * assertions are here. Skipped, saying why, where python3 or boto3 is missing.
 */
import { execFile, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CREDENTIALS, startMock, type RunningMock } from "../../mock/src/index.js";
import { AWS_CLI_ENV } from "../support/aws-cli.js";

const SCRIPT = fileURLToPath(new URL("./botocore/scenarios.py", import.meta.url));
const SESSION = ["ASIATRIAL", "trial/session/secret", "TRIALSESSIONTOKEN"] as const;

function botocoreMissing(): string | undefined {
  const probe = spawnSync("python3", ["-c", "import boto3, botocore; print(botocore.__version__)"], { encoding: "utf8", timeout: 30_000 });
  if (probe.error) return "python3 is not installed";
  if (probe.status !== 0) return "boto3 is not installed for python3 (pip install boto3)";
  return undefined;
}
const missing = botocoreMissing();

/** What scenarios.py records for one call. */
interface Outcome {
  ok: boolean;
  result?: Record<string, unknown>;
  class?: string;
  code?: string;
  message?: string;
  status?: number;
  requestId?: string;
  retries?: number;
  typed?: boolean;
}
interface Observations {
  success: Record<string, Outcome>;
  documented: Record<string, { modeled: string[]; answers: Record<string, Outcome> }>;
  unknown: Record<string, Outcome>;
  steps: Outcome;
  stepsReversed: Outcome;
  badStatusFilter: Outcome;
  passesBotocore: Record<string, Outcome>;
  unvalidated: Record<string, Outcome>;
  pages: number[];
  resumed: { all: string[]; first: string[]; rest: string[]; restHasToken: boolean };
  failedPages: string[][];
  sigv4: Record<string, Outcome>;
  retries: Record<"standard" | "legacy", Record<string, Outcome>>;
  delay: Record<string, Outcome>;
  roundTrip: { loaded: number; same: boolean };
  pastedOutputs: { status: number; message?: string; counts?: Record<string, number>; sameWindow?: boolean };
}

/** 120 commands, newest last in the file; every fourth one Failed. */
function fleet(): { Commands: Record<string, unknown>[] } {
  const statuses = ["Success", "Failed", "InProgress", "Cancelled"];
  return {
    Commands: Array.from({ length: 120 }, (_, i) => ({
      CommandId: `0831e1a8-a1ac-4257-a1fd-c831${i.toString(16).padStart(8, "0")}`,
      DocumentName: "AWS-RunShellScript",
      Status: statuses[i % 4],
      StatusDetails: statuses[i % 4],
      RequestedDateTime: 1720400000 + i * 60 + 0.25,
      InstanceIds: ["i-02573cafcf0e0e0e1"],
    })),
  };
}

describe.skipIf(missing !== undefined)(`boto3/botocore against the mock${missing ? ` (skipped: ${missing})` : ""}`, () => {
  const mocks: RunningMock[] = [];
  let seen: Observations;

  beforeAll(async () => {
    const plain = await startMock({ port: 0 });
    mocks.push(plain);
    const data = await startMock({ port: 0, data: fleet() });
    mocks.push(data);
    const auth = await startMock({ port: 0, auth: { type: "sigv4", credentials: [DEFAULT_CREDENTIALS, SESSION.join(":")] } });
    mocks.push(auth);
    const args = JSON.stringify({ plain: plain.url, data: data.url, auth: auth.url, session: SESSION });
    const { stdout } = await promisify(execFile)("python3", [SCRIPT, args], { timeout: 90_000, maxBuffer: 16 * 1024 * 1024 });
    seen = JSON.parse(stdout) as Observations;
  }, 120_000);
  afterAll(async () => {
    await Promise.all(mocks.map((mock) => mock.close()));
  });

  it("mock/README.md's boto3 example runs as printed (with this mock's URL)", async () => {
    const readme = readFileSync(fileURLToPath(new URL("../../mock/README.md", import.meta.url)), "utf8");
    const example = /## boto3[^\n]*\n[\s\S]*?```python\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toContain("before-sign.*");
    const { stdout } = await promisify(execFile)("python3", ["-c", example!.replace("http://127.0.0.1:4010", mocks[0]!.url)], { timeout: 60_000 });
    expect(stdout).toMatch(/^InvalidNextToken [0-9a-f-]{36}\n$/);
  });

  it("every operation succeeds; SSM timestamps parse as datetimes, Image Builder's stay strings; RequestId is read", () => {
    for (const [operation, outcome] of Object.entries(seen.success)) {
      expect(outcome.ok, operation).toBe(true);
      expect(outcome.requestId, operation).toMatch(/^[0-9a-f-]{36}$/);
    }
    const command = (seen.success["ListCommands"]!.result!["Commands"] as Array<Record<string, unknown>>)[0]!;
    expect(command["RequestedDateTime"]).toEqual({ datetime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/) });
    expect(seen.success["GetMaintenanceWindowExecution"]!.result!["StartTime"]).toHaveProperty("datetime");
    const step = (seen.success["ListWorkflowStepExecutions"]!.result!["steps"] as Array<Record<string, unknown>>)[0]!;
    expect(step["startTime"]).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("every error botocore models for an operation is answered on request and raised as its modeled exception class", () => {
    for (const [operation, { modeled, answers }] of Object.entries(seen.documented)) {
      expect(modeled.length, operation).toBeGreaterThan(0);
      for (const name of modeled) {
        const answer = answers[name]!;
        expect(answer, `${operation} ${name}`).toMatchObject({ ok: false, code: name, typed: true });
        expect(answer.requestId, `${operation} ${name}`).toMatch(/^[0-9a-f-]{36}$/);
      }
    }
    expect(seen.documented["ListWorkflowStepExecutions"]!.answers["CallRateLimitExceededException"]).toMatchObject({ status: 429 });
    expect(seen.documented["ListCommands"]!.answers["ThrottlingException"]).toMatchObject({ code: "ThrottlingException", status: 400 });
  });

  it("each operation's ValidationException example names a member of that operation", () => {
    const members: Record<string, string[]> = {
      ListCommands: ["commandId", "instanceId", "maxResults", "nextToken", "filters"],
      ListCommandInvocations: ["commandId", "instanceId", "maxResults", "nextToken", "filters", "details"],
      GetMaintenanceWindowExecution: ["windowExecutionId"],
      DescribeAutomationStepExecutions: ["automationExecutionId", "filters", "nextToken", "maxResults", "reverseOrder"],
      ListWorkflowStepExecutions: ["maxResults", "nextToken", "workflowExecutionId"],
    };
    for (const [operation, { answers }] of Object.entries(seen.documented)) {
      const message = answers["ValidationException"]!.message!;
      const named = [...message.matchAll(/ at '([^'.]+)/g)].map((m) => m[1]);
      expect(named.length, operation).toBeGreaterThan(0);
      for (const member of named) expect(members[operation], `${operation}: ${message}`).toContain(member);
    }
  });

  it("unknown IDs raise the operations' not-found errors", () => {
    expect(seen.unknown["ListCommands"]).toMatchObject({ class: "InvalidCommandId", status: 400 });
    expect(seen.unknown["ListCommandInvocations"]).toMatchObject({ class: "InvalidCommandId", status: 400 });
    expect(seen.unknown["GetMaintenanceWindowExecution"]).toMatchObject({ class: "DoesNotExistException", status: 400 });
    expect(seen.unknown["DescribeAutomationStepExecutions"]).toMatchObject({ class: "AutomationExecutionNotFoundException", status: 400 });
    expect(seen.unknown["ListWorkflowStepExecutions"]).toMatchObject({ class: "ClientException", status: 400 });
    // SSM's wording ends with an account ID, as in "... not in a valid state for account 775288309636".
    expect(seen.unknown["InstanceId"]).toMatchObject({ class: "InvalidInstanceId", message: expect.stringMatching(/^Instances \[\[i-0123456789abcdef0\]\] not in a valid state for account \d{12}$/) });
  });

  it("ReverseOrder reverses the steps; a bad filter value is InvalidFilterKey", () => {
    const names = (o: Outcome) => (o.result!["StepExecutions"] as Array<{ StepName: string }>).map((s) => s.StepName);
    expect(names(seen.steps).length).toBeGreaterThan(1);
    expect(names(seen.stepsReversed)).toEqual([...names(seen.steps)].reverse());
    expect(seen.badStatusFilter).toMatchObject({ class: "InvalidFilterKey", message: expect.stringContaining("Bogus") });
  });

  it("what botocore's own validation lets through gets AWS's ValidationException wording", () => {
    expect(seen.passesBotocore["MaxResults51"]!.message).toBe("1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50");
    expect(seen.passesBotocore["InstanceIdPattern"]!.message).toMatch(/^1 validation error detected: Value 'bogus' at 'instanceId' failed to satisfy constraint: Member must satisfy regular expression pattern: /);
    expect(seen.passesBotocore["FilterKeyEnum"]!.message).toMatch(/^1 validation error detected: Value 'Nope' at 'filters\.1\.member\.key' failed to satisfy constraint: Member must satisfy enum value set: \[/);
    expect(seen.unvalidated["MaxResults0"]).toMatchObject({ class: "ValidationException", message: expect.stringContaining("Value '0' at 'maxResults'") });
    expect(seen.unvalidated["MissingWindowExecutionId"]!.message).toBe("1 validation error detected: Value null at 'windowExecutionId' failed to satisfy constraint: Member must not be null");
  });

  it("members botocore sends as JSON null are read as not set, as AWS JSON servers read them; a string for an integer is a SerializationException", () => {
    expect(seen.unvalidated["NullMembers"]).toMatchObject({ ok: true });
    expect((seen.unvalidated["NullMembers"]!.result!["Commands"] as unknown[]).length).toBe((seen.success["ListCommands"]!.result!["Commands"] as unknown[]).length);
    expect(seen.unvalidated["StringMaxResults"]).toMatchObject({ class: "ClientError", code: "SerializationException", status: 400, message: expect.stringContaining("'maxResults' must be an integer") });
    expect(seen.unvalidated["NullWindowExecutionId"]!.message).toBe("1 validation error detected: Value null at 'windowExecutionId' failed to satisfy constraint: Member must not be null");
  });

  it("botocore's paginators page a 120-command data set, stop, and resume from a StartingToken", () => {
    expect(seen.pages).toEqual([50, 50, 20]);
    const all = seen.resumed.all;
    expect(new Set(all).size).toBe(120);
    expect(seen.resumed.first).toEqual(all.slice(0, 20));
    expect(seen.resumed.rest).toEqual(all.slice(20));
    expect(seen.resumed.restHasToken).toBe(false);
    expect(seen.failedPages.map((page) => page.length)).toEqual([10, 10, 10]);
    expect(new Set(seen.failedPages.flat())).toEqual(new Set(["Failed"]));
  });

  it("--auth sigv4: botocore's signatures pass; a wrong secret, a missing session token and a slow clock are refused as AWS refuses them", () => {
    expect(seen.sigv4["ssm"]!.ok).toBe(true);
    expect(seen.sigv4["imagebuilder"]!.ok).toBe(true);
    expect(seen.sigv4["session"]!.ok).toBe(true);
    expect(seen.sigv4["wrongSecretSsm"]).toMatchObject({ class: "ClientError", code: "InvalidSignatureException", status: 400 });
    expect(seen.sigv4["wrongSecretImagebuilder"]).toMatchObject({ class: "ClientError", code: "InvalidSignatureException", status: 403 });
    expect(seen.sigv4["wrongSecretSsm"]!.message).toMatch(/^The request signature we calculated does not match the signature you provided/);
    expect(seen.sigv4["sessionWithoutToken"]).toMatchObject({ code: "UnrecognizedClientException" });
    // botocore does not correct its clock from the answer's Date (SDK v3 does): no retry, the error.
    expect(seen.sigv4["slowClock"]).toMatchObject({ code: "InvalidSignatureException", retries: 0, message: expect.stringMatching(/^Signature expired: /) });
  });

  it("Prefer failures=2 with botocore's standard and legacy retry modes: retried, then answered", () => {
    for (const mode of ["standard", "legacy"] as const) {
      const r = seen.retries[mode];
      expect(r["ssmThrottling"], mode).toMatchObject({ ok: true, retries: 2 });
      expect(r["ssmThrottlingExhausted"], mode).toMatchObject({ ok: false, code: "ThrottlingException", retries: 2 });
      expect(r["imagebuilder503"], mode).toMatchObject({ ok: true, retries: 2 });
    }
    // A bare 429 is retried by botocore's legacy mode only: its standard mode retries throttling
    // error codes and 500/502/503/504, and CallRateLimitExceededException is neither (as against AWS).
    expect(seen.retries.legacy["imagebuilder429"]).toMatchObject({ ok: true, retries: 2 });
    expect(seen.retries.standard["imagebuilder429"]).toMatchObject({ ok: false, code: "CallRateLimitExceededException", status: 429, retries: 0 });
  });

  it("a response saved with json.dumps(default=str) loads back with PUT /_mock/data, the same commands at the same instants", () => {
    expect(seen.roundTrip).toEqual({ loaded: 5, same: true });
  });

  it("boto3 outputs of GetMaintenanceWindowExecution, DescribeAutomationStepExecutions and ListWorkflowStepExecutions paste as records, ResponseMetadata and all", () => {
    expect(seen.pastedOutputs, seen.pastedOutputs.message).toMatchObject({ status: 200, counts: { MaintenanceWindowExecutions: 1, AutomationExecutions: 1, WorkflowExecutions: 1 }, sameWindow: true });
  });

  it("Prefer delay= outlasting botocore's read_timeout raises ReadTimeoutError; a shorter delay answers", () => {
    expect(seen.delay["timedOut"]).toMatchObject({ ok: false, class: "ReadTimeoutError" });
    expect(seen.delay["inTime"]).toMatchObject({ ok: true });
  });
});

const hasAwsCli = spawnSync("aws", ["--version"], { stdio: "ignore" }).status === 0;

describe.skipIf(!hasAwsCli)(`the AWS CLI (v1 is botocore) over a 120-command data set${hasAwsCli ? "" : " (skipped: the aws command is not installed)"}`, () => {
  const mocks: RunningMock[] = [];
  afterAll(async () => {
    await Promise.all(mocks.map((mock) => mock.close()));
  });

  async function aws(url: string, ...args: string[]): Promise<{ Commands: Array<{ CommandId: string; RequestedDateTime: unknown }>; NextToken?: string }> {
    const { stdout } = await promisify(execFile)("aws", ["ssm", "list-commands", ...args, "--endpoint-url", url, "--region", "us-east-1", "--output", "json"], { env: { ...process.env, ...AWS_CLI_ENV }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
    return JSON.parse(stdout) as { Commands: Array<{ CommandId: string; RequestedDateTime: unknown }>; NextToken?: string };
  }

  it("pages through all 120 with --page-size, stops at --max-items with a token, and its output pastes back as a data set", async () => {
    const source = await startMock({ port: 0, data: fleet() });
    mocks.push(source);
    const all = await aws(source.url, "--page-size", "50");
    expect(all.Commands.map((c) => c.CommandId)).toEqual(fleet().Commands.map((c) => c["CommandId"]).reverse());
    expect(all.NextToken).toBeUndefined();
    const first = await aws(source.url, "--page-size", "7", "--max-items", "10");
    expect(first.Commands).toHaveLength(10);
    const rest = await aws(source.url, "--page-size", "7", "--starting-token", first.NextToken!);
    expect([...first.Commands, ...rest.Commands].map((c) => c.CommandId)).toEqual(all.Commands.map((c) => c.CommandId));

    const copy = await startMock({ port: 0 });
    mocks.push(copy);
    const put = await fetch(`${copy.url}/_mock/data`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(all) });
    expect(put.status, await put.clone().text()).toBe(200);
    expect((await aws(copy.url)).Commands).toEqual(all.Commands);
  });
});
