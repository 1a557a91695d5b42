/** The operation model (`aws-ops-contract/model`) answers the operations of the bundled documents. */
import { describe, expect, it } from "vitest";
import { escapePointerToken, getByPointer, loadSpec, nodeAt, operationsOf, parsePointer, readOperations, resolveRef, toPointer } from "../../src/model/index.js";

const ssm = readOperations(loadSpec("ssm"));
const imagebuilder = readOperations(loadSpec("imagebuilder"));
const byName = (name: string) => [...ssm, ...imagebuilder].find((op) => op.operationId === name)!;

describe("readOperations", () => {
  it("reads the service, protocol, target or path and method of every operation", () => {
    expect(ssm.map((op) => [op.operationId, op.protocol, op.method, op.path, op.target, op.mediaType])).toEqual(
      ["ListCommands", "ListCommandInvocations", "GetMaintenanceWindowExecution", "DescribeAutomationStepExecutions"]
        .sort((a, b) => ssm.findIndex((o) => o.operationId === a) - ssm.findIndex((o) => o.operationId === b))
        .map((name) => [name, "awsJson1_1", "POST", "/", `AmazonSSM.${name}`, "application/x-amz-json-1.1"]),
    );
    expect(imagebuilder.map((op) => [op.operationId, op.protocol, op.method, op.path, op.target, op.mediaType])).toEqual([
      ["ListWorkflowStepExecutions", "restJson1", "POST", "/ListWorkflowStepExecutions", undefined, "application/json"],
    ]);
    expect(new Set(ssm.map((op) => op.service)).size).toBe(1);
  });

  it("reads the paging members and their documented bounds", () => {
    expect(byName("ListCommands").pagination).toEqual({ inputToken: "NextToken", outputToken: "NextToken", limit: { member: "MaxResults", minimum: 1, maximum: 50, default: undefined } });
    expect(byName("ListWorkflowStepExecutions").pagination).toEqual({ inputToken: "nextToken", outputToken: "nextToken", limit: { member: "maxResults", minimum: 1, maximum: 25, default: undefined } });
    expect(byName("GetMaintenanceWindowExecution").pagination).toBeUndefined();
  });

  it("reads the bodies per status, with their component schemas and examples, and the error names", () => {
    const op = byName("ListCommands");
    expect(op.request?.schemaRef).toBe("#/components/schemas/ListCommandsRequest");
    expect(op.responses.find((r) => r.status === 200)?.schemaRef).toBe("#/components/schemas/ListCommandsResult");
    expect(op.responses.find((r) => r.status === 200)?.examples?.size).toBeGreaterThan(0);
    expect(op.errors).toEqual(expect.arrayContaining([{ name: "InvalidNextToken", status: 400 }, { name: "InternalServerError", status: 500 }]));
    expect(op.summary).toBe("ListCommands");
    for (const r of op.responses) expect(nodeAt(loadSpec("ssm"), r.schemaPointer!)).toEqual({ $ref: r.schemaRef });
  });

  it("numbers the documents' operations for a server that serves several", () => {
    const all = operationsOf([loadSpec("ssm"), loadSpec("imagebuilder")]);
    expect(all.map((op) => op.docIndex)).toEqual([0, 0, 0, 0, 1]);
  });
});

describe("$ref and JSON pointers", () => {
  it("escapes, parses and follows pointers (one implementation)", () => {
    expect(escapePointerToken("a/b~c")).toBe("a~1b~0c");
    expect(toPointer(["a/b", 0, "~"])).toBe("/a~1b/0/~0");
    expect(parsePointer("#/a~1b/0/~0")).toEqual(["a/b", "0", "~"]);
    expect(getByPointer({ "a/b": [{ "~": 1 }] }, "/a~1b/0/~0")).toBe(1);
    expect(getByPointer(Object.create({ inherited: 1 }), "/inherited")).toBeUndefined();
  });

  it("resolves a $ref chain and refuses a cycle", () => {
    const doc = { openapi: "3.1.0", paths: {}, components: { schemas: { A: { $ref: "#/components/schemas/B" }, B: { type: "string" }, C: { $ref: "#/components/schemas/C" } } } };
    expect(resolveRef(doc, { $ref: "#/components/schemas/A" })).toEqual({ node: { type: "string" }, pointer: "#/components/schemas/B" });
    expect(() => resolveRef(doc, { $ref: "#/components/schemas/C" })).toThrow(/\$ref cycle/);
    expect(() => resolveRef(doc, { $ref: "#/components/schemas/Nope" })).toThrow(/No node at/);
  });
});
