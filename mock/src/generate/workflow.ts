/**
 * ListWorkflowStepExecutions answers: the steps of one Image Builder workflow run (the requested
 * workflowExecutionId), with the workflow's and the image's build version ARNs. Steps run in order;
 * the ones before the last completed; the last one completed, failed (the steps after it are
 * SKIPPED and its rollback ran), or is running (the steps after it are PENDING). Times are the ISO
 * strings Image Builder sends; a step not started has none, a running one has no endTime.
 */
import { imageBuildVersionArn, imageId, imagebuilderComponentArn, instanceId, place, semanticVersion, uuid, workflowBuildVersionArn } from "./ids.js";
import type { Random } from "./random.js";
import { instant, isoTime, later } from "./time.js";

type WorkflowType = "build" | "test";
const WORKFLOWS: Record<WorkflowType, { name: string; steps: ReadonlyArray<[name: string, action: string, description: string, seconds: [number, number]]> }> = {
  build: {
    name: "build-image",
    steps: [
      ["LaunchBuildInstance", "LaunchInstance", "Launches the build instance.", [60, 180]],
      ["WaitForSSMAgent", "WaitForSSMAgent", "Waits for the Systems Manager agent on the build instance.", [10, 120]],
      ["ApplyBuildComponents", "ExecuteComponents", "Runs the build components on the build instance.", [120, 1800]],
      ["InventoryCollection", "CollectImageMetadata", "Collects the image's inventory.", [20, 120]],
      ["RunSanitizeScript", "SanitizeInstance", "Sanitizes the build instance before the image is taken.", [10, 90]],
      ["CreateOutputAMI", "CreateImage", "Creates the output image.", [180, 900]],
      ["TerminateBuildInstance", "TerminateInstance", "Terminates the build instance.", [30, 120]],
    ],
  },
  test: {
    name: "test-image",
    steps: [
      ["LaunchTestInstance", "LaunchInstance", "Launches a test instance from the new image.", [60, 180]],
      ["WaitForSSMAgent", "WaitForSSMAgent", "Waits for the Systems Manager agent on the test instance.", [10, 120]],
      ["ApplyTestComponents", "ExecuteComponents", "Runs the test components on the test instance.", [60, 1200]],
      ["TerminateTestInstance", "TerminateInstance", "Terminates the test instance.", [30, 120]],
    ],
  },
};
const IMAGE_NAMES = ["web-server", "base-al2023", "windows-2022-hardened", "batch-worker"];

type Outcome = "COMPLETED" | "FAILED" | "RUNNING";

/** One workflow run (`id`, or a new ID; its first step starts at `startMs` when given): its members as ListWorkflowStepExecutions answers them, and all its steps. */
export function workflowExecution(random: Random, id?: string, startMs?: number): Record<string, unknown> {
  const at = place(random);
  const type = random.pick<WorkflowType>(["build", "build", "test"]);
  const workflow = WORKFLOWS[type];
  const awsManaged = random.chance(0.7);
  const imageName = random.pick(IMAGE_NAMES);
  const imageVersion = semanticVersion(random);
  const node = instanceId(random);
  const outcome = random.pick<Outcome>(["COMPLETED", "COMPLETED", "FAILED", "RUNNING"]);
  const stopAt = outcome === "COMPLETED" ? workflow.steps.length : random.int(0, workflow.steps.length - 1);
  let clock = startMs ?? instant(random);
  const steps = workflow.steps.map(([name, action, description, seconds], i) => {
    const step: Record<string, unknown> = { stepExecutionId: `step-${uuid(random)}`, name, description, action };
    if (i > stopAt) {
      step["status"] = outcome === "FAILED" ? "SKIPPED" : "PENDING";
    } else {
      const startMs = later(random, clock, 0, 3);
      const endMs = later(random, startMs, seconds[0], seconds[1]);
      clock = endMs;
      const status = i < stopAt ? "COMPLETED" : outcome;
      step["status"] = status;
      if (status === "FAILED") {
        step["rollbackStatus"] = random.pick(["COMPLETED", "COMPLETED", "FAILED", "SKIPPED"]);
        step["message"] = action === "ExecuteComponents"
          ? `Component ${imagebuilderComponentArn(at, random.pick(["install-agent", "harden-os", "run-tests"]), semanticVersion(random), 1)} failed: exit status ${random.int(1, 3)}.`
          : `${action} failed: the operation timed out.`;
      } else if (status === "COMPLETED" && action === "LaunchInstance") {
        step["message"] = `Instance ${node} launched.`;
      }
      step["inputs"] = action === "LaunchInstance" ? JSON.stringify({ imageId: imageId(random), instanceType: random.pick(["m5.large", "t3.medium", "c6i.xlarge"]) }) : JSON.stringify({ instanceId: node });
      step["outputs"] = status === "COMPLETED" && action === "LaunchInstance" ? JSON.stringify({ instanceId: node }) : "{}";
      step["startTime"] = isoTime(startMs);
      if (status !== "RUNNING") step["endTime"] = isoTime(endMs);
    }
    return step;
  });
  const workflowOwner = awsManaged ? "aws" : at.account;
  return {
    workflowBuildVersionArn: workflowBuildVersionArn(at, workflowOwner, type, awsManaged ? workflow.name : `${imageName}-${type}`, awsManaged ? "1.0.0" : semanticVersion(random), random.int(1, 5)),
    workflowExecutionId: id ?? `wf-${uuid(random)}`,
    imageBuildVersionArn: imageBuildVersionArn(at, imageName, imageVersion, random.int(1, 9)),
    message: outcome === "COMPLETED" ? "Workflow completed successfully." : outcome === "FAILED" ? "Workflow failed." : "Workflow is running.",
    steps,
  };
}
