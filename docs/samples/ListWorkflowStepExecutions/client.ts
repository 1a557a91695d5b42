// ListWorkflowStepExecutions with this package's typed client, pointed at the local contract mock
// (npm start). Drop `endpoint` to call AWS itself; the client signs with SigV4 (service name "imagebuilder").
import { createImageBuilderClient, isServiceError } from "aws-ops-contract";

const imagebuilder = createImageBuilderClient({
  region: "us-east-1",
  endpoint: "http://127.0.0.1:4010",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
});

try {
  // The paginator passes nextToken back until a page comes without one.
  for await (const page of imagebuilder.paginateListWorkflowStepExecutions({
    workflowExecutionId: "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b",
    maxResults: 10,
  })) {
    // startTime and endTime are strings on this REST JSON wire.
    for (const step of page.steps ?? []) console.log(step.name, step.status, step.startTime, step.endTime);
  }
} catch (err) {
  if (isServiceError(err, "CallRateLimitExceededException")) console.error(`throttled (${err.status}), retry later`);
  else throw err;
}
