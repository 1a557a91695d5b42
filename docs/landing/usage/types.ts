import type { createSsmClient } from "aws-ops-contract";

// The generated types ship in "aws-ops-contract/types"; a method's input and output can also be
// read off the client, so code can name them without knowing the generated type names.
type SsmClient = ReturnType<typeof createSsmClient>;
export type ListCommandsInput = Parameters<SsmClient["listCommands"]>[0];
export type ListCommandsOutput = Awaited<ReturnType<SsmClient["listCommands"]>>;

export const firstPage: ListCommandsInput = { Filters: [{ key: "Status", value: "Failed" }], MaxResults: 50 };
