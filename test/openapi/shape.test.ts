/** The model's shapes: what a request member is, and which lists the service reads as sets. */
import { describe, expect, it } from "vitest";
import { loadSpec, readOperations, requestShape, type Shape } from "../../src/model/index.js";

const ssm = loadSpec("ssm");
const imagebuilder = loadSpec("imagebuilder");
const shapeOfOperation = (name: string): Shape => {
  for (const doc of [ssm, imagebuilder]) {
    const op = readOperations(doc).find((o) => o.operationId === name);
    if (op) return requestShape(doc, op);
  }
  throw new Error(name);
};
const member = (shape: Shape, name: string): Shape => {
  if (shape.kind !== "structure") throw new Error(`not a structure: ${shape.kind}`);
  return shape.members[name]!;
};

describe("requestShape", () => {
  it("reads structures, lists and scalars through $refs", () => {
    const shape = shapeOfOperation("ListCommands");
    expect(shape.kind).toBe("structure");
    expect(member(shape, "MaxResults")).toEqual({ kind: "scalar", type: "integer" });
    expect(member(shape, "CommandId")).toEqual({ kind: "scalar", type: "string" });
    const filters = member(shape, "Filters");
    expect(filters).toMatchObject({ kind: "list", member: { kind: "structure", members: { key: { kind: "scalar" }, value: { kind: "scalar" } } } });
  });

  it("marks the lists the service reads as sets, and only those", () => {
    const unordered = (shape: Shape, path: string[] = []): string[] => {
      if (shape.kind === "structure") return Object.entries(shape.members).flatMap(([name, m]) => unordered(m, [...path, name]));
      if (shape.kind === "list") return [...(shape.unordered ? [path.join(".")] : []), ...unordered(shape.member, [...path, "*"])];
      if (shape.kind === "map") return unordered(shape.value, [...path, "*"]);
      return [];
    };
    expect(unordered(shapeOfOperation("ListCommands"))).toEqual(["Filters"]);
    expect(unordered(shapeOfOperation("ListCommandInvocations"))).toEqual(["Filters"]);
    expect(unordered(shapeOfOperation("DescribeAutomationStepExecutions"))).toEqual(["Filters", "Filters.*.Values"]);
    expect(unordered(shapeOfOperation("GetMaintenanceWindowExecution"))).toEqual([]);
    expect(unordered(shapeOfOperation("ListWorkflowStepExecutions"))).toEqual([]);
  });

  it("gives an operation without a request body an empty structure", () => {
    expect(requestShape(ssm, { request: undefined })).toEqual({ kind: "structure", members: {} });
  });
});
