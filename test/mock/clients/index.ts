/** The clients the contract tests run against the mock. Add another client here to test it too. */
import { awsSdkClient } from "./aws-sdk.js";
import type { ContractClient } from "./contract-client.js";
import { packageClient } from "./package-client.js";

export const CLIENTS: ReadonlyArray<(endpoint: string) => ContractClient> = [awsSdkClient, packageClient];
