/**
 * One violating payload per kind of constraint: each is rejected, and the error names the member
 * (a JSON pointer) and the rule. A valid twin of each payload passes, so the rejection is the rule's.
 */
import { describe, expect, it } from "vitest";
import { issuesFromAjvErrors } from "../../src/validation/errors.js";
import { type ApiName, createAjv, schemaKey } from "./load.js";

const ajv = createAjv();
const check = (api: ApiName, schema: string, payload: unknown) => {
  const validate = ajv.getSchema(schemaKey(api, `#/components/schemas/${schema}`));
  if (!validate) throw new Error(`no schema ${schema}`);
  const ok = validate(payload) as boolean;
  return { ok, issues: issuesFromAjvErrors(validate.errors) };
};

const uuid = "9fac7dd9-ff21-42a5-96ad-bbc4b0e0e0e0";
const stepOutputs = (key: string) => ({ StepExecutions: [{ StepName: "s", Outputs: { [key]: ["v"] } }] });

interface Case {
  kind: string;
  api: ApiName;
  schema: string;
  valid: unknown;
  invalid: unknown;
  path: string;
  rule: string;
}

const cases: Case[] = [
  { kind: "pattern", api: "ssm", schema: "ListCommandsRequest", valid: { InstanceId: "i-02573cafcfEXAMPLE" }, invalid: { InstanceId: "i-123" }, path: "/InstanceId", rule: "pattern" },
  { kind: "pattern (nested, response)", api: "ssm", schema: "GetMaintenanceWindowExecutionResult", valid: { TaskIds: [uuid] }, invalid: { TaskIds: ["4b9f371e-a820-422d-b432-8dec9EXAMPLE"] }, path: "/TaskIds/0", rule: "pattern" },
  { kind: "pattern (Image Builder)", api: "imagebuilder", schema: "ListWorkflowStepExecutionsRequest", valid: { workflowExecutionId: `wf-${uuid}` }, invalid: { workflowExecutionId: uuid }, path: "/workflowExecutionId", rule: "pattern" },
  { kind: "minLength", api: "ssm", schema: "ListCommandsRequest", valid: { CommandId: "088e4813-f292-48b3-8180-d8be9EXAMPLE" }, invalid: { CommandId: "088e4813-f292-48b3-8180-d8be9EXAMPL" }, path: "/CommandId", rule: "minLength" },
  { kind: "maxLength", api: "ssm", schema: "ListCommandInvocationsRequest", valid: { Filters: [{ key: "DocumentName", value: "x".repeat(128) }] }, invalid: { Filters: [{ key: "DocumentName", value: "x".repeat(129) }] }, path: "/Filters/0/value", rule: "maxLength" },
  { kind: "maxLength (Image Builder)", api: "imagebuilder", schema: "ListWorkflowStepExecutionsRequest", valid: { workflowExecutionId: `wf-${uuid}`, nextToken: "t".repeat(65535) }, invalid: { workflowExecutionId: `wf-${uuid}`, nextToken: "t".repeat(65536) }, path: "/nextToken", rule: "maxLength" },
  { kind: "enum", api: "ssm", schema: "ListCommandsRequest", valid: { Filters: [{ key: "ExecutionStage", value: "Executing" }] }, invalid: { Filters: [{ key: "Executionstage", value: "Executing" }] }, path: "/Filters/0/key", rule: "enum" },
  { kind: "enum (response)", api: "ssm", schema: "GetMaintenanceWindowExecutionResult", valid: { Status: "SKIPPED_OVERLAPPING" }, invalid: { Status: "DONE" }, path: "/Status", rule: "enum" },
  { kind: "minimum", api: "ssm", schema: "DescribeAutomationStepExecutionsRequest", valid: { AutomationExecutionId: uuid, MaxResults: 1 }, invalid: { AutomationExecutionId: uuid, MaxResults: 0 }, path: "/MaxResults", rule: "minimum" },
  { kind: "maximum", api: "imagebuilder", schema: "ListWorkflowStepExecutionsRequest", valid: { workflowExecutionId: `wf-${uuid}`, maxResults: 25 }, invalid: { workflowExecutionId: `wf-${uuid}`, maxResults: 26 }, path: "/maxResults", rule: "maximum" },
  { kind: "int32 range", api: "ssm", schema: "ListCommandsResult", valid: { Commands: [{ TargetCount: 2147483647 }] }, invalid: { Commands: [{ TargetCount: 2147483648 }] }, path: "/Commands/0/TargetCount", rule: "format" },
  { kind: "minItems", api: "ssm", schema: "ListCommandsRequest", valid: { Filters: [{ key: "Status", value: "Failed" }] }, invalid: { Filters: [] }, path: "/Filters", rule: "minItems" },
  { kind: "maxItems (5 for ListCommands)", api: "ssm", schema: "ListCommandsRequest", valid: { Filters: Array(5).fill({ key: "Status", value: "Failed" }) }, invalid: { Filters: Array(6).fill({ key: "Status", value: "Failed" }) }, path: "/Filters", rule: "maxItems" },
  { kind: "maxItems (5 for ListCommandInvocations, the service model's CommandFilterList)", api: "ssm", schema: "ListCommandInvocationsRequest", valid: { Filters: Array(5).fill({ key: "Status", value: "Failed" }) }, invalid: { Filters: Array(6).fill({ key: "Status", value: "Failed" }) }, path: "/Filters", rule: "maxItems" },
  { kind: "maxItems (nested)", api: "ssm", schema: "DescribeAutomationStepExecutionsRequest", valid: { AutomationExecutionId: uuid, Filters: [{ Key: "StepName", Values: Array(10).fill("a") }] }, invalid: { AutomationExecutionId: uuid, Filters: [{ Key: "StepName", Values: Array(11).fill("a") }] }, path: "/Filters/0/Values", rule: "maxItems" },
  { kind: "required", api: "ssm", schema: "GetMaintenanceWindowExecutionRequest", valid: { WindowExecutionId: uuid }, invalid: {}, path: "/WindowExecutionId", rule: "required" },
  { kind: "required (nested)", api: "ssm", schema: "ListCommandsRequest", valid: { Filters: [{ key: "Status", value: "Failed" }] }, invalid: { Filters: [{ key: "Status" }] }, path: "/Filters/0/value", rule: "required" },
  { kind: "required (Image Builder)", api: "imagebuilder", schema: "ListWorkflowStepExecutionsRequest", valid: { workflowExecutionId: `wf-${uuid}` }, invalid: { maxResults: 5 }, path: "/workflowExecutionId", rule: "required" },
  { kind: "unknown member", api: "ssm", schema: "ListCommandsRequest", valid: { MaxResults: 5 }, invalid: { MaxResults: 5, maxResults: 5 }, path: "/maxResults", rule: "additionalProperties" },
  { kind: "unknown member (nested, response)", api: "imagebuilder", schema: "ListWorkflowStepExecutionsResponse", valid: { steps: [{ name: "Build" }] }, invalid: { steps: [{ name: "Build", stepName: "Build" }] }, path: "/steps/0/stepName", rule: "additionalProperties" },
  { kind: "type (timestamp is epoch seconds)", api: "ssm", schema: "ListCommandsResult", valid: { Commands: [{ RequestedDateTime: 1582244543.188 }] }, invalid: { Commands: [{ RequestedDateTime: "2020-02-21T00:22:23.188Z" }] }, path: "/Commands/0/RequestedDateTime", rule: "type" },
  { kind: "map key bounds (propertyNames)", api: "ssm", schema: "DescribeAutomationStepExecutionsResult", valid: stepOutputs("k".repeat(50)), invalid: stepOutputs("k".repeat(51)), path: `/StepExecutions/0/Outputs/${"k".repeat(51)}`, rule: "propertyNames" },
  { kind: "map size (maxProperties)", api: "ssm", schema: "StepExecution", valid: { OverriddenParameters: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`p${i}`, []])) }, invalid: { OverriddenParameters: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`p${i}`, []])) }, path: "/OverriddenParameters", rule: "maxProperties" },
  { kind: "error body requires __type", api: "ssm", schema: "ErrorResponse", valid: { __type: "InvalidNextToken", Message: "bad" }, invalid: { Message: "bad" }, path: "/__type", rule: "required" },
];

describe("each kind of constraint rejects a violating payload and names the member", () => {
  it.each(cases.map((c) => [c.kind, c] as const))("%s", (_kind, c) => {
    expect(check(c.api, c.schema, c.valid)).toEqual({ ok: true, issues: [] });
    const { ok, issues } = check(c.api, c.schema, c.invalid);
    expect(ok).toBe(false);
    expect(issues).toContainEqual(expect.objectContaining({ path: c.path, rule: c.rule }));
    const issue = issues.find((i) => i.path === c.path && i.rule === c.rule)!;
    expect(issue.message).toContain(`'${c.path}'`);
  });

  it("reports every violation of a payload, not just the first", () => {
    const { issues } = check("ssm", "ListCommandsRequest", { CommandId: "short", MaxResults: 99, Filters: [{ key: "Nope", value: "" }], Extra: true });
    expect(issues.map((i) => `${i.path} ${i.rule}`).sort()).toEqual([
      "/CommandId minLength",
      "/Extra additionalProperties",
      "/Filters/0/key enum",
      "/Filters/0/value minLength",
      "/MaxResults maximum",
    ]);
  });
});
