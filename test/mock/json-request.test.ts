/**
 * How the mock reads a request's JSON where AWS's servers have a rule of their own: a member whose
 * value is JSON `null` is not set (Smithy's AWS JSON 1.1 protocol test
 * AwsJson11ServersDontDeserializeNullStructureValues; botocore sends `{"CommandId": null}` when told
 * not to validate); a value that cannot be read as its member's type is a SerializationException,
 * not a ValidationException (Smithy's malformed-request protocol tests); and a body nested far deeper
 * than any input of these APIs is refused as a SerializationException instead of failing the mock.
 */
import { describe, expect, inject, it } from "vitest";
import { send, ssmHeaders } from "./wire.js";

const url = inject("mockUrl");
const WORKFLOW = "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b";
const ssm = (operation: string, body: string) => send(url, { method: "POST", headers: ssmHeaders(operation), body });
const imagebuilder = (body: string) => send(url, { method: "POST", path: "/ListWorkflowStepExecutions", headers: { "content-type": "application/json" }, body });

describe("JSON null members", () => {
  it("an optional member set to null is left out: the same answer as without it", async () => {
    const without = await ssm("ListCommands", "{}");
    const withNulls = await ssm("ListCommands", '{"CommandId": null, "MaxResults": null, "NextToken": null, "Filters": null}');
    expect(withNulls.status, withNulls.text).toBe(200);
    expect((withNulls.json?.["Commands"] as Array<{ CommandId: string }>).map((c) => c.CommandId)).toEqual((without.json?.["Commands"] as Array<{ CommandId: string }>).map((c) => c.CommandId));
  });

  it("a required member set to null is missing, in the services' words", async () => {
    const answer = await ssm("GetMaintenanceWindowExecution", '{"WindowExecutionId": null}');
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ __type: "ValidationException", Message: "1 validation error detected: Value null at 'windowExecutionId' failed to satisfy constraint: Member must not be null" });
  });

  it("nested members too; a null list item is still refused", async () => {
    const member = await ssm("ListCommands", '{"Filters": [{"key": "Status", "value": null}]}');
    expect(member.json?.["Message"]).toBe("1 validation error detected: Value null at 'filters.1.member.value' failed to satisfy constraint: Member must not be null");
    // A null item of a (dense) list is not dropped: it cannot be read (RestJsonBodyMalformedListNullItem).
    const item = await ssm("ListCommands", '{"Filters": [null]}');
    expect(item.status).toBe(400);
    expect(item.json?.["__type"]).toBe("SerializationException");
  });

  it("REST JSON (Image Builder) alike", async () => {
    const answer = await imagebuilder(`{"workflowExecutionId": "${WORKFLOW}", "nextToken": null, "maxResults": null}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json?.["workflowExecutionId"]).toBe(WORKFLOW);
  });
});

describe("values of the wrong JSON type: SerializationException, before any constraint", () => {
  it.each([
    ["ListCommands", '{"MaxResults": "5"}', "'maxResults' must be an integer, not a string"],
    ["ListCommands", '{"MaxResults": 5.5}', "'maxResults' must be an integer, not the number 5.5"],
    ["ListCommands", '{"MaxResults": 3000000000}', "'maxResults' must be a 32-bit integer, not the number 3000000000"],
    ["ListCommands", '{"CommandId": 5}', "'commandId' must be a string, not the number 5"],
    ["ListCommands", '{"Filters": {"key": "Status"}}', "'filters' must be an array, not an object"],
    ["ListCommands", '{"Filters": [null]}', "'filters.1.member' must be an object, not null"],
    ["ListCommands", '{"MaxResults": "5", "CommandId": "abc"}', "'maxResults' must be an integer, not a string"],
    ["ListCommandInvocations", '{"Details": "true"}', "'details' must be a boolean, not a string"],
  ])("%s %s", async (operation, body, says) => {
    const answer = await ssm(operation, body);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ __type: "SerializationException", Message: `The request body could not be read as the operation's input: ${says}` });
  });

  it("REST JSON: x-amzn-ErrorType SerializationException", async () => {
    const answer = await imagebuilder(`{"workflowExecutionId": "${WORKFLOW}", "maxResults": "5"}`);
    expect(answer.status).toBe(400);
    expect(answer.headers.get("x-amzn-errortype")).toBe("SerializationException");
    expect(answer.json).toEqual({ message: "The request body could not be read as the operation's input: 'maxResults' must be an integer, not a string" });
  });

  it("a readable value that breaks a constraint is still a ValidationException", async () => {
    const answer = await ssm("ListCommands", '{"MaxResults": 51, "Filters": [{"key": "Nope", "value": "x"}]}');
    expect(answer.json?.["__type"]).toBe("ValidationException");
    expect(answer.json?.["Message"]).toMatch(/^2 validation errors detected: /);
  });
});

describe("deeply nested JSON", () => {
  it.each([
    ["arrays", `{"CommandId": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`],
    ["objects", `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`],
  ])("%s nested 100,000 deep: 400 SerializationException, and the mock still answers", async (_kind, body) => {
    const answer = await ssm("ListCommands", body);
    expect(answer.status, answer.text).toBe(400);
    expect(answer.json?.["__type"]).toBe("SerializationException");
    expect(answer.json?.["Message"]).toMatch(/nest/);
    expect((await ssm("ListCommands", "{}")).status).toBe(200);
  });

  it("the protocol's format for REST JSON", async () => {
    const answer = await imagebuilder(`{"workflowExecutionId": "${WORKFLOW}", "x": ${"[".repeat(50_000)}${"]".repeat(50_000)}}`);
    expect(answer.status).toBe(400);
    expect(answer.headers.get("x-amzn-errortype")).toBe("SerializationException");
  });
});
