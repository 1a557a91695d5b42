import { createSsmClient } from "aws-ops-contract";
import { startMock } from "aws-ops-contract-mock";

// The contract mock speaks the real wire, so the official AWS SDKs and the AWS CLI work against it
// with only an endpoint override. Port 0 picks a free port (the default is 4010).
const mock = await startMock({ port: 0 });
try {
  const ssm = createSsmClient({
    region: "us-east-1",
    endpoint: mock.url,
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  });
  console.log(await ssm.getMaintenanceWindowExecution({ WindowExecutionId: "9fac7dd9-ff21-42a5-96ad-bbc4b0e0e0e0" }));
} finally {
  await mock.close();
}
