/**
 * Whether the installed AWS CLI can run an operation. The CLI is not a dependency of this package:
 * where it is missing, or older than an operation (Debian 12's awscli 2.9.19 predates Image
 * Builder's ListWorkflowStepExecutions), the tests that drive it skip and say why.
 */
import { spawnSync } from "node:child_process";

/** `ListWorkflowStepExecutions` -> `list-workflow-step-executions`. */
export const cliCommand = (operationId: string): string => operationId.replace(/[A-Z]/g, (c, i: number) => `${i === 0 ? "" : "-"}${c.toLowerCase()}`);

/** The environment a test runs the CLI in: dummy credentials, none of the user's AWS set-up, no pager, no retries. */
export const AWS_CLI_ENV = {
  AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
  AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  AWS_CONFIG_FILE: "/nonexistent",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
  AWS_EC2_METADATA_DISABLED: "true",
  AWS_PAGER: "",
  AWS_MAX_ATTEMPTS: "1",
} as const;

const known = new Map<string, string | undefined>();

/** Undefined when `aws <service> <command>` exists; otherwise the reason to skip. */
export function awsCliCannotRun(service: string, operationId: string): string | undefined {
  const key = `${service} ${operationId}`;
  if (!known.has(key)) {
    // Without its required options the CLI stops at argument parsing, before any network call.
    const run = spawnSync("aws", [service, cliCommand(operationId)], { encoding: "utf8", timeout: 30_000, env: { ...process.env, AWS_PAGER: "" } });
    let reason: string | undefined;
    if (run.error) reason = "the aws command is not installed";
    else if (/Invalid choice/.test(run.stderr)) reason = `the installed AWS CLI (${awsCliVersion()}) predates ${service} ${cliCommand(operationId)}`;
    known.set(key, reason);
  }
  return known.get(key);
}

function awsCliVersion(): string {
  const run = spawnSync("aws", ["--version"], { encoding: "utf8" });
  return `${run.stdout}${run.stderr}`.trim().split(" ")[0] ?? "aws";
}
