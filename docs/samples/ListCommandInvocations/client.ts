// ListCommandInvocations with this package's typed client, pointed at the local contract mock (npm start).
// Drop `endpoint` to call AWS itself; the client signs with SigV4 (service name "ssm").
import { createSsmClient, isServiceError } from "aws-ops-contract";

const ssm = createSsmClient({
  region: "us-east-1",
  endpoint: "http://127.0.0.1:4010",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
});

try {
  const { CommandInvocations = [], NextToken } = await ssm.listCommandInvocations({
    CommandId: "0831e1a8-a1ac-4257-a1fd-c831bEXAMPLE",
    Details: true,
    MaxResults: 2,
  });
  for (const invocation of CommandInvocations) {
    console.log(invocation.InstanceId, invocation.Status, invocation.CommandPlugins?.length ?? 0, "plugins");
  }
  // A NextToken means more pages: pass it back unchanged, or use paginateListCommandInvocations.
  if (NextToken !== undefined) console.log("more results after", NextToken);
} catch (err) {
  if (isServiceError(err, "InvalidCommandId")) console.error(`no such command (${err.requestId}): ${err.message}`);
  else throw err;
}
