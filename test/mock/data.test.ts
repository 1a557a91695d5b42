/**
 * The mock answering from a data set, seen through the official AWS SDK v3 clients: paging, each
 * filter, Details, ReverseOrder, lookups, unknown IDs and tokens the mock did not issue.
 */
import {
  AutomationExecutionNotFoundException,
  DescribeAutomationStepExecutionsCommand,
  DoesNotExistException,
  GetMaintenanceWindowExecutionCommand,
  InvalidCommandId,
  InvalidFilterKey,
  InvalidFilterValue,
  InvalidInstanceId,
  InvalidNextToken,
  ListCommandInvocationsCommand,
  ListCommandsCommand,
  paginateDescribeAutomationStepExecutions,
  paginateListCommandInvocations,
  paginateListCommands,
  SSMClient,
  type Command,
  type CommandFilter,
} from "@aws-sdk/client-ssm";
import { ClientException, ImagebuilderClient, InvalidPaginationTokenException, ListWorkflowStepExecutionsCommand, paginateListWorkflowStepExecutions } from "@aws-sdk/client-imagebuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../mock/src/index.js";
import { sdkClientConfig } from "./clients/aws-sdk.js";
import { AUTOMATION_ID, BASE, command, commandId, dataSet, instanceId, WINDOW_EXECUTION_ID, WORKFLOW_ID } from "./data-fixtures.js";

const N = 120;
let mock: RunningMock;
let ssm: SSMClient;
let imagebuilder: ImagebuilderClient;

beforeAll(async () => {
  mock = await startMock({ port: 0, data: dataSet(N) });
  ssm = new SSMClient(sdkClientConfig(mock.url));
  imagebuilder = new ImagebuilderClient(sdkClientConfig(mock.url));
});
afterAll(() => mock?.close());

async function allCommands(filters?: CommandFilter[], pageSize = 7, extra: { InstanceId?: string } = {}): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let pages = 0;
  for await (const page of paginateListCommands({ client: ssm, pageSize }, { ...extra, ...(filters ? { Filters: filters } : {}) })) {
    pages++;
    expect(page.Commands!.length).toBeLessThanOrEqual(pageSize);
    ids.push(...page.Commands!.map((c) => c.CommandId!));
  }
  return { ids, pages };
}

/** The fixture's command numbers matching `keep`, newest (highest) first: the order ListCommands lists. */
const expectedIds = (keep: (c: Record<string, unknown>) => boolean): string[] =>
  Array.from({ length: N }, (_, i) => N - 1 - i)
    .filter((n) => keep(command(n)))
    .map(commandId);

describe("ListCommands", () => {
  it("a paginator over 120 commands, 7 at a time, sees every command once, newest first", async () => {
    const { ids, pages } = await allCommands();
    expect(pages).toBe(Math.ceil(N / 7));
    expect(new Set(ids).size).toBe(N);
    expect(ids).toEqual(expectedIds(() => true));
  });

  it("pages of 50 by default (no MaxResults), with a NextToken until the last", async () => {
    const first = await ssm.send(new ListCommandsCommand({}));
    expect(first.Commands).toHaveLength(50);
    expect(first.NextToken).toEqual(expect.any(String));
    const second = await ssm.send(new ListCommandsCommand({ NextToken: first.NextToken }));
    expect(second.Commands!.map((c) => c.CommandId)).toEqual(expectedIds(() => true).slice(50, 100));
  });

  it("timestamps arrive as Dates (the wire's epoch seconds)", async () => {
    const { Commands } = await ssm.send(new ListCommandsCommand({ CommandId: commandId(3) }));
    expect(Commands).toHaveLength(1);
    expect((Commands![0] as Command).RequestedDateTime).toEqual(new Date((BASE + 3 * 60) * 1000));
  });

  it("CommandId lists that command; an unknown one is InvalidCommandId", async () => {
    const { Commands } = await ssm.send(new ListCommandsCommand({ CommandId: commandId(42) }));
    expect(Commands!.map((c) => c.Comment)).toEqual(["command 42"]);
    await expect(ssm.send(new ListCommandsCommand({ CommandId: commandId(9999) }))).rejects.toBeInstanceOf(InvalidCommandId);
  });

  it("InstanceId lists the commands that targeted it; an unknown node is InvalidInstanceId", async () => {
    const { ids } = await allCommands(undefined, 50, { InstanceId: instanceId(1) });
    expect(ids).toEqual(expectedIds((c) => (c["InstanceIds"] as string[]).includes(instanceId(1))));
    expect(ids.length).toBe(30);
    await expect(ssm.send(new ListCommandsCommand({ InstanceId: "i-0123456789abcdef0" }))).rejects.toBeInstanceOf(InvalidInstanceId);
  });

  it("InstanceId with the Status filter Pending is refused, as documented", async () => {
    await expect(ssm.send(new ListCommandsCommand({ InstanceId: instanceId(1), Filters: [{ key: "Status", value: "Pending" }] }))).rejects.toBeInstanceOf(InvalidFilterKey);
  });

  it.each(["Success", "Failed", "InProgress", "Pending", "TimedOut"])("the Status filter %s, paged", async (status) => {
    const { ids } = await allCommands([{ key: "Status", value: status }]);
    expect(ids).toEqual(expectedIds((c) => c["Status"] === status));
    expect(ids.length).toBe(N / 5);
  });

  it("the Status filter's finer values (DeliveryTimedOut) match StatusDetails", async () => {
    const { ids } = await allCommands([{ key: "Status", value: "DeliveryTimedOut" }]);
    expect(ids).toEqual(expectedIds((c) => c["StatusDetails"] === "DeliveryTimedOut"));
    expect(ids.length).toBeGreaterThan(0);
  });

  it("InvokedAfter (inclusive) and InvokedBefore (exclusive) take ISO 8601 timestamps", async () => {
    const after = new Date((BASE + 100 * 60) * 1000).toISOString();
    const before = new Date((BASE + 10 * 60) * 1000).toISOString();
    expect((await allCommands([{ key: "InvokedAfter", value: after }])).ids).toEqual(expectedIds((c) => (c["RequestedDateTime"] as number) >= BASE + 100 * 60));
    expect((await allCommands([{ key: "InvokedBefore", value: before }])).ids).toEqual(expectedIds((c) => (c["RequestedDateTime"] as number) < BASE + 10 * 60));
    expect((await allCommands([{ key: "InvokedAfter", value: before }, { key: "InvokedBefore", value: after }])).ids).toHaveLength(90);
  });

  it("ExecutionStage Executing (Pending, InProgress) and Complete", async () => {
    const executing = (await allCommands([{ key: "ExecutionStage", value: "Executing" }])).ids;
    expect(executing).toEqual(expectedIds((c) => c["Status"] === "Pending" || c["Status"] === "InProgress"));
    const complete = (await allCommands([{ key: "ExecutionStage", value: "Complete" }])).ids;
    expect(complete.length + executing.length).toBe(N);
  });

  it("DocumentName, combined with Status (filters are ANDed)", async () => {
    const filters: CommandFilter[] = [{ key: "DocumentName", value: "AWS-RunPatchBaseline" }, { key: "Status", value: "Failed" }];
    expect((await allCommands(filters)).ids).toEqual(expectedIds((c) => c["DocumentName"] === "AWS-RunPatchBaseline" && c["Status"] === "Failed"));
  });

  it.each([
    ["Status", "Bogus", /Status filter value 'Bogus'/],
    ["InvokedAfter", "yesterday", /InvokedAfter filter value 'yesterday' isn't a timestamp/],
    ["ExecutionStage", "Running", /ExecutionStage filter value 'Running'/],
  ])("a %s value the service refuses (%s) is InvalidFilterKey", async (key, value, message) => {
    const error = await ssm.send(new ListCommandsCommand({ Filters: [{ key: key as "Status", value }] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidFilterKey);
    expect((error as Error).message).toMatch(message);
  });

  it("a token the mock did not issue, or issued for another query, is InvalidNextToken", async () => {
    await expect(ssm.send(new ListCommandsCommand({ NextToken: "AAEAAYmlmwVEhNpu1vvnwzqDqkOrXXgNvHZT1VYYOnOqxIZtAAAAAAAAAAA3f8Qky4FbyZEXAMPLE" }))).rejects.toBeInstanceOf(InvalidNextToken);
    const page = await ssm.send(new ListCommandsCommand({ MaxResults: 5, Filters: [{ key: "Status", value: "Success" }] }));
    expect(page.NextToken).toEqual(expect.any(String));
    // The same token with another filter, and a token altered by one character.
    await expect(ssm.send(new ListCommandsCommand({ MaxResults: 5, NextToken: page.NextToken, Filters: [{ key: "Status", value: "Failed" }] }))).rejects.toBeInstanceOf(InvalidNextToken);
    const altered = page.NextToken!.slice(0, -1) + (page.NextToken!.endsWith("A") ? "B" : "A");
    await expect(ssm.send(new ListCommandsCommand({ MaxResults: 5, NextToken: altered, Filters: [{ key: "Status", value: "Success" }] }))).rejects.toBeInstanceOf(InvalidNextToken);
    // The token of another operation.
    const invocations = await ssm.send(new ListCommandInvocationsCommand({ MaxResults: 5 }));
    await expect(ssm.send(new ListCommandsCommand({ MaxResults: 5, NextToken: invocations.NextToken }))).rejects.toBeInstanceOf(InvalidNextToken);
  });

  it("a token from another mock (another key) is InvalidNextToken there", async () => {
    const other = await startMock({ port: 0, data: dataSet(N) });
    try {
      const page = await ssm.send(new ListCommandsCommand({ MaxResults: 5 }));
      const otherClient = new SSMClient(sdkClientConfig(other.url));
      await expect(otherClient.send(new ListCommandsCommand({ MaxResults: 5, NextToken: page.NextToken }))).rejects.toBeInstanceOf(InvalidNextToken);
    } finally {
      await other.close();
    }
  });
});

describe("ListCommandInvocations", () => {
  it("CommandId lists that command's invocations; CommandPlugins only with Details", async () => {
    const brief = await ssm.send(new ListCommandInvocationsCommand({ CommandId: commandId(7) }));
    expect(brief.CommandInvocations!.map((i) => [i.CommandId, i.InstanceId])).toEqual([[commandId(7), instanceId(3)]]);
    expect(brief.CommandInvocations![0]!.CommandPlugins ?? []).toEqual([]);
    const detailed = await ssm.send(new ListCommandInvocationsCommand({ CommandId: commandId(7), Details: true }));
    expect(detailed.CommandInvocations![0]!.CommandPlugins).toEqual([{ Name: "aws:runShellScript", Status: "Success", Output: "7" }]);
  });

  it("InstanceId and Filters, paged 7 at a time, each invocation once", async () => {
    const seen: string[] = [];
    for await (const page of paginateListCommandInvocations({ client: ssm, pageSize: 7 }, { InstanceId: instanceId(2), Filters: [{ key: "Status", value: "Success" }] })) {
      seen.push(...page.CommandInvocations!.map((i) => i.CommandId!));
    }
    expect(seen).toEqual(expectedIds((c) => (c["InstanceIds"] as string[])[0] === instanceId(2) && c["Status"] === "Success"));
  });

  it("ExecutionStage is a ListCommands filter only: InvalidFilterKey", async () => {
    await expect(ssm.send(new ListCommandInvocationsCommand({ Filters: [{ key: "ExecutionStage", value: "Complete" }] }))).rejects.toBeInstanceOf(InvalidFilterKey);
  });

  it("an unknown CommandId is InvalidCommandId", async () => {
    await expect(ssm.send(new ListCommandInvocationsCommand({ CommandId: commandId(5000) }))).rejects.toBeInstanceOf(InvalidCommandId);
  });
});

describe("GetMaintenanceWindowExecution", () => {
  it("answers the record with that ID, DoesNotExistException for another", async () => {
    const found = await ssm.send(new GetMaintenanceWindowExecutionCommand({ WindowExecutionId: WINDOW_EXECUTION_ID }));
    expect(found).toMatchObject({ WindowExecutionId: WINDOW_EXECUTION_ID, Status: "SUCCESS", StartTime: new Date(BASE * 1000) });
    const error = await ssm.send(new GetMaintenanceWindowExecutionCommand({ WindowExecutionId: "9fac7dd9-ff21-42a5-96ad-bbc4b0e0e0e0" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DoesNotExistException);
    expect((error as Error).message).toContain("9fac7dd9-ff21-42a5-96ad-bbc4b0e0e0e0");
  });
});

describe("DescribeAutomationStepExecutions", () => {
  const names = async (input: Omit<ConstructorParameters<typeof DescribeAutomationStepExecutionsCommand>[0], "AutomationExecutionId">, pageSize = 2): Promise<string[]> => {
    const out: string[] = [];
    for await (const page of paginateDescribeAutomationStepExecutions({ client: ssm, pageSize }, { AutomationExecutionId: AUTOMATION_ID, ...input })) {
      out.push(...page.StepExecutions!.map((s) => s.StepName!));
    }
    return out;
  };

  it("that execution's steps by start time, 2 at a time; ReverseOrder reverses them", async () => {
    expect(await names({})).toEqual(["step0", "step1", "step2", "step3", "step4", "step5"]);
    expect(await names({ ReverseOrder: true })).toEqual(["step5", "step4", "step3", "step2", "step1", "step0"]);
  });

  it("Filters: StepExecutionStatus (values are alternatives), Action, StartTimeAfter; ANDed", async () => {
    expect(await names({ Filters: [{ Key: "StepExecutionStatus", Values: ["Failed"] }] })).toEqual(["step2", "step4"]);
    expect(await names({ Filters: [{ Key: "StepExecutionStatus", Values: ["Failed", "Cancelled"] }] })).toEqual(["step2", "step3", "step4"]);
    expect(await names({ Filters: [{ Key: "Action", Values: ["aws:runCommand"] }, { Key: "StepExecutionStatus", Values: ["Failed", "Success"] }] })).toEqual(["step1"]);
    expect(await names({ Filters: [{ Key: "StartTimeAfter", Values: [new Date((BASE + 30) * 1000).toISOString()] }] }, 50)).toEqual(["step3", "step4", "step5"]);
    expect(await names({ Filters: [{ Key: "StepName", Values: ["step4"] }], ReverseOrder: true })).toEqual(["step4"]);
  });

  it("a StepExecutionStatus that is not an automation status is InvalidFilterValue", async () => {
    const call = ssm.send(new DescribeAutomationStepExecutionsCommand({ AutomationExecutionId: AUTOMATION_ID, Filters: [{ Key: "StepExecutionStatus", Values: ["Bogus"] }] }));
    await expect(call).rejects.toBeInstanceOf(InvalidFilterValue);
  });

  it("an unknown execution is AutomationExecutionNotFoundException", async () => {
    await expect(ssm.send(new DescribeAutomationStepExecutionsCommand({ AutomationExecutionId: "4105a4fc-f944-11e6-9d32-0123456789ab" }))).rejects.toBeInstanceOf(AutomationExecutionNotFoundException);
  });

  it("a token issued for ReverseOrder false is refused for ReverseOrder true", async () => {
    const page = await ssm.send(new DescribeAutomationStepExecutionsCommand({ AutomationExecutionId: AUTOMATION_ID, MaxResults: 2 }));
    await expect(ssm.send(new DescribeAutomationStepExecutionsCommand({ AutomationExecutionId: AUTOMATION_ID, MaxResults: 2, ReverseOrder: true, NextToken: page.NextToken }))).rejects.toBeInstanceOf(InvalidNextToken);
  });
});

describe("ListWorkflowStepExecutions", () => {
  it("that workflow execution's steps, 25 a page by default, each once; string times as sent", async () => {
    const pages = [];
    for await (const page of paginateListWorkflowStepExecutions({ client: imagebuilder }, { workflowExecutionId: WORKFLOW_ID })) pages.push(page);
    expect(pages.map((p) => p.steps!.length)).toEqual([25, 5]);
    expect(pages.flatMap((p) => p.steps!.map((s) => s.name))).toEqual(Array.from({ length: 30 }, (_, i) => `Step${i}`));
    expect(pages[0]).toMatchObject({ workflowExecutionId: WORKFLOW_ID, message: "Workflow completed.", requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(pages[0]!.steps![0]!.startTime).toBe("2024-08-04T18:00:00.000Z");
  });

  it("an unknown workflow execution is ClientException; a foreign token InvalidPaginationTokenException", async () => {
    await expect(imagebuilder.send(new ListWorkflowStepExecutionsCommand({ workflowExecutionId: "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b" }))).rejects.toBeInstanceOf(ClientException);
    await expect(imagebuilder.send(new ListWorkflowStepExecutionsCommand({ workflowExecutionId: WORKFLOW_ID, nextToken: "eyJvZmZzZXQiOjN9EXAMPLE" }))).rejects.toBeInstanceOf(InvalidPaginationTokenException);
  });
});

describe("Prefer keeps working on top of a data set", () => {
  it("example= answers the documented example; dynamic=true generated data", async () => {
    const { send, ssmHeaders } = await import("./wire.js");
    const example = await send(mock.url, { headers: ssmHeaders("ListCommands", { prefer: "example=LastPage" }), body: "{}" });
    expect((example.json?.["Commands"] as Command[]).map((c) => c.CommandId)).toEqual(["9e2b6f39-3f4d-4f57-9a57-4c2d1EXAMPLE"]);
    const error = await send(mock.url, { headers: ssmHeaders("ListCommands", { prefer: "code=400, example=InvalidNextToken" }), body: "{}" });
    expect(error.errorName).toBe("InvalidNextToken");
    const generated = await send(mock.url, { headers: ssmHeaders("ListCommands", { prefer: "dynamic=true" }), body: "{}" });
    expect(generated.status).toBe(200);
    const ids = new Set(dataSet(N).Commands.map((c) => c["CommandId"]));
    expect((generated.json?.["Commands"] as Command[] | undefined)?.some((c) => ids.has(c.CommandId!)) ?? false).toBe(false);
  });
});
