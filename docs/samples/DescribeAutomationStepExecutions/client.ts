// DescribeAutomationStepExecutions with this package's typed client, pointed at the local contract mock
// (npm start). Drop `endpoint` to call AWS itself; the client signs with SigV4 (service name "ssm").
import { createSsmClient, isServiceError } from "aws-ops-contract";

const ssm = createSsmClient({
  region: "us-east-1",
  endpoint: "http://127.0.0.1:4010",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
});

try {
  const pages = ssm.paginateDescribeAutomationStepExecutions({
    AutomationExecutionId: "4105a4fc-f944-11e6-9d32-0123456789ab",
    Filters: [{ Key: "StepExecutionStatus", Values: ["Failed"] }],
    MaxResults: 10,
  });
  for await (const page of pages) {
    for (const step of page.StepExecutions ?? []) console.log(step.StepName, step.StepStatus, step.FailureMessage ?? "");
  }
} catch (err) {
  if (isServiceError(err, "AutomationExecutionNotFoundException")) console.error(`no such execution: ${err.message}`);
  else throw err;
}
