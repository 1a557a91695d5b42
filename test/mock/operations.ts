/**
 * The five operations as contract cases: a valid input, an input that breaks the spec (and the members
 * the ValidationException must name), and where a timestamp sits in the output. Expected outputs and
 * documented errors are read from the bundled spec, which is the contract.
 */
import { readOperations, type SpecOperation, type SpecResponse } from "../../src/model/index.js";
import { loadSpec, type ApiName } from "../openapi/load.js";

export type OperationName =
  | "ListCommands"
  | "ListCommandInvocations"
  | "GetMaintenanceWindowExecution"
  | "DescribeAutomationStepExecutions"
  | "ListWorkflowStepExecutions";

export interface OperationCase {
  api: ApiName;
  name: OperationName;
  input: Record<string, unknown>;
  invalid: { input: Record<string, unknown>; paths: string[] };
  /** The pagination token member, in input and output, for paginated operations. */
  token?: string;
  /** Where a timestamp sits in the first 200 example (SSM timestamps travel as epoch seconds). */
  timestamp?: Array<string | number>;
}

export const OPERATIONS: readonly OperationCase[] = [
  {
    api: "ssm",
    name: "ListCommands",
    input: { MaxResults: 10 },
    invalid: { input: { MaxResults: 100, Filters: [{ key: "Colour", value: "blue" }] }, paths: ["/MaxResults", "/Filters/0/key"] },
    token: "NextToken",
    timestamp: ["Commands", 0, "RequestedDateTime"],
  },
  {
    api: "ssm",
    name: "ListCommandInvocations",
    input: { CommandId: "0831e1a8-a1ac-4257-a1fd-c831bEXAMPLE", Details: true },
    invalid: { input: { CommandId: "too-short", MaxResults: 0 }, paths: ["/CommandId", "/MaxResults"] },
    token: "NextToken",
    timestamp: ["CommandInvocations", 0, "RequestedDateTime"],
  },
  {
    api: "ssm",
    name: "GetMaintenanceWindowExecution",
    input: { WindowExecutionId: "9fac7dd9-ff21-42a5-96ad-bbc4b0e0e0e0" },
    invalid: { input: { WindowExecutionId: "9fac7dd9-ff21-42a5-96ad-bbc4bEXAMPLE" }, paths: ["/WindowExecutionId"] },
    timestamp: ["StartTime"],
  },
  {
    api: "ssm",
    name: "DescribeAutomationStepExecutions",
    input: { AutomationExecutionId: "4105a4fc-f944-11e6-9d32-0123456789ab", ReverseOrder: false },
    invalid: {
      input: { AutomationExecutionId: "4105a4fc", Filters: [{ Key: "StepExecutionStatus", Values: [] }] },
      paths: ["/AutomationExecutionId", "/Filters/0/Values"],
    },
    token: "NextToken",
    timestamp: ["StepExecutions", 0, "ExecutionStartTime"],
  },
  {
    api: "imagebuilder",
    name: "ListWorkflowStepExecutions",
    input: { workflowExecutionId: "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b", maxResults: 10 },
    invalid: { input: { workflowExecutionId: "4e57b8a0", maxResults: 26 }, paths: ["/workflowExecutionId", "/maxResults"] },
    token: "nextToken",
  },
];

/** The operation as the operation model reads it. */
function operation(api: ApiName, name: OperationName): SpecOperation {
  const op = readOperations(loadSpec(api)).find((o) => o.operationId === name);
  if (!op) throw new Error(`${name} is not in the ${api} spec`);
  return op;
}

function response(api: ApiName, name: OperationName, status: number): SpecResponse {
  const found = operation(api, name).responses.find((r) => r.status === status);
  if (!found) throw new Error(`${name} documents no ${status} response`);
  return found;
}

/** The value of a named example of a response (the first one if no name is given). */
export function example(api: ApiName, name: OperationName, status: number, exampleName?: string): Record<string, unknown> {
  const examples = response(api, name, status).examples ?? new Map<string, unknown>();
  const key = exampleName ?? [...examples.keys()][0]!;
  if (!examples.has(key)) throw new Error(`${name} has no ${status} example ${key}`);
  return examples.get(key) as Record<string, unknown>;
}

/** The name of the first example of a response: what `Prefer: example=<name>` asks for. */
export function firstExampleName(api: ApiName, name: OperationName, status: number): string {
  return [...(response(api, name, status).examples?.keys() ?? [])][0]!;
}

/** Every documented error of an operation: status and AWS error name (the example's key). */
export function documentedErrors(api: ApiName, name: OperationName): Array<{ status: number; error: string }> {
  return operation(api, name).errors.map(({ status, name: error }) => ({ status, error }));
}

/** The component schema a response is checked against, for ajv (`urn:...#/components/schemas/X`). */
export function responseSchemaRef(api: ApiName, name: OperationName, status: number): string {
  return response(api, name, status).schemaRef!;
}

export function at(value: unknown, path: ReadonlyArray<string | number>): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value);
}

/** A copy of `value` without the members at `patterns` (JSON pointers, `*` matching any key or index). */
export function withoutMembers(value: unknown, patterns: readonly string[]): unknown {
  const split = patterns.map((pattern) => pattern.split("/").filter(Boolean));
  const walk = (node: unknown, path: string[]): unknown => {
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, String(i)]));
    if (!node || typeof node !== "object") return node;
    const kept: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      const childPath = [...path, key];
      const dropped = split.some((p) => p.length === childPath.length && p.every((t, i) => t === "*" || t === childPath[i]));
      if (!dropped) kept[key] = walk(child, childPath);
    }
    return kept;
  };
  return walk(value, []);
}
