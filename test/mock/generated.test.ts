/**
 * Generated data (`Prefer: dynamic=true`) over many seeds: every answer validates against the spec
 * (the package's public `validate`) AND looks like the service's: wire-form timestamps in order, real
 * ID and ARN formats, counts that add up and agree with the statuses, at most MaxResults records and
 * 64 KB; the same seed gives the same answer, different seeds differ, and paging over it ends.
 * The rules are written here from the services' documentation, independently of the generator.
 */
import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { validate, type OperationName } from "aws-ops-contract/validate";
import { MockData } from "../../mock/src/data/index.js";
import { bundledOperation } from "../../mock/src/data/bundled.js";
import { answerGenerated, generate, generateDataSet } from "../../mock/src/generate/index.js";
import { startMock } from "../../mock/src/index.js";
import { command } from "./data-fixtures.js";
import { send, ssmHeaders } from "./wire.js";

const SEEDS = Array.from({ length: 200 }, (_, i) => `seed-${i}`);
const LIMIT_BYTES = 64 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const INSTANCE_ID = /^i-0[0-9a-f]{16}$/;
const REGION = "[a-z]{2}-[a-z]+-\\d";
const SNS_ARN = new RegExp(`^arn:aws:sns:${REGION}:\\d{12}:[A-Za-z0-9_-]+$`);
const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/[\w+=,.@-]+$/;
const S3_BUCKET = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const S3_URL = new RegExp(`^https://s3\\.${REGION}\\.amazonaws\\.com/[a-z0-9-]+/.+/(stdout|stderr)$`);
const WORKFLOW_ARN = new RegExp(`^arn:aws:imagebuilder:${REGION}:(\\d{12}|aws):workflow/(build|test|distribution)/[a-z0-9-]+/\\d+\\.\\d+\\.\\d+/\\d+$`);
const IMAGE_ARN = new RegExp(`^arn:aws:imagebuilder:${REGION}:\\d{12}:image/[a-z0-9-]+/\\d+\\.\\d+\\.\\d+/\\d+$`);
const STEP_ID = /^step-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const AWS_DOCUMENT = /^AWS-[A-Za-z]+$/;

type Body = Record<string, unknown>;
type Rules = (body: Body, request: Body, problems: string[]) => void;

/** SSM wire timestamps: epoch SECONDS (not ms) as numbers, with at most a millisecond fraction. */
function epochSeconds(value: unknown, where: string, problems: string[]): number {
  if (typeof value !== "number" || !(value > 1e9 && value < 1e10) || Math.abs(value * 1000 - Math.round(value * 1000)) > 1e-6) problems.push(`${where}: ${String(value)} is not epoch seconds`);
  return value as number;
}

function isoTime(value: unknown, where: string, problems: string[]): number {
  if (typeof value !== "string" || !ISO_TIME.test(value)) problems.push(`${where}: ${String(value)} is not an ISO 8601 UTC time`);
  return Date.parse(value as string);
}

function count(value: unknown, where: string, problems: string[]): number {
  if (!Number.isInteger(value) || (value as number) < 0) problems.push(`${where}: ${String(value)} is not a non-negative count`);
  return value as number;
}

function match(value: unknown, pattern: RegExp, where: string, problems: string[]): void {
  if (typeof value !== "string" || !pattern.test(value)) problems.push(`${where}: ${String(value)} does not match ${pattern}`);
}

const errorsAllowed = (maxErrors: string, targets: number): number =>
  maxErrors.endsWith("%") ? Math.floor((targets * Number(maxErrors.slice(0, -1))) / 100) : Number(maxErrors);

/** Command StatusDetails each Status may have (Command.StatusDetails' documented values). */
const COMMAND_DETAILS: Record<string, string[]> = {
  Pending: ["Pending"], InProgress: ["InProgress"], Success: ["Success"], Cancelled: ["Cancelled"],
  Failed: ["Failed", "Incomplete"], TimedOut: ["Delivery Timed Out", "Execution Timed Out"],
};
const INVOCATION_DETAILS: Record<string, string[]> = {
  Pending: ["Pending"], InProgress: ["InProgress"], Delayed: ["Delayed"], Success: ["Success"], Cancelled: ["Cancelled"],
  Failed: ["Failed"], TimedOut: ["Delivery Timed Out", "Execution Timed Out"],
};

const commandRules: Rules = (body, request, problems) => {
  (body["Commands"] as Body[]).forEach((c, i) => {
    const at = `Commands/${i}`;
    match(c["CommandId"], UUID, `${at}/CommandId`, problems);
    if (typeof request["CommandId"] === "string" && c["CommandId"] !== request["CommandId"]) problems.push(`${at}: not the requested command`);
    match(c["DocumentName"], AWS_DOCUMENT, `${at}/DocumentName`, problems);
    const ids = c["InstanceIds"] as string[];
    ids.forEach((id, j) => match(id, INSTANCE_ID, `${at}/InstanceIds/${j}`, problems));
    if (typeof request["InstanceId"] === "string" && !ids.includes(request["InstanceId"])) problems.push(`${at}: does not target the requested instance`);
    const requested = epochSeconds(c["RequestedDateTime"], `${at}/RequestedDateTime`, problems);
    if (!(epochSeconds(c["ExpiresAfter"], `${at}/ExpiresAfter`, problems) > requested)) problems.push(`${at}: ExpiresAfter not after RequestedDateTime`);
    if (i > 0 && requested > ((body["Commands"] as Body[])[i - 1]!["RequestedDateTime"] as number)) problems.push(`${at}: not newest first`);
    const target = count(c["TargetCount"], `${at}/TargetCount`, problems);
    const completed = count(c["CompletedCount"], `${at}/CompletedCount`, problems);
    const errors = count(c["ErrorCount"], `${at}/ErrorCount`, problems);
    const timedOut = count(c["DeliveryTimedOutCount"], `${at}/DeliveryTimedOutCount`, problems);
    if (completed > target) problems.push(`${at}: CompletedCount ${completed} > TargetCount ${target}`);
    if (errors + timedOut > completed) problems.push(`${at}: ErrorCount + DeliveryTimedOutCount > CompletedCount`);
    if (ids.length > 0 && ids.length !== target) problems.push(`${at}: ${ids.length} InstanceIds but TargetCount ${target}`);
    const status = c["Status"] as string;
    const details = c["StatusDetails"] as string;
    if (!COMMAND_DETAILS[status]?.includes(details)) problems.push(`${at}: StatusDetails ${details} with Status ${status}`);
    const allowed = errorsAllowed(c["MaxErrors"] as string, target);
    const agrees =
      status === "Pending" ? completed === 0
      : status === "InProgress" ? completed < target
      : status === "Success" ? completed === target && errors === 0 && timedOut === 0
      : status === "Cancelled" ? completed === target
      : details === "Failed" ? completed === target && errors > allowed
      : details === "Incomplete" ? completed === target && errors + timedOut > 0 && errors <= allowed && timedOut <= allowed
      : completed === target && timedOut > allowed;
    if (!agrees) problems.push(`${at}: Status ${status}/${details} disagrees with counts ${target}/${completed}/${errors}/${timedOut} (MaxErrors ${String(c["MaxErrors"])})`);
    if (c["OutputS3BucketName"] !== undefined) match(c["OutputS3BucketName"], S3_BUCKET, `${at}/OutputS3BucketName`, problems);
    if (c["ServiceRole"] !== undefined) match(c["ServiceRole"], ROLE_ARN, `${at}/ServiceRole`, problems);
    const notification = c["NotificationConfig"] as Body | undefined;
    if (notification) match(notification["NotificationArn"], SNS_ARN, `${at}/NotificationConfig/NotificationArn`, problems);
  });
};

const invocationRules: Rules = (body, request, problems) => {
  (body["CommandInvocations"] as Body[]).forEach((v, i) => {
    const at = `CommandInvocations/${i}`;
    match(v["CommandId"], UUID, `${at}/CommandId`, problems);
    match(v["InstanceId"], INSTANCE_ID, `${at}/InstanceId`, problems);
    for (const member of ["CommandId", "InstanceId"]) {
      if (typeof request[member] === "string" && v[member] !== request[member]) problems.push(`${at}: not the requested ${member}`);
    }
    const status = v["Status"] as string;
    if (!INVOCATION_DETAILS[status]?.includes(v["StatusDetails"] as string)) problems.push(`${at}: StatusDetails ${String(v["StatusDetails"])} with Status ${status}`);
    const requested = epochSeconds(v["RequestedDateTime"], `${at}/RequestedDateTime`, problems);
    for (const member of ["StandardOutputUrl", "StandardErrorUrl"]) if (v[member] !== "") match(v[member], S3_URL, `${at}/${member}`, problems);
    // Without Details the service sends an empty CommandPlugins list.
    const plugins = v["CommandPlugins"] as Body[] | undefined;
    if ((plugins?.length ?? 0) > 0 !== (request["Details"] === true)) problems.push(`${at}: ${plugins?.length ?? 0} CommandPlugins with Details ${String(request["Details"])}`);
    plugins?.forEach((p, j) => {
      const where = `${at}/CommandPlugins/${j}`;
      match(p["Name"], /^aws:[A-Za-z]+$/, `${where}/Name`, problems);
      const start = p["ResponseStartDateTime"] === undefined ? undefined : epochSeconds(p["ResponseStartDateTime"], `${where}/ResponseStartDateTime`, problems);
      const finish = p["ResponseFinishDateTime"] === undefined ? undefined : epochSeconds(p["ResponseFinishDateTime"], `${where}/ResponseFinishDateTime`, problems);
      if (start !== undefined && start < requested) problems.push(`${where}: started before the command was requested`);
      if (finish !== undefined && (start === undefined || finish < start)) problems.push(`${where}: finished before it started`);
      if (status === "Success" && (p["Status"] !== "Success" || p["ResponseCode"] !== 0)) problems.push(`${where}: a successful invocation's plugin is ${String(p["Status"])}/${String(p["ResponseCode"])}`);
      if (p["Status"] === "Failed" && p["ResponseCode"] === 0) problems.push(`${where}: failed with response code 0`);
      if (["Pending", "InProgress"].includes(status) && finish !== undefined) problems.push(`${where}: finished while the invocation is ${status}`);
    });
  });
};

const RUNNING_WINDOW = new Set(["PENDING", "IN_PROGRESS", "CANCELLING"]);
const windowRules: Rules = (body, request, problems) => {
  if (body["WindowExecutionId"] !== request["WindowExecutionId"]) problems.push("WindowExecutionId is not the requested one");
  (body["TaskIds"] as string[]).forEach((id, i) => match(id, UUID, `TaskIds/${i}`, problems));
  const start = epochSeconds(body["StartTime"], "StartTime", problems);
  const status = body["Status"] as string;
  if (RUNNING_WINDOW.has(status) !== (body["EndTime"] === undefined)) problems.push(`Status ${status} with EndTime ${String(body["EndTime"])}`);
  if (body["EndTime"] !== undefined && !(epochSeconds(body["EndTime"], "EndTime", problems) >= start)) problems.push("EndTime before StartTime");
  if (["FAILED", "TIMED_OUT", "CANCELLED"].includes(status) && !body["StatusDetails"]) problems.push(`Status ${status} without StatusDetails`);
  if (status === "SUCCESS" && body["StatusDetails"] !== undefined) problems.push("a successful execution with StatusDetails");
};

const stepRules: Rules = (body, request, problems) => {
  const steps = body["StepExecutions"] as Body[];
  // In the order they ran (the answer lists the latest first with ReverseOrder).
  const ran = request["ReverseOrder"] === true ? [...steps].reverse() : steps;
  ran.forEach((s, i) => {
    const at = `step ${String(s["StepName"])}`;
    match(s["StepExecutionId"], UUID, `${at}/StepExecutionId`, problems);
    match(s["Action"], /^aws:[a-zA-Z]+$/, `${at}/Action`, problems);
    // A child runbook's automation execution ID (aws:executeAutomation).
    const child = (s["Outputs"] as Record<string, string[]> | undefined)?.["ExecutionId"];
    if (child) match(child[0], UUID, `${at}/Outputs/ExecutionId`, problems);
    const start = epochSeconds(s["ExecutionStartTime"], `${at}/ExecutionStartTime`, problems);
    const end = s["ExecutionEndTime"] === undefined ? undefined : epochSeconds(s["ExecutionEndTime"], `${at}/ExecutionEndTime`, problems);
    if ((s["StepStatus"] === "InProgress") !== (end === undefined)) problems.push(`${at}: ${String(s["StepStatus"])} with end time ${String(end)}`);
    if (end !== undefined && end < start) problems.push(`${at}: ended before it started`);
    const previous = ran[i - 1];
    if (previous && start < ((previous["ExecutionEndTime"] ?? Infinity) as number)) problems.push(`${at}: started before the previous step ended`);
    if (previous && previous["StepStatus"] !== "Success") problems.push(`${at}: runs after a step that is ${String(previous["StepStatus"])}`);
    if (["Failed", "TimedOut"].includes(s["StepStatus"] as string) && !s["FailureMessage"]) problems.push(`${at}: ${String(s["StepStatus"])} without FailureMessage`);
    if (s["IsEnd"] === true && s["StepStatus"] !== "Success") problems.push(`${at}: IsEnd on a step that is ${String(s["StepStatus"])}`);
    if (s["WarningMessage"] !== undefined && s["StepStatus"] !== "Success") problems.push(`${at}: a WarningMessage on a step that is ${String(s["StepStatus"])}`);
    if (typeof s["TimeoutSeconds"] === "number" && s["TimeoutSeconds"] < 0) problems.push(`${at}: negative TimeoutSeconds`);
  });
  // Without filters the list is the whole run, linked by NextStep.
  if (request["Filters"] === undefined && body["NextToken"] === undefined && request["NextToken"] === undefined) {
    ran.forEach((s, i) => {
      const next = ran[i + 1];
      if (next && s["NextStep"] !== next["StepName"]) problems.push(`step ${String(s["StepName"])}: NextStep ${String(s["NextStep"])} is not the next step`);
    });
  }
};

const workflowRules: Rules = (body, request, problems) => {
  if (body["workflowExecutionId"] !== request["workflowExecutionId"]) problems.push("workflowExecutionId is not the requested one");
  match(body["workflowBuildVersionArn"], WORKFLOW_ARN, "workflowBuildVersionArn", problems);
  match(body["imageBuildVersionArn"], IMAGE_ARN, "imageBuildVersionArn", problems);
  match(body["requestId"], UUID, "requestId", problems);
  const steps = body["steps"] as Body[];
  let after: string | undefined;
  let clock = -Infinity;
  steps.forEach((s, i) => {
    const at = `steps/${i}`;
    match(s["stepExecutionId"], STEP_ID, `${at}/stepExecutionId`, problems);
    const status = s["status"] as string;
    if (after === "FAILED" && status !== "SKIPPED") problems.push(`${at}: ${status} after a failed step`);
    if (after === "RUNNING" && status !== "PENDING") problems.push(`${at}: ${status} after a running step`);
    if (["PENDING", "SKIPPED"].includes(status)) {
      if (s["startTime"] !== undefined || s["endTime"] !== undefined) problems.push(`${at}: ${status} with times`);
    } else {
      const start = isoTime(s["startTime"], `${at}/startTime`, problems);
      if (start < clock) problems.push(`${at}: started before the previous step ended`);
      if (status === "RUNNING") {
        if (s["endTime"] !== undefined) problems.push(`${at}: RUNNING with an endTime`);
      } else {
        clock = isoTime(s["endTime"], `${at}/endTime`, problems);
        if (clock < start) problems.push(`${at}: endTime before startTime`);
      }
    }
    if ((s["rollbackStatus"] !== undefined) && status !== "FAILED") problems.push(`${at}: rollbackStatus on a ${status} step`);
    if (status === "FAILED" || status === "RUNNING") after = status;
  });
};

interface Case {
  operation: OperationName;
  list?: string;
  token?: string;
  pageSize: { member: string; default: number };
  requests: Body[];
  rules: Rules;
}

const COMMAND_ID = "0831e1a8-a1ac-4257-a1fd-c831b0e0e0e0";
const CASES: Case[] = [
  {
    operation: "ListCommands", list: "Commands", token: "NextToken", pageSize: { member: "MaxResults", default: 50 }, rules: commandRules,
    requests: [{}, { MaxResults: 7 }, { CommandId: COMMAND_ID }, { InstanceId: "i-0123456789abcdef0", MaxResults: 20 }, { Filters: [{ key: "Status", value: "Failed" }] }],
  },
  {
    operation: "ListCommandInvocations", list: "CommandInvocations", token: "NextToken", pageSize: { member: "MaxResults", default: 50 }, rules: invocationRules,
    requests: [{ Details: true }, { CommandId: COMMAND_ID, MaxResults: 3 }, { InstanceId: "i-0123456789abcdef0", Details: true }, {}],
  },
  {
    operation: "GetMaintenanceWindowExecution", pageSize: { member: "", default: 1 }, rules: windowRules,
    requests: [{ WindowExecutionId: "9fac7dd9-ff21-42a5-96ad-bbc4b0e0e0e0" }],
  },
  {
    operation: "DescribeAutomationStepExecutions", list: "StepExecutions", token: "NextToken", pageSize: { member: "MaxResults", default: 50 }, rules: stepRules,
    requests: [
      { AutomationExecutionId: "4105a4fc-f944-11e6-9d32-0123456789ab" },
      { AutomationExecutionId: "4105a4fc-f944-11e6-9d32-0123456789ab", MaxResults: 3, ReverseOrder: true },
      { AutomationExecutionId: "4105a4fc-f944-11e6-9d32-0123456789ab", Filters: [{ Key: "StepExecutionStatus", Values: ["Failed", "TimedOut"] }] },
    ],
  },
  {
    operation: "ListWorkflowStepExecutions", list: "steps", token: "nextToken", pageSize: { member: "maxResults", default: 25 }, rules: workflowRules,
    requests: [{ workflowExecutionId: "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b" }, { workflowExecutionId: "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b", maxResults: 2 }],
  },
];

/** Every broken rule of one answer: the spec, the operation's rules, size and page size. */
function problemsOf(c: Case, request: Body, body: Body): string[] {
  const result = validate(c.operation, "response", body);
  const problems = result.errors.map((e) => `spec: ${e.message}`);
  if (!result.ok) return problems;
  c.rules(body, request, problems);
  const bytes = Buffer.byteLength(JSON.stringify(body));
  if (bytes > LIMIT_BYTES) problems.push(`${bytes} bytes, over 64 KB`);
  if (c.list) {
    const records = (body[c.list] as unknown[]).length;
    const limit = (request[c.pageSize.member] as number | undefined) ?? c.pageSize.default;
    if (records > limit) problems.push(`${records} records, over the page size ${limit}`);
  }
  return problems;
}

describe.each(CASES)("generated $operation answers", (c) => {
  it("validate against the spec and follow the service's rules, over 200 seeds per request", () => {
    for (const request of c.requests) {
      for (const seed of SEEDS) {
        const body = generate(c.operation, request, seed)!;
        const problems = problemsOf(c, request, body);
        if (problems.length > 0) expect({ seed, request, problems }).toEqual({ seed, request, problems: [] });
      }
    }
  });

  it("repeat for the same seed and differ between seeds", () => {
    const request = c.requests[0]!;
    expect(generate(c.operation, request, "same")).toEqual(generate(c.operation, request, "same"));
    const answers = new Set(SEEDS.map((seed) => JSON.stringify(generate(c.operation, request, seed))));
    expect(answers.size).toBe(SEEDS.length);
  });

  if (c.list && c.token) {
    const { list, token } = c;
    it("page: the tokens continue the same records, each once, and the last page ends", () => {
      let paged = 0;
      for (const seed of SEEDS) {
        const request = { ...c.requests[0]!, [c.pageSize.member]: 2 };
        const first = generate(c.operation, request, seed)!;
        if (first[token] === undefined) continue;
        paged++;
        const records = [...(first[list] as unknown[])];
        let page = first;
        for (let pages = 1; page[token] !== undefined; pages++) {
          expect(pages).toBeLessThan(100);
          // A later request carries no seed: the token brings it.
          page = generate(c.operation, { ...request, [token]: page[token] })!;
          expect(problemsOf(c, request, page)).toEqual([]);
          records.push(...(page[list] as unknown[]));
        }
        expect(new Set(records.map((r) => JSON.stringify(r))).size).toBe(records.length);
      }
      expect(paged).toBeGreaterThan(0);
    });
  }
});

describe("generated data honours the request", () => {
  it("ListCommands with a Status filter lists only commands in that status", () => {
    for (const seed of SEEDS.slice(0, 50)) {
      const body = generate("ListCommands", { Filters: [{ key: "Status", value: "TimedOut" }] }, seed)!;
      expect((body["Commands"] as Body[]).every((c) => c["Status"] === "TimedOut")).toBe(true);
      expect((body["Commands"] as Body[]).length).toBeGreaterThan(0);
    }
  });

  it("ListCommands with InvokedAfter/InvokedBefore lists only commands requested in between", () => {
    const after = Date.parse("2025-03-01T00:00:00Z");
    const before = Date.parse("2025-03-02T00:00:00Z");
    const request = { Filters: [{ key: "InvokedAfter", value: "2025-03-01T00:00:00Z" }, { key: "InvokedBefore", value: "2025-03-02T00:00:00Z" }] };
    for (const seed of SEEDS.slice(0, 50)) {
      const times = (generate("ListCommands", request, seed)!["Commands"] as Body[]).map((c) => (c["RequestedDateTime"] as number) * 1000);
      expect(times.length).toBeGreaterThan(0);
      // InvokedAfter includes its instant, InvokedBefore excludes its own (as any data set's answer).
      expect(times.every((t) => t >= after && t < before)).toBe(true);
    }
  });

  it("DescribeAutomationStepExecutions with a StepExecutionStatus filter lists only those steps", () => {
    for (const seed of SEEDS.slice(0, 50)) {
      const body = generate("DescribeAutomationStepExecutions", { AutomationExecutionId: "4105a4fc-f944-11e6-9d32-0123456789ab", Filters: [{ Key: "StepExecutionStatus", Values: ["Success"] }] }, seed)!;
      expect((body["StepExecutions"] as Body[]).every((s) => s["StepStatus"] === "Success")).toBe(true);
    }
  });

  it("some runs carry a WarningMessage on a successful step, as the service sends it", () => {
    const warned = SEEDS.slice(0, 100).flatMap((seed) => (generate("DescribeAutomationStepExecutions", { AutomationExecutionId: "4105a4fc-f944-11e6-9d32-0123456789ab" }, seed)!["StepExecutions"] as Body[]).filter((s) => s["WarningMessage"] !== undefined));
    expect(warned.length).toBeGreaterThan(0);
    expect(warned.every((s) => s["StepStatus"] === "Success" && typeof s["WarningMessage"] === "string")).toBe(true);
  });

  it("ReverseOrder lists the same steps, latest first", () => {
    const request = { AutomationExecutionId: "4105a4fc-f944-11e6-9d32-0123456789ab" };
    const forward = generate("DescribeAutomationStepExecutions", request, "order")!["StepExecutions"] as Body[];
    const reverse = generate("DescribeAutomationStepExecutions", { ...request, ReverseOrder: true }, "order")!["StepExecutions"] as Body[];
    expect(reverse).toEqual([...forward].reverse());
  });
});

describe("generated answers follow the data set's rules", () => {
  const AUTOMATION = "4105a4fc-f944-11e6-9d32-0123456789ab";
  const WORKFLOW = "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b";
  // Requests the data set refuses whatever it holds (the default one here): generated data refuses them alike.
  const refused: Array<[string, Body, string]> = [
    ["ListCommandInvocations", { Filters: [{ key: "ExecutionStage", value: "Executing" }] }, "InvalidFilterKey"],
    ["ListCommands", { Filters: [{ key: "Status", value: "Delayed" }] }, "InvalidFilterKey"],
    ["ListCommands", { Filters: [{ key: "InvokedAfter", value: "yesterday" }] }, "InvalidFilterKey"],
    ["ListCommands", { InstanceId: "i-0123456789abcdef0", Filters: [{ key: "Status", value: "Pending" }] }, "InvalidFilterKey"],
    ["ListCommands", { NextToken: "AAEAAEXAMPLEtoken" }, "InvalidNextToken"],
    ["DescribeAutomationStepExecutions", { AutomationExecutionId: AUTOMATION, Filters: [{ Key: "StepExecutionStatus", Values: ["Done"] }] }, "InvalidFilterValue"],
    ["DescribeAutomationStepExecutions", { AutomationExecutionId: AUTOMATION, Filters: [{ Key: "ParentStepIteration", Values: ["first"] }] }, "InvalidFilterValue"],
    ["ListWorkflowStepExecutions", { workflowExecutionId: WORKFLOW, nextToken: "eyJvZmZzZXQiOjN9EXAMPLE" }, "InvalidPaginationTokenException"],
  ];
  it.each(refused)("%s %j is refused with %s, as the data set refuses it", (operation, request, name) => {
    const data = new MockData().answer(bundledOperation(operation), request);
    expect(data).toMatchObject({ ok: false, error: { name } });
    expect(answerGenerated(operation, request, "refused")).toMatchObject({ ok: false, error: { name } });
  });

  it("a token is good only for the listing that issued it", () => {
    const request = { MaxResults: 1 };
    let seed = 0;
    let first = generate("ListCommands", request, `${seed}`)!;
    while (first["NextToken"] === undefined) first = generate("ListCommands", request, `${++seed}`)!;
    const other = answerGenerated("ListCommands", { ...request, NextToken: first["NextToken"], Filters: [{ key: "DocumentName", value: "AWS-RunShellScript" }] });
    expect(other).toMatchObject({ ok: false, error: { name: "InvalidNextToken" } });
    // A loaded data set does not take it either: its tokens are its own.
    expect(new MockData().answer(bundledOperation("ListCommands"), { ...request, NextToken: first["NextToken"] })).toMatchObject({ ok: false, error: { name: "InvalidNextToken" } });
  });

  it("without MaxResults a page holds the spec's maximum page size at most, and more records get a token", () => {
    let paged = false;
    for (const seed of SEEDS.slice(0, 40)) {
      const body = generate("ListCommands", {}, seed)!;
      expect((body["Commands"] as Body[]).length).toBeLessThanOrEqual(50);
      if (body["NextToken"] !== undefined) {
        paged = true;
        // A full page, or one stopped by the 64 KB limit.
        expect((body["Commands"] as Body[]).length === 50 || Buffer.byteLength(JSON.stringify(body)) > LIMIT_BYTES - 2048).toBe(true);
      }
    }
    expect(paged).toBe(true);
  });
});

describe("64 KB pages, for a loaded data set too", () => {
  it("a page of large records stops before 64 KB with a token, and the tokens reach every record once", () => {
    // 50 commands of about 3 KB each: 50 would make 150 KB.
    const Commands = Array.from({ length: 50 }, (_, n) => ({ ...command(n), Parameters: { commands: [`echo ${"x".repeat(3000)} ${n}`] } }));
    const data = new MockData({ Commands });
    const ids: unknown[] = [];
    let token: unknown;
    let pages = 0;
    do {
      const answer = data.answer(bundledOperation("ListCommands"), token === undefined ? {} : { NextToken: token });
      if (!answer?.ok) throw new Error(JSON.stringify(answer));
      expect(Buffer.byteLength(answer.body)).toBeLessThanOrEqual(LIMIT_BYTES);
      const body = JSON.parse(answer.body) as Body;
      ids.push(...(body["Commands"] as Body[]).map((c) => c["CommandId"]));
      token = body["NextToken"];
      pages++;
    } while (token !== undefined);
    expect(pages).toBeGreaterThan(2);
    expect(new Set(ids).size).toBe(50);
  });
});

describe("generateDataSet", () => {
  it("makes a data set the loader takes (every record valid), of the asked size, the same for a seed", () => {
    const set = generateDataSet({ commands: 150, automationExecutions: 2, maintenanceWindowExecutions: 4, workflowExecutions: 1, seed: "users" });
    expect(generateDataSet({ commands: 150, automationExecutions: 2, maintenanceWindowExecutions: 4, workflowExecutions: 1, seed: "users" })).toEqual(set);
    const counts = new MockData(set).current.counts();
    expect(counts).toMatchObject({ Commands: 150, MaintenanceWindowExecutions: 4, AutomationExecutions: 2, WorkflowExecutions: 1 });
    // Every invocation belongs to a command of the set, and each command has one per node it targeted.
    const targets = new Map(set.Commands.map((c) => [c["CommandId"], c["TargetCount"]]));
    const perCommand = new Map<unknown, number>();
    for (const v of set.CommandInvocations) perCommand.set(v["CommandId"], (perCommand.get(v["CommandId"]) ?? 0) + 1);
    expect(perCommand).toEqual(targets);
    const problems: string[] = [];
    commandRules({ Commands: set.Commands }, {}, problems);
    invocationRules({ CommandInvocations: set.CommandInvocations }, { Details: true }, problems);
    expect(problems).toEqual([]);
  });

  it("the README's example: a mock serving a generated data set lists all its commands", async () => {
    const readme = readFileSync(new URL("../../mock/README.md", import.meta.url), "utf8");
    const block = /### A generated data set[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)![1]!;
    const options = /generateDataSet\((\{[^)]*\})\)/.exec(block)![1]!;
    // The README's options, read as the object literal they are.
    const data = generateDataSet(new Function(`return ${options}`)() as Parameters<typeof generateDataSet>[0]);
    expect(block).toContain("startMock({ port: 0, data })");
    const mock = await startMock({ port: 0, data });
    try {
      const ids: unknown[] = [];
      let token: unknown;
      do {
        const page = await send(mock.url, { headers: ssmHeaders("ListCommands"), body: JSON.stringify(token ? { NextToken: token } : {}) });
        expect(page.status).toBe(200);
        ids.push(...(page.json!["Commands"] as Body[]).map((c) => c["CommandId"]));
        token = page.json!["NextToken"];
      } while (token !== undefined);
      expect(ids).toEqual(data.Commands.map((c) => c["CommandId"]));
      expect(ids).toHaveLength(500);
    } finally {
      await mock.close();
    }
  });

  it("makes 10,000 commands when asked (they fit in the generator's span)", () => {
    const set = generateDataSet({ commands: 10_000, seed: "many", maintenanceWindowExecutions: 0, automationExecutions: 0, workflowExecutions: 0 });
    expect(set.Commands).toHaveLength(10_000);
  });
});

describe("Prefer: dynamic=true on the wire", () => {
  const url = inject("mockUrl");
  const automation = (prefer: string, body: Body = { AutomationExecutionId: "4105a4fc-f944-11e6-9d32-0123456789ab" }) =>
    send(url, { headers: ssmHeaders("DescribeAutomationStepExecutions", { prefer }), body: JSON.stringify(body) });

  it("answers the generator's data, repeatable by seed, within 64 KB and valid", async () => {
    const first = await automation("dynamic=true, seed=wire");
    const second = await automation("dynamic=true, seed=wire");
    expect(first.status).toBe(200);
    expect(first.text).toBe(second.text);
    expect(first.json).toEqual(generate("DescribeAutomationStepExecutions", { AutomationExecutionId: "4105a4fc-f944-11e6-9d32-0123456789ab" }, "wire"));
    expect(Buffer.byteLength(first.text)).toBeLessThanOrEqual(LIMIT_BYTES);
    expect(validate("DescribeAutomationStepExecutions", "response", first.json).errors).toEqual([]);
  });

  it("Image Builder answers carry ISO 8601 times and the requested workflow execution", async () => {
    const request = { workflowExecutionId: "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b" };
    for (const seed of ["a", "b", "c", "d"]) {
      const answer = await send(url, { path: "/ListWorkflowStepExecutions", headers: { "content-type": "application/json", prefer: `dynamic=true, seed=${seed}` }, body: JSON.stringify(request) });
      expect(answer.status).toBe(200);
      expect(answer.json!["workflowExecutionId"]).toBe(request.workflowExecutionId);
      const problems: string[] = [];
      workflowRules(answer.json!, request, problems);
      expect(problems).toEqual([]);
    }
  });

  it("a generated token brings the same listing's next page, which has no token", async () => {
    const request = { MaxResults: 1 };
    const call = (body: Body, prefer: string) => send(url, { headers: ssmHeaders("ListCommands", { prefer }), body: JSON.stringify(body) });
    let seed = 0;
    let first = await call(request, `dynamic=true, seed=${seed}`);
    while (first.json!["NextToken"] === undefined && seed < 50) first = await call(request, `dynamic=true, seed=${++seed}`);
    expect(first.json!["NextToken"]).toEqual(expect.any(String));
    const second = await call({ ...request, NextToken: first.json!["NextToken"] }, "dynamic=true");
    expect(second.status).toBe(200);
    expect(second.json!["NextToken"]).toBeUndefined();
    const ids = [...(first.json!["Commands"] as Body[]), ...(second.json!["Commands"] as Body[])].map((c) => c["CommandId"]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

it("a forged generated-listing token (a page size of five million) is refused at once, not generated", async () => {
  const carried = Buffer.from(JSON.stringify(["x", 5_000_000]));
  const forged = Buffer.concat([Buffer.alloc(16), carried]).toString("base64url");
  const url = inject("mockUrl");
  const answer = await send(url, { headers: ssmHeaders("ListCommands", { prefer: "dynamic=true" }), body: JSON.stringify({ NextToken: forged }) });
  expect(answer.status).toBe(400);
  expect(answer.errorName).toBe("InvalidNextToken");
}, 10_000);
