import { createImageBuilderClient, createSsmClient, isServiceError } from "aws-ops-contract";

// Credentials: a static object or an async provider (called when a request is signed).
const ssm = createSsmClient({
  region: "eu-west-2",
  credentials: async () => {
    const { AWS_ACCESS_KEY_ID = "", AWS_SECRET_ACCESS_KEY = "", AWS_SESSION_TOKEN } = process.env;
    const keys = { accessKeyId: AWS_ACCESS_KEY_ID, secretAccessKey: AWS_SECRET_ACCESS_KEY };
    return AWS_SESSION_TOKEN ? { ...keys, sessionToken: AWS_SESSION_TOKEN } : keys;
  },
});
const imagebuilder = createImageBuilderClient({
  region: "eu-west-2",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
});

try {
  const { Commands = [] } = await ssm.listCommands({ MaxResults: 5 });
  console.log(Commands.map((command) => command.CommandId));
  const { steps = [] } = await imagebuilder.listWorkflowStepExecutions({ workflowExecutionId: "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b" });
  console.log(steps.map((step) => step.name));
} catch (err) {
  // AWS errors are ServiceError values: .name is the AWS error name, typed per operation.
  if (isServiceError(err, "InvalidNextToken")) console.error(err.name, err.status, err.requestId, err.message);
  else throw err;
}
