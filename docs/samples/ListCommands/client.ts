// ListCommands with this package's typed client, pointed at the local contract mock (npm start).
// Drop `endpoint` to call AWS itself; the client signs with SigV4 (service name "ssm").
import { createSsmClient, isServiceError } from "aws-ops-contract";

const ssm = createSsmClient({
  region: "us-east-1",
  endpoint: "http://127.0.0.1:4010",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
});

try {
  // The paginator passes NextToken back until a page comes without one.
  for await (const page of ssm.paginateListCommands({ Filters: [{ key: "Status", value: "InProgress" }], MaxResults: 10 })) {
    for (const command of page.Commands ?? []) {
      // RequestedDateTime is epoch seconds on the wire (a number), not an ISO string.
      const requested = command.RequestedDateTime === undefined ? "-" : new Date(command.RequestedDateTime * 1000).toISOString();
      console.log(command.CommandId, command.Status, requested);
    }
  }
} catch (err) {
  if (isServiceError(err, "InvalidFilterKey")) console.error(`bad filter (${err.status}): ${err.message}`);
  else throw err;
}
