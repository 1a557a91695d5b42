/**
 * How each collection of a data set is checked against the spec: each record is wrapped into the
 * body of the operation that serves it (a Command as a ListCommands answer `{ Commands: [record] }`)
 * and validated with the package's public validators, so the data set obeys exactly the schemas the
 * answers obey.
 */
import type { OperationName } from "aws-ops-contract/validate";
import { text, type CollectionName, type Rec } from "./types.js";

export interface Check {
  operation: OperationName;
  kind: "request" | "response";
  body: unknown;
  /** The JSON pointer of the record inside `body` ("" when the body is the record's own part). */
  prefix: string;
}

export interface Collection {
  name: CollectionName;
  /** The operation whose answer holds these records (for its timestamps, read from the spec). */
  operation: OperationName;
  /** Wraps a record into the answer body its timestamps are found in. */
  wrap(record: Rec): Rec;
  /** The JSON pointer of the record inside what `wrap` makes ("" when it is the record itself). */
  wrapPointer: string;
  /**
   * The parts of a record an answer sends whole, by pointer inside the record: the record itself,
   * or, for a whole operation output, each of its steps and the members beside them.
   */
  parts(record: Rec): Array<[pointer: string, value: unknown]>;
  /** The validations a record must pass. */
  checks(record: Rec): Check[];
  /** The record's identity, as the operations look it up; undefined when a member it needs is missing. */
  id(record: Rec): string | undefined;
  /** How the identity is named in messages. */
  idLabel: string;
  /** Members a record must have beyond what the answer schema requires (to be found by ID). */
  required: readonly string[];
  /**
   * The whole collection as one answer body, for large collections: one validation of all records
   * is much cheaper than one per record; only when it fails are the records checked one by one
   * (for messages that name each record).
   */
  batch?: (records: Rec[]) => Check;
}

export const COLLECTIONS: readonly Collection[] = [
  {
    name: "Commands",
    operation: "ListCommands",
    wrap: (record) => ({ Commands: [record] }),
    wrapPointer: "/Commands/0",
    parts: (record) => [["", record]],
    checks: (record) => [{ operation: "ListCommands", kind: "response", body: { Commands: [record] }, prefix: "/Commands/0" }],
    id: (record) => text(record["CommandId"]),
    idLabel: "CommandId",
    required: ["CommandId"],
    batch: (records) => ({ operation: "ListCommands", kind: "response", body: { Commands: records }, prefix: "/Commands" }),
  },
  {
    name: "CommandInvocations",
    operation: "ListCommandInvocations",
    wrap: (record) => ({ CommandInvocations: [record] }),
    wrapPointer: "/CommandInvocations/0",
    parts: (record) => [["", record]],
    checks: (record) => [{ operation: "ListCommandInvocations", kind: "response", body: { CommandInvocations: [record] }, prefix: "/CommandInvocations/0" }],
    id: (record) => {
      const [command, instance] = [text(record["CommandId"]), text(record["InstanceId"])];
      return command && instance ? `${command} ${instance}` : undefined;
    },
    idLabel: "CommandId InstanceId",
    required: ["CommandId", "InstanceId"],
    batch: (records) => ({ operation: "ListCommandInvocations", kind: "response", body: { CommandInvocations: records }, prefix: "/CommandInvocations" }),
  },
  {
    name: "MaintenanceWindowExecutions",
    operation: "GetMaintenanceWindowExecution",
    wrap: (record) => record,
    wrapPointer: "",
    parts: (record) => [["", record]],
    checks: (record) => [{ operation: "GetMaintenanceWindowExecution", kind: "response", body: record, prefix: "" }],
    id: (record) => text(record["WindowExecutionId"]),
    idLabel: "WindowExecutionId",
    required: ["WindowExecutionId"],
  },
  {
    name: "AutomationExecutions",
    operation: "DescribeAutomationStepExecutions",
    wrap: (record) => record,
    wrapPointer: "",
    parts: (record) => stepsAndRest(record, "StepExecutions"),
    checks: (record) => {
      const { AutomationExecutionId, StepExecutions, ...rest } = record;
      return [
        // The ID as the operation's request takes it (36 characters), the steps as its answer holds them.
        { operation: "DescribeAutomationStepExecutions", kind: "request", body: { AutomationExecutionId }, prefix: "" },
        { operation: "DescribeAutomationStepExecutions", kind: "response", body: { StepExecutions: StepExecutions ?? [], ...rest }, prefix: "" },
      ];
    },
    id: (record) => text(record["AutomationExecutionId"]),
    idLabel: "AutomationExecutionId",
    required: ["AutomationExecutionId"],
  },
  {
    name: "WorkflowExecutions",
    operation: "ListWorkflowStepExecutions",
    wrap: (record) => record,
    wrapPointer: "",
    parts: (record) => stepsAndRest(record, "steps"),
    checks: (record) => [{ operation: "ListWorkflowStepExecutions", kind: "response", body: record, prefix: "" }],
    id: (record) => text(record["workflowExecutionId"]),
    idLabel: "workflowExecutionId",
    required: ["workflowExecutionId"],
  },
];

/** Each step of a whole operation output, and its other members together. */
function stepsAndRest(record: Rec, member: string): Array<[string, unknown]> {
  const { [member]: steps, ...rest } = record;
  return [["", rest], ...(Array.isArray(steps) ? steps.map((step, index): [string, unknown] => [`/${member}/${index}`, step]) : [])];
}
