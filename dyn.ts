import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { startMock } from "./src/mock/index.js";
import { loadSpecs } from "./src/mock/spec.js";
import { issuesFromAjvErrors } from "./src/validation/errors.js";
const docs = loadSpecs();
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
addFormats.default(ajv);
ajv.addSchema(docs[0] as object, "ssm"); ajv.addSchema(docs[1] as object, "ib");
const mock = await startMock({ port: 0 });
const cases = [
  ["ListCommands", "ssm#/components/schemas/ListCommandsResult", {}],
  ["ListCommandInvocations", "ssm#/components/schemas/ListCommandInvocationsResult", {}],
  ["GetMaintenanceWindowExecution", "ssm#/components/schemas/GetMaintenanceWindowExecutionResult", { WindowExecutionId: "9fac7dd9-ff21-42a5-96ad-bbc4b0e0e0e0" }],
  ["DescribeAutomationStepExecutions", "ssm#/components/schemas/DescribeAutomationStepExecutionsResult", { AutomationExecutionId: "4105a4fc-f944-11e6-9d32-0123456789ab" }],
] as const;
const bad: Record<string, Set<string>> = {};
for (let i = 0; i < 30; i++) {
  for (const [op, ref, body] of cases) {
    const r = await fetch(mock.url, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AmazonSSM.${op}`, prefer: "dynamic=true" } });
    const v = ajv.getSchema(ref)!; const j = await r.json();
    if (!v(j)) for (const is of issuesFromAjvErrors(v.errors)) (bad[op] ??= new Set()).add(is.path.replace(/\/\d+/g, "/N") + " " + is.rule);
  }
  const r = await fetch(mock.url + "/ListWorkflowStepExecutions", { method: "POST", body: JSON.stringify({ workflowExecutionId: "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b" }), headers: { "content-type": "application/json", prefer: "dynamic=true" } });
  const v = ajv.getSchema("ib#/components/schemas/ListWorkflowStepExecutionsResponse")!; const j = await r.json();
  if (!v(j)) for (const is of issuesFromAjvErrors(v.errors)) (bad["IB"] ??= new Set()).add(is.path.replace(/\/\d+/g, "/N") + " " + is.rule);
}
console.log(Object.fromEntries(Object.entries(bad).map(([k, v]) => [k, [...v]])));
await mock.close();
