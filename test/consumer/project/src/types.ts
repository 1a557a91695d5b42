import type { OperationInput, OperationOutput, SsmSchemas } from "aws-ops-contract/types";

type Command = SsmSchemas["Command"];

export const request: OperationInput<"ListCommandInvocations"> = {
  CommandId: "0831e1a8-a1ac-4257-a1fd-c831bEXAMPLE",
  Details: true,
  // @ts-expect-error MaxResults is a number
  MaxResults: "10",
};

export function summary(output: OperationOutput<"ListCommands">): string[] {
  return (output.Commands ?? []).map((command: Command) => `${command.CommandId}: ${command.Status}`);
}
