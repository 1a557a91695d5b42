/**
 * boto3 polling runs that progress (test/mock/botocore/progress.py makes the calls): a command to
 * completion under the mock's manual clock moved over HTTP (POST /_mock/clock) and under read
 * counts, and an Automation execution's steps with ReverseOrder and a status filter in between.
 * Skipped, saying why, where python3 or boto3 is missing.
 */
import { execFile, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../mock/src/index.js";

const SCRIPT = fileURLToPath(new URL("./botocore/progress.py", import.meta.url));
const COMMAND = "7e2f1c3a-5b6d-4e8f-9a0b-1c2d3e4f5a6b";
const AUTOMATION = "4105a4fc-f944-11e6-9d32-0123456789ab";
const NODES = ["i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002"];

const probe = spawnSync("python3", ["-c", "import boto3"], { encoding: "utf8", timeout: 30_000 });
const missing = probe.error ? "python3 is not installed" : probe.status !== 0 ? "boto3 is not installed for python3 (pip install boto3)" : undefined;

function data(measure: "time" | "reads"): Record<string, unknown> {
  const at = (time: string, reads: number): unknown => (measure === "time" ? time : { reads });
  const invocation = (node: string, end: string, reads: number, status: string): Record<string, unknown> => ({
    CommandId: COMMAND,
    InstanceId: node,
    RequestedDateTime: "now",
    Status: "Pending",
    StatusDetails: "Pending",
    AppearsAt: at("3s", 1),
    Timeline: [{ at: at("5s", 2), Status: "InProgress", StatusDetails: "InProgress" }, { at: at(end, reads), Status: status, StatusDetails: status }],
  });
  const steps = ["stopInstance", "patch"].map((name, i) => ({
    StepName: name,
    Action: "aws:executeAwsApi",
    StepStatus: "Pending",
    ExecutionStartTime: `now+${i * 20}s`,
    ExecutionEndTime: `now+${i * 20 + 20}s`,
    Timeline: [{ at: `${i * 20}s`, StepStatus: "InProgress" }, { at: `${i * 20 + 20}s`, StepStatus: "Success" }],
  }));
  return {
    Commands: [{ CommandId: COMMAND, DocumentName: "AWS-RunShellScript", RequestedDateTime: "now", InstanceIds: NODES, MaxErrors: "0", TargetCount: 2, Status: "Pending", StatusDetails: "Pending" }],
    CommandInvocations: [invocation(NODES[0]!, "40s", 3, "Success"), invocation(NODES[1]!, "1m", 4, "Failed")],
    AutomationExecutions: measure === "time" ? [{ AutomationExecutionId: AUTOMATION, StepExecutions: steps }] : [],
  };
}

let timed: RunningMock;
let counted: RunningMock;
let observed: Record<string, unknown>;
beforeAll(async () => {
  if (missing) return;
  timed = await startMock({ port: 0, data: data("time"), clock: "2024-07-08T02:00:00Z" });
  counted = await startMock({ port: 0, data: data("reads") });
  const { stdout } = await promisify(execFile)("python3", [SCRIPT, JSON.stringify({ clock: timed.url, reads: counted.url, command: COMMAND, automation: AUTOMATION })], { timeout: 60_000 });
  observed = JSON.parse(stdout) as Record<string, unknown>;
}, 90_000);
afterAll(async () => {
  await timed?.close();
  await counted?.close();
});

it.skipIf(missing)("boto3 waits past the early empty list, moving the manual clock over HTTP", () => {
  expect(observed["clockBefore"]).toEqual({ now: "2024-07-08T02:00:00.000Z" });
  const polls = observed["clockPolls"] as string[][];
  expect(polls[0]).toEqual([]);
  expect(polls).toContainEqual(["Success", "InProgress"]);
  expect(polls.at(-1)).toEqual(["Success", "Failed"]);
  expect(observed["clockAfter"]).toEqual({ now: "2024-07-08T02:01:00.000Z" });
  expect(observed["clockCommand"]).toEqual({ Status: "Failed", StatusDetails: "Failed", CompletedCount: 2, ErrorCount: 1, DeliveryTimedOutCount: 0 });
});

it.skipIf(missing)("boto3 sees the steps finish one by one, with ReverseOrder and a status filter in between", () => {
  expect(observed["clockReset"]).toEqual({ now: "2024-07-08T02:00:00.000Z" });
  expect(observed["steps"]).toEqual([
    { reversed: [["patch", "Pending", false], ["stopInstance", "InProgress", false]], running: ["stopInstance"] },
    { reversed: [["patch", "InProgress", false], ["stopInstance", "Success", true]], running: ["patch"] },
    { reversed: [["patch", "Success", true], ["stopInstance", "Success", true]], running: [] },
  ]);
  expect(observed["badAdvance"]).toMatchObject({ status: 400, body: { message: expect.stringContaining("'soon' is not a duration") } });
});

it.skipIf(missing)("boto3 polls a run on read counts, with no clock", () => {
  expect(observed["readPolls"]).toEqual([[], ["Pending", "Pending"], ["InProgress", "InProgress"], ["Success", "InProgress"], ["Success", "Failed"]]);
});
