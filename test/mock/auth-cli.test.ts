/**
 * Signature checking with the AWS CLI (botocore's own SigV4 signer), where it is installed: a mock
 * started with `auth` accepts the CLI's signed requests with long-term and temporary credentials, and
 * refuses a wrong secret or an unknown key with the errors AWS sends. Skipped, with the reason, when
 * the `aws` command is missing or predates an operation.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../mock/src/index.js";
import { AWS_CLI_ENV, awsCliCannotRun } from "../support/aws-cli.js";

const LONG_TERM = { id: "AKIDCLI", secret: "cli/secret+key" };
const SESSION = { id: "ASIACLI", secret: "cli/session/secret", token: "FwoGZXIvYXdzEXAMPLETOKEN" };
const cannot = awsCliCannotRun("ssm", "ListCommands");

let mock: RunningMock;
beforeAll(async () => {
  if (cannot) return;
  mock = await startMock({ port: 0, auth: { type: "sigv4", credentials: [`${LONG_TERM.id}:${LONG_TERM.secret}`, `${SESSION.id}:${SESSION.secret}:${SESSION.token}`] } });
});
afterAll(() => mock?.close());

async function aws(credentials: { id: string; secret: string; token?: string }, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...AWS_CLI_ENV, AWS_ACCESS_KEY_ID: credentials.id, AWS_SECRET_ACCESS_KEY: credentials.secret };
  delete env["AWS_SESSION_TOKEN"];
  if (credentials.token) env["AWS_SESSION_TOKEN"] = credentials.token;
  try {
    const { stdout, stderr } = await promisify(execFile)("aws", [...args, "--endpoint-url", mock.url, "--region", "ap-southeast-2", "--output", "json"], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe.skipIf(cannot !== undefined)(`the AWS CLI against a mock with signature checking${cannot ? ` (skipped: ${cannot})` : ""}`, () => {
  it("aws ssm list-commands passes with long-term credentials", async () => {
    const { code, stdout, stderr } = await aws(LONG_TERM, "ssm", "list-commands");
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toHaveProperty("Commands");
  });

  it("aws ssm list-commands passes with temporary credentials (AWS_SESSION_TOKEN)", async () => {
    const { code, stderr } = await aws(SESSION, "ssm", "list-commands");
    expect(code, stderr).toBe(0);
  });

  it("aws imagebuilder list-workflow-step-executions passes", async ({ skip }) => {
    const reason = awsCliCannotRun("imagebuilder", "ListWorkflowStepExecutions");
    if (reason) skip(reason);
    const { code, stdout, stderr } = await aws(LONG_TERM, "imagebuilder", "list-workflow-step-executions", "--workflow-execution-id", "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b");
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toHaveProperty("steps");
  });

  it("a wrong secret fails with InvalidSignatureException", async () => {
    const { code, stderr } = await aws({ ...LONG_TERM, secret: "wrong" }, "ssm", "list-commands");
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/\(InvalidSignatureException\) when calling the ListCommands operation( \(reached max retries: \d+\))?: The request signature we calculated does not match the signature you provided/);
  });

  it("an unknown access key, or a missing session token, fails with UnrecognizedClientException", async () => {
    for (const credentials of [{ id: "AKIDNOBODY", secret: LONG_TERM.secret }, { id: SESSION.id, secret: SESSION.secret }]) {
      const { code, stderr } = await aws(credentials, "ssm", "list-commands");
      expect(code).not.toBe(0);
      expect(stderr).toMatch(/\(UnrecognizedClientException\) when calling the ListCommands operation( \(reached max retries: \d+\))?: The security token included in the request is invalid\./);
    }
  });
});
