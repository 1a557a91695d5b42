import { createSsmFetchClient } from "aws-ops-contract/fetch";

export async function commandIds(endpoint: string): Promise<string[]> {
  const ssm = createSsmFetchClient({
    region: "us-east-1",
    endpoint,
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  });
  // The spec's path key names the operation; the client sends POST / with X-Amz-Target, signed.
  const { data, error, response } = await ssm.POST("/#X-Amz-Target=AmazonSSM.ListCommands", {
    params: { header: { "X-Amz-Target": "AmazonSSM.ListCommands" } },
    body: { MaxResults: 10 },
  });
  if (error) throw new Error(`${error.__type} (HTTP ${response.status}): ${error.Message ?? ""}`);
  return (data.Commands ?? []).map((command) => command.CommandId ?? "?");
}
