/** ValidationException messages in the services' words, from validate()'s issues. */
import { describe, expect, it } from "vitest";
import { validate } from "../../src/validate.js";
import { awsMemberPath, awsValidationMessage } from "../../src/validation/aws-message.js";

const message = (operation: Parameters<typeof validate>[0], body: Record<string, unknown>): string => {
  const result = validate(operation, "request", body);
  return awsValidationMessage(result.errors, body, result.omitted);
};

describe("awsMemberPath", () => {
  it("writes members in lower camel case and list elements as <list>.<1-based index>.member", () => {
    const body = { Filters: [{ key: "a" }, { key: "b", value: "c" }] };
    expect(awsMemberPath("/MaxResults", body)).toBe("maxResults");
    expect(awsMemberPath("/Filters", body)).toBe("filters");
    expect(awsMemberPath("/Filters/1/value", body)).toBe("filters.2.member.value");
    expect(awsMemberPath("/maxResults", {})).toBe("maxResults");
    expect(awsMemberPath("/a~1b", {})).toBe("a/b");
  });
});

describe("awsValidationMessage", () => {
  it("one violation, worded as SSM words it", () => {
    expect(message("ListCommands", { MaxResults: 0 })).toBe(
      "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    expect(message("ListCommands", { MaxResults: 100 })).toBe(
      "1 validation error detected: Value '100' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50",
    );
  });

  it("and as Image Builder words it", () => {
    expect(message("ListWorkflowStepExecutions", { workflowExecutionId: "wf-12345678-1234-1234-1234-123456789012", maxResults: 26 })).toBe(
      "1 validation error detected: Value '26' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 25",
    );
    expect(message("ListWorkflowStepExecutions", {})).toBe(
      "1 validation error detected: Value null at 'workflowExecutionId' failed to satisfy constraint: Member must not be null",
    );
  });

  it("several violations, each listed, separated by '; '", () => {
    const text = message("ListCommands", { MaxResults: 0, Filters: [{ key: "Colour", value: "" }] });
    expect(text).toMatch(/^3 validation errors detected: /);
    const parts = text.replace(/^3 validation errors detected: /, "").split("; ");
    expect(parts.sort()).toEqual([
      "Value '' at 'filters.1.member.value' failed to satisfy constraint: Member must have length greater than or equal to 1",
      "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
      "Value 'Colour' at 'filters.1.member.key' failed to satisfy constraint: Member must satisfy enum value set: [InvokedAfter, InvokedBefore, Status, ExecutionStage, DocumentName]",
    ]);
  });

  it("patterns, list lengths and unknown members", () => {
    expect(message("GetMaintenanceWindowExecution", { WindowExecutionId: "nope-nope-nope-nope-nope-nope-nope-n" })).toMatch(
      /^1 validation error detected: Value 'nope-nope-nope-nope-nope-nope-nope-n' at 'windowExecutionId' failed to satisfy constraint: Member must satisfy regular expression pattern: \^/,
    );
    expect(message("ListCommands", { Filters: [] })).toBe(
      "1 validation error detected: Value '[]' at 'filters' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expect(message("ListCommands", { Colour: "blue" })).toBe(
      "1 validation error detected: Value 'blue' at 'colour' failed to satisfy constraint: Member must not be present (it is not a member of this shape)",
    );
  });

  it("a bounded message for any body: long values cut, at most the listed violations, then how many more", () => {
    const long = message("ListCommands", { CommandId: "x".repeat(100_000) });
    expect(long.length).toBeLessThan(400);
    expect(long).toContain(`Value '${"x".repeat(200)}...' at 'commandId'`);
    const body = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`Unknown${i}`, i]));
    const many = message("ListCommands", body);
    expect(many).toMatch(/^1000 validation errors detected: /);
    expect(many.split("; ")).toHaveLength(101);
    expect(many.endsWith("; and 900 more")).toBe(true);
  });
});
