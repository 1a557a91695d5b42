/**
 * DescribeAutomationStepExecutions answers: the steps of one Automation runbook execution, run in
 * order (each starts after the previous ended), linked by NextStep, with statuses as a run has them:
 * steps before the last succeeded (a retried API call with a WarningMessage); the last one succeeded
 * (IsEnd), failed (with FailureMessage and FailureDetails), timed out, was cancelled, or is still in
 * progress (no end time). The request's
 * Filters, ReverseOrder and page size are the data-set answering code's business.
 */
import { imageId, instanceId, uuid } from "./ids.js";
import type { Random } from "./random.js";
import { epochSeconds, instant, later } from "./time.js";

interface StepKind {
  action: string;
  names: readonly string[];
  inputs: (random: Random) => Record<string, string>;
  outputs?: (random: Random) => Record<string, string[]>;
  seconds: [number, number];
}

// aws:waitForAwsResourceProperty is left out: its 26 letters break AutomationActionName's
// documented pattern (`^aws:[a-zA-Z]{3,25}$`), so an answer naming it would not validate.
const STEP_KINDS: readonly StepKind[] = [
  { action: "aws:executeAwsApi", names: ["describeInstance", "getImageId", "tagResources"], inputs: () => ({ Service: "\"ec2\"", Api: "\"DescribeInstances\"" }), outputs: (random) => ({ "describeInstance.InstanceState": [random.pick(["running", "stopped"])] }), seconds: [1, 5] },
  { action: "aws:changeInstanceState", names: ["stopInstance", "startInstance"], inputs: (random) => ({ InstanceIds: `["${instanceId(random)}"]`, DesiredState: "\"stopped\"" }), seconds: [20, 180] },
  { action: "aws:runCommand", names: ["patchFleet", "installAgent", "runDiagnostics"], inputs: () => ({ DocumentName: "\"AWS-RunPatchBaseline\"" }), outputs: (random) => ({ CommandId: [uuid(random)], Status: ["Success"] }), seconds: [60, 1800] },
  { action: "aws:sleep", names: ["waitForMaintenanceSlot", "pause"], inputs: () => ({ Duration: "\"PT5M\"" }), seconds: [300, 300] },
  { action: "aws:createImage", names: ["createImage", "backupImage"], inputs: (random) => ({ InstanceId: `"${instanceId(random)}"`, ImageName: "\"backup-{{global:DATE_TIME}}\"" }), outputs: (random) => ({ ImageId: [imageId(random)], ImageState: ["available"] }), seconds: [120, 900] },
  { action: "aws:executeScript", names: ["computeSchedule", "validateInput"], inputs: () => ({ Runtime: "\"python3.11\"", Handler: "\"handler\"" }), outputs: () => ({ "computeSchedule.OutputPayload": ["{\"Payload\":{}}"] }), seconds: [1, 30] },
  { action: "aws:executeAutomation", names: ["runChildRunbook", "restartInstance"], inputs: () => ({ DocumentName: "\"AWS-RestartEC2Instance\"" }), outputs: (random) => ({ ExecutionId: [uuid(random)], Status: ["Success"] }), seconds: [60, 600] },
  { action: "aws:assertAwsResourceProperty", names: ["assertRunning", "assertTagged"], inputs: () => ({ Service: "\"ec2\"", Api: "\"DescribeInstances\"", DesiredValues: "[\"running\"]" }), seconds: [1, 10] },
];

type Last = "Success" | "Failed" | "TimedOut" | "Cancelled" | "InProgress";
const LAST: readonly Last[] = ["Success", "Success", "Success", "Failed", "TimedOut", "Cancelled", "InProgress"];

/** The steps of one run, in the order they ran. */
export function automationSteps(random: Random): Record<string, unknown>[] {
  const count = random.int(1, 12);
  const kinds = Array.from({ length: count }, () => random.pick(STEP_KINDS));
  const names = kinds.map((kind, i) => `${random.pick(kind.names)}${kinds.slice(0, i).some((k) => k === kind) ? i + 1 : ""}`);
  const last = random.pick(LAST);
  let clock = instant(random);
  return kinds.map((kind, i) => {
    const isLast = i === count - 1;
    const status: Last = isLast ? last : "Success";
    const startMs = later(random, clock, 0, 2);
    const endMs = later(random, startMs, kind.seconds[0], kind.seconds[1]);
    clock = endMs;
    const timeout = Math.max(kind.seconds[1] * 2, 60);
    const step: Record<string, unknown> = {
      StepName: names[i],
      Action: kind.action,
      TimeoutSeconds: timeout,
      OnFailure: random.pick(["Abort", "Continue"]),
      MaxAttempts: random.int(1, 3),
      ExecutionStartTime: epochSeconds(startMs),
    };
    if (status !== "InProgress") step["ExecutionEndTime"] = epochSeconds(status === "TimedOut" ? startMs + timeout * 1000 + random.int(1, 999) : endMs);
    step["StepStatus"] = status;
    step["Inputs"] = kind.inputs(random);
    if (status === "Success" && kind.outputs) step["Outputs"] = kind.outputs(random);
    if (status === "Failed") {
      step["ResponseCode"] = "500";
      step["Response"] = "Step fails when it is verifying the command has completed.";
      step["FailureMessage"] = `Step fails when it is executing/canceling the action. ${kind.action} returned an unexpected result.`;
      step["FailureDetails"] = { FailureStage: "Execution", FailureType: "Verification", Details: { ExceptionType: ["VerificationException"] } };
    }
    if (status === "TimedOut") step["FailureMessage"] = `Step timed out after ${timeout} seconds.`;
    // A retried API call that succeeded is the service's non-critical issue; no draw, so the rest of a seed's data stays as it was.
    if (status === "Success" && kind.action === "aws:executeAwsApi" && (step["MaxAttempts"] as number) > 1) {
      step["WarningMessage"] = `Step succeeded after retrying a throttled ${kind.action} call.`;
    }
    step["StepExecutionId"] = uuid(random);
    step["IsEnd"] = isLast && status === "Success";
    if (!isLast) step["NextStep"] = names[i + 1];
    step["IsCritical"] = random.chance(0.7);
    if (!isLast) step["ValidNextSteps"] = [names[i + 1]];
    return step;
  });
}
