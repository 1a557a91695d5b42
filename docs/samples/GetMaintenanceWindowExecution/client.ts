// GetMaintenanceWindowExecution with this package's typed client, pointed at the local contract mock
// (npm start). Drop `endpoint` to call AWS itself; the client signs with SigV4 (service name "ssm").
import { createSsmClient, isServiceError } from "aws-ops-contract";

const ssm = createSsmClient({
  region: "us-east-1",
  endpoint: "http://127.0.0.1:4010",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
});

try {
  const execution = await ssm.getMaintenanceWindowExecution({ WindowExecutionId: "9fac7dd9-ff21-42a5-96ad-bbc4b0e0e0e0" });
  // StartTime and EndTime are epoch seconds (numbers) on the AWS JSON 1.1 wire.
  const seconds = execution.StartTime !== undefined && execution.EndTime !== undefined ? execution.EndTime - execution.StartTime : undefined;
  console.log(execution.WindowExecutionId, execution.Status, `${execution.TaskIds?.length ?? 0} tasks`, seconds ?? "-", "s");
} catch (err) {
  if (isServiceError(err, "DoesNotExistException")) console.error(`not found: ${err.message}`);
  else throw err;
}
