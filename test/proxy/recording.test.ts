/**
 * The recorder (records merged by ID across pages and calls) and the redactor (stable stand-ins
 * that keep the links between records), on answers shaped as the service sends them; the result
 * is a data set the mock loads as it is.
 */
import { describe, expect, it } from "vitest";
import { loadDataSet } from "../../mock/src/data/index.js";
import { mergeRecord, Recorder } from "../../mock/src/proxy/recorder.js";
import { parseRedactions, redactDataSet, REDACTED_OUTPUT, REDACTED_PARAMETER, REDACTED_SECRET, REDACTIONS } from "../../mock/src/proxy/redact.js";

const ACCOUNT = "734512980016";
const OTHER_ACCOUNT = "209876543210";
const INSTANCE = "i-0a1b2c3d4e5f60718";
const HYBRID = "mi-0123456789abcdef0";
const BUCKET = "acme-ops-logs-prod";
const COMMAND_ID = "4f1c2d3e-0000-4000-8000-00000000c0de";
const SECRET = "wJalrXUtnFEMI/K7MDENG/proxySECRETkey";
const TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDexampletoken";

const command = (extra: Record<string, unknown> = {}) => ({
  CommandId: COMMAND_ID,
  DocumentName: "AWS-RunShellScript",
  Status: "Success",
  RequestedDateTime: 1720404000.5,
  InstanceIds: [INSTANCE, HYBRID],
  Parameters: { commands: [`aws s3 cp s3://${BUCKET}/x . # key ${SECRET}`] },
  OutputS3BucketName: BUCKET,
  OutputS3KeyPrefix: "nightly/run",
  ServiceRole: `arn:aws:iam::${ACCOUNT}:role/ops`,
  NotificationConfig: { NotificationArn: `arn:aws:sns:us-east-1:${OTHER_ACCOUNT}:status`, NotificationEvents: ["All"], NotificationType: "Command" },
  Comment: `run by ${ACCOUNT} with AKIAIOSFODNN7EXAMPLE`,
  ...extra,
});
const plugin = {
  Name: "aws:runShellScript",
  Status: "Success",
  Output: `token=${TOKEN}\nhost ${INSTANCE}`,
  StandardOutputUrl: `https://s3.us-east-1.amazonaws.com/${BUCKET}/nightly/run/${COMMAND_ID}/${INSTANCE}/awsrunShellScript/0.awsrunShellScript/stdout`,
  StandardErrorUrl: `https://${BUCKET}.s3.us-east-1.amazonaws.com/nightly/run/${COMMAND_ID}/${INSTANCE}/stderr`,
  OutputS3BucketName: BUCKET,
  OutputS3KeyPrefix: "nightly/run",
};
const invocation = (extra: Record<string, unknown> = {}) => ({ CommandId: COMMAND_ID, InstanceId: INSTANCE, InstanceName: "ip-10-0-0-7.ec2.internal", Status: "Success", RequestedDateTime: 1720404001, CommandPlugins: [plugin], ...extra });

function recorded(): Recorder {
  const recorder = new Recorder();
  recorder.add("ListCommands", {}, { Commands: [command()], NextToken: "AAEAAtoken" });
  recorder.add("ListCommands", { NextToken: "AAEAAtoken" }, { Commands: [command({ Status: "Failed" })] });
  recorder.add("ListCommandInvocations", { Details: true }, { CommandInvocations: [invocation()] });
  recorder.add("ListCommandInvocations", {}, { CommandInvocations: [invocation({ CommandPlugins: [] }), { ...invocation({ InstanceId: HYBRID }), CommandPlugins: [] }] });
  recorder.add("GetMaintenanceWindowExecution", { WindowExecutionId: "9fac7dd9-ff21-42a5-96ad-bbc4b0e0e0e0" }, { WindowExecutionId: "9fac7dd9-ff21-42a5-96ad-bbc4b0e0e0e0", Status: "SUCCESS", TaskIds: ["c0de0000-0000-4000-8000-000000000001"] });
  const step = (id: string, status: string) => ({ StepExecutionId: id, StepName: "launch", Action: "aws:runInstances", StepStatus: status, Inputs: { ImageId: '"ami-0123"' }, Outputs: { InstanceIds: [INSTANCE] } });
  const automation = "4105a4fc-f944-11e6-9d32-0123456789ab";
  recorder.add("DescribeAutomationStepExecutions", { AutomationExecutionId: automation }, { StepExecutions: [step("s-1", "InProgress")], NextToken: "t" });
  recorder.add("DescribeAutomationStepExecutions", { AutomationExecutionId: automation, NextToken: "t" }, { StepExecutions: [step("s-2", "Success"), step("s-1", "Success")] });
  const wf = "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b";
  const stepId = (n: number) => `step-00000000-0000-4000-8000-00000000000${n}`;
  const wfStep = (id: string) => ({ stepExecutionId: id, name: "BuildImage", action: "BuildImage", status: "COMPLETED", inputs: JSON.stringify({ bucket: BUCKET, account: ACCOUNT }), outputs: '{"imageId":"ami-1"}' });
  const arn = `arn:aws:imagebuilder:us-east-1:${ACCOUNT}:image/x/1.0.0/1`;
  const workflowArn = `arn:aws:imagebuilder:us-east-1:${ACCOUNT}:workflow/build/nightly/1.0.0/1`;
  recorder.add("ListWorkflowStepExecutions", { workflowExecutionId: wf }, { requestId: "r1", workflowBuildVersionArn: workflowArn, workflowExecutionId: wf, imageBuildVersionArn: arn, steps: [wfStep(stepId(1))], nextToken: "n" });
  recorder.add("ListWorkflowStepExecutions", { workflowExecutionId: wf, nextToken: "n" }, { requestId: "r2", workflowBuildVersionArn: workflowArn, workflowExecutionId: wf, imageBuildVersionArn: arn, message: "Workflow completed.", steps: [wfStep(stepId(2))] });
  return recorder;
}

describe("Recorder", () => {
  it("merges records by their IDs across pages and calls, and keeps no token or request ID", () => {
    const set = recorded().toDataSet();
    expect(set.Commands).toHaveLength(1);
    expect(set.Commands[0]).toMatchObject({ Status: "Failed", DocumentName: "AWS-RunShellScript" });
    expect(set.CommandInvocations.map((i) => i["InstanceId"])).toEqual([INSTANCE, HYBRID]);
    // The invocation listed without Details keeps the plugins an earlier call with Details gave.
    expect(set.CommandInvocations[0]!["CommandPlugins"]).toHaveLength(1);
    expect(set.AutomationExecutions).toEqual([{ AutomationExecutionId: "4105a4fc-f944-11e6-9d32-0123456789ab", StepExecutions: [expect.objectContaining({ StepExecutionId: "s-1", StepStatus: "Success" }), expect.objectContaining({ StepExecutionId: "s-2" })] }]);
    expect(set.WorkflowExecutions).toHaveLength(1);
    expect(set.WorkflowExecutions[0]).toMatchObject({ message: "Workflow completed.", steps: [{ stepExecutionId: "step-00000000-0000-4000-8000-000000000001" }, { stepExecutionId: "step-00000000-0000-4000-8000-000000000002" }] });
    expect(JSON.stringify(set)).not.toMatch(/"NextToken"|"nextToken"|"requestId"/);
    expect(() => loadDataSet(set)).not.toThrow();
  });

  it("mergeRecord: a later value wins, an empty list does not replace a full one", () => {
    expect(mergeRecord({ a: 1, l: [1], m: [2] }, { a: 2, l: [], m: [3] })).toEqual({ a: 2, l: [1], m: [3] });
  });
});

describe("redactDataSet", () => {
  const secrets = [SECRET];

  it("leaves no account ID, instance ID, bucket, token or secret, and the result still loads", () => {
    const redacted = redactDataSet(recorded().toDataSet(), { secrets });
    const text = JSON.stringify(redacted);
    for (const value of [ACCOUNT, OTHER_ACCOUNT, INSTANCE, HYBRID, BUCKET, SECRET, TOKEN, "AKIAIOSFODNN7EXAMPLE", "nightly/run", "ip-10-0-0-7"]) expect(text).not.toContain(value);
    expect(() => loadDataSet(redacted)).not.toThrow();
  });

  it("gives one stand-in per value, so the links between records hold", () => {
    const set = redactDataSet(recorded().toDataSet(), { secrets });
    const cmd = set.Commands[0]!;
    const [ec2, hybrid] = cmd["InstanceIds"] as string[];
    expect(ec2).toMatch(/^i-[0-9a-f]{17}$/);
    expect(hybrid).toMatch(/^mi-[0-9a-f]{17}$/);
    expect(set.CommandInvocations.map((i) => i["InstanceId"])).toEqual([ec2, hybrid]);
    expect(set.CommandInvocations[0]!["CommandId"]).toBe(COMMAND_ID);
    const account = /arn:aws:iam::(\d{12}):/.exec(cmd["ServiceRole"] as string)![1]!;
    expect(cmd["Comment"]).toBe(`run by ${account} with ${"AKIAREDACTED00000001"}`);
    expect(cmd["NotificationConfig"]).toMatchObject({ NotificationArn: expect.not.stringContaining(account) });
    const bucket = cmd["OutputS3BucketName"] as string;
    const plug = (set.CommandInvocations[0]!["CommandPlugins"] as Record<string, string>[])[0]!;
    expect(plug["OutputS3BucketName"]).toBe(bucket);
    expect(plug["StandardOutputUrl"]).toBe(`https://s3.us-east-1.amazonaws.com/${bucket}/${cmd["OutputS3KeyPrefix"]}/${COMMAND_ID}/${ec2}/awsrunShellScript/0.awsrunShellScript/stdout`);
    expect(plug["StandardErrorUrl"]).toBe(`https://${bucket}.s3.us-east-1.amazonaws.com/${cmd["OutputS3KeyPrefix"]}/${COMMAND_ID}/${ec2}/stderr`);
    expect(plug["Output"]).toBe(REDACTED_OUTPUT);
    expect(cmd["Parameters"]).toEqual({ commands: [REDACTED_PARAMETER] });
    // JSON text keeps its shape.
    expect(JSON.parse((set.WorkflowExecutions[0]!["steps"] as Record<string, string>[])[0]!["inputs"]!)).toEqual({ bucket: REDACTED_PARAMETER, account: REDACTED_PARAMETER });
    const arn = set.WorkflowExecutions[0]!["imageBuildVersionArn"] as string;
    expect(arn).toBe(`arn:aws:imagebuilder:us-east-1:${account}:image/x/1.0.0/1`);
  });

  it("is the same for the same input (stand-ins numbered in order of first sight)", () => {
    expect(redactDataSet(recorded().toDataSet(), { secrets })).toEqual(redactDataSet(recorded().toDataSet(), { secrets }));
  });

  it("turns each redaction off on its own, and never lets a secret through", () => {
    const only = (off: string) => JSON.stringify(redactDataSet(recorded().toDataSet(), { redactions: parseRedactions([off]), secrets }));
    expect(only("account-ids")).toContain(ACCOUNT);
    expect(only("account-ids")).not.toContain(INSTANCE);
    expect(only("instance-ids")).toContain(INSTANCE);
    expect(only("instance-ids")).not.toContain(ACCOUNT);
    expect(only("s3")).toContain(BUCKET);
    expect(only("outputs")).toContain("token=");
    expect(only("parameters")).toContain("aws s3 cp");
    expect(only("tokens")).toContain("AKIAIOSFODNN7EXAMPLE");
    const none = only("all");
    expect(none).toContain(ACCOUNT);
    expect(none).toContain(TOKEN);
    expect(none).not.toContain(SECRET);
    expect(none).toContain(REDACTED_SECRET);
  });

  it("parseRedactions takes names, lists and all, and refuses an unknown one", () => {
    expect([...parseRedactions([])]).toEqual([...REDACTIONS]);
    expect([...parseRedactions(["s3,outputs", "tokens"])]).toEqual(["account-ids", "instance-ids", "parameters"]);
    expect(parseRedactions(["all"]).size).toBe(0);
    expect(() => parseRedactions(["emails"])).toThrow(/--no-redact takes account-ids, instance-ids, s3, outputs, parameters, tokens or all \(got 'emails'\)/);
  });
});
