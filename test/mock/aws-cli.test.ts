/**
 * The AWS CLI (Debian's `awscli`) against the mock, as a new user would run it from mock/README.md:
 * dummy credentials in the environment and `--endpoint-url`. Skipped when `aws` is not installed;
 * AWS CLI v1 and v2 both pass (v2 words its errors "operation (reached max retries: 0): ...").
 */
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { AWS_CLI_ENV, awsCliCannotRun } from "../support/aws-cli.js";
import { example } from "./operations.js";

const hasAws = spawnSync("aws", ["--version"], { stdio: "ignore" }).status === 0;
const url = inject("mockUrl");

async function aws(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    ...AWS_CLI_ENV,
  };
  try {
    const { stdout, stderr } = await promisify(execFile)("aws", [...args, "--endpoint-url", url, "--region", "us-east-1", "--output", "json"], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe.skipIf(!hasAws)("the AWS CLI with --endpoint-url", () => {
  it("aws ssm list-commands lists the commands", async () => {
    const { code, stdout, stderr } = await aws("ssm", "list-commands");
    expect(code, stderr).toBe(0);
    // The default data set: the commands of the documented examples, newest first.
    const commands = ["DocumentSample", "FirstPage", "LastPage"]
      .flatMap((name) => example("ssm", "ListCommands", 200, name)["Commands"] as Array<{ CommandId: string; RequestedDateTime: number }>)
      .sort((a, b) => b.RequestedDateTime - a.RequestedDateTime)
      .map((c) => c.CommandId);
    expect((JSON.parse(stdout) as { Commands: Array<{ CommandId: string }> }).Commands.map((c) => c.CommandId)).toEqual(commands);
  });

  it("aws imagebuilder list-workflow-step-executions lists the steps", async ({ skip }) => {
    const cannot = awsCliCannotRun("imagebuilder", "ListWorkflowStepExecutions");
    if (cannot) skip(cannot);
    const { code, stdout, stderr } = await aws("imagebuilder", "list-workflow-step-executions", "--workflow-execution-id", "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b");
    expect(code, stderr).toBe(0);
    // The default data set: the steps of the documented pages, in order.
    const steps = ["FirstPage", "LastPage"].flatMap((name) => example("imagebuilder", "ListWorkflowStepExecutions", 200, name)["steps"] as Array<{ name: string }>);
    const answer = JSON.parse(stdout) as { requestId: string; steps: Array<{ name: string }> };
    expect(answer.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.steps.map((step) => step.name)).toEqual(steps.map((step) => step.name));
  });

  it("a request that breaks the spec fails with the ValidationException naming the member", async () => {
    const { code, stderr } = await aws("ssm", "get-maintenance-window-execution", "--window-execution-id", "9fac7dd9-ff21-42a5-96ad-bbc4bEXAMPLE");
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/\(ValidationException\) when calling the GetMaintenanceWindowExecution operation( \(reached max retries: \d+\))?: 1 validation error detected: Value '[^']+' at 'windowExecutionId' failed to satisfy constraint: Member must satisfy regular expression pattern: /);
  });
});
