import { createSsmClient, isServiceError } from "aws-ops-contract";

export async function failedCommands(endpoint: string): Promise<string[]> {
  const ssm = createSsmClient({
    region: "us-east-1",
    endpoint, // leave out to call https://ssm.us-east-1.amazonaws.com
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  });
  const ids: string[] = [];
  // Follows NextToken until a page comes back without one.
  for await (const page of ssm.paginateListCommands({ Filters: [{ key: "Status", value: "Failed" }] })) {
    for (const command of page.Commands ?? []) {
      // Timestamps are the wire's epoch seconds: new Date(seconds * 1000).
      const requested = new Date((command.RequestedDateTime ?? 0) * 1000).toISOString();
      ids.push(`${command.CommandId} requested ${requested}`);
    }
  }
  return ids;
}

export async function windowStatus(endpoint: string, windowExecutionId: string): Promise<string> {
  const ssm = createSsmClient({
    region: "us-east-1",
    endpoint,
    // Or a provider (see Credentials below): called once, again only before the credentials expire.
    credentials: async () => ({ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "token" }),
  });
  try {
    const execution = await ssm.getMaintenanceWindowExecution({ WindowExecutionId: windowExecutionId });
    return execution.Status ?? "UNKNOWN";
  } catch (error) {
    if (isServiceError(error, "DoesNotExistException")) {
      return `${error.name} (HTTP ${error.status}, request ${error.requestId})`;
    }
    throw error;
  }
}
