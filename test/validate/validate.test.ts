import { describe, expect, it } from "vitest";
import { assertValid, ContractValidationError, validate } from "../../src/validate.js";
import { readOperations } from "../../src/model/index.js";
import { documentedErrors, loadSpec, successExample } from "../client/support.js";

describe("validate(operation, kind, body)", () => {
  it("accepts every documented error example of every operation", () => {
    for (const api of ["ssm", "imagebuilder"] as const) {
      for (const { operation, name, body } of documentedErrors(api)) {
        expect(validate(operation as "ListCommands", "error", body), `${operation} ${name}`).toEqual({ ok: true, errors: [], omitted: 0 });
      }
    }
  });

  it("accepts the success examples", () => {
    for (const name of ["FirstPage", "LastPage", "DocumentSample"]) {
      expect(validate("ListCommands", "response", successExample("ssm", "ListCommands", name)).ok).toBe(true);
    }
    expect(validate("ListWorkflowStepExecutions", "response", successExample("imagebuilder", "ListWorkflowStepExecutions", "FirstPage")).ok).toBe(true);
  });

  it("reports each broken rule with a JSON pointer naming the member", () => {
    const result = validate("ListCommands", "request", {
      MaxResults: 0,
      Filters: [{ key: "Colour", value: "red" }],
      Unknown: true,
    });
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { path: "/MaxResults", rule: "minimum", message: "'/MaxResults' must be >= 1", params: { comparison: ">=", limit: 1 } },
        expect.objectContaining({ path: "/Filters/0/key", rule: "enum" }),
        { path: "/Unknown", rule: "additionalProperties", message: "'/Unknown' is not a member of this shape", params: { additionalProperty: "Unknown" } },
      ]),
    );
  });

  it("tells unknown members from known ones in a shape of many members, Object.prototype's names included", () => {
    const command = JSON.parse('{"CommandId":"' + "c".repeat(36) + '","Status":"Success","Unknown":1,"toString":"x","hasOwnProperty":1,"constructor":2,"__proto__":{}}') as unknown;
    expect(validate("ListCommands", "response", { Commands: [command] }).errors.map((e) => `${e.path} ${e.rule}`).sort()).toEqual([
      "/Commands/0/Unknown additionalProperties",
      "/Commands/0/__proto__ additionalProperties",
      "/Commands/0/constructor additionalProperties",
      "/Commands/0/hasOwnProperty additionalProperties",
      "/Commands/0/toString additionalProperties",
    ]);
  });

  it("names a missing required member", () => {
    expect(validate("GetMaintenanceWindowExecution", "request", {}).errors).toEqual([
      { path: "/WindowExecutionId", rule: "required", message: "'/WindowExecutionId' is required", params: { missingProperty: "WindowExecutionId" } },
    ]);
    expect(validate("ListWorkflowStepExecutions", "request", { workflowExecutionId: "nope" }).errors).toEqual([
      expect.objectContaining({ path: "/workflowExecutionId", rule: "pattern" }),
    ]);
  });

  it("checks the int32 format, the character (not UTF-16 unit) length and timestamp numbers", () => {
    expect(validate("ListCommands", "request", { MaxResults: 1.5 }).errors.map((e) => e.rule)).toContain("type");
    expect(validate("ListCommands", "response", { Commands: [{ RequestedDateTime: "2020-02-21T00:22:23Z" }] }).errors).toEqual([
      expect.objectContaining({ path: "/Commands/0/RequestedDateTime", rule: "type" }),
    ]);
    // 36 characters, one of them outside the BMP (two UTF-16 units): still a valid CommandId length.
    const id = "😀".concat("a".repeat(35));
    expect(id.length).toBe(37);
    expect(validate("ListCommands", "request", { CommandId: id }).ok).toBe(true);
  });

  it("an error body must name the error", () => {
    expect(validate("ListCommands", "error", { Message: "x" }).errors).toEqual([expect.objectContaining({ path: "/__type", rule: "required" })]);
  });

  it("rejects an unknown operation or kind with a TypeError listing the valid ones", () => {
    expect(() => validate("ListThings" as never, "request", {})).toThrow(/unknown operation "ListThings"; expected one of DescribeAutomationStepExecutions, .*ListWorkflowStepExecutions/);
    expect(() => validate("ListCommands", "reply" as never, {})).toThrow(/kind must be "request", "response" or "error"/);
  });

  it("covers the request, response and error body of all five operations", () => {
    const operations = [...readOperations(loadSpec("ssm")), ...readOperations(loadSpec("imagebuilder"))].map((op) => op.operationId);
    expect(operations).toHaveLength(5);
    for (const operation of operations) {
      for (const kind of ["request", "response", "error"] as const) {
        expect(() => validate(operation as "ListCommands", kind, {})).not.toThrow();
      }
    }
  });
});

describe("assertValid", () => {
  it("passes a valid body and throws a readable ContractValidationError otherwise", () => {
    expect(() => assertValid("ListCommands", "request", { MaxResults: 5 })).not.toThrow();
    let caught: unknown;
    try {
      assertValid("ListCommandInvocations", "request", { MaxResults: 500, Detail: true });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ContractValidationError);
    expect((caught as Error).message).toBe(
      [
        "ListCommandInvocations request body does not match the contract (2 issues):",
        "  /Detail [additionalProperties]: '/Detail' is not a member of this shape",
        "  /MaxResults [maximum]: '/MaxResults' must be <= 50",
      ].join("\n"),
    );
  });
});

describe("the validators are precompiled", () => {
  it("the runtime modules import no ajv (nor anything else)", async () => {
    const { readFileSync } = await import("node:fs");
    for (const api of ["ssm", "imagebuilder"]) {
      const code = readFileSync(new URL(`../../generated/validators/${api}.js`, import.meta.url), "utf8");
      expect(code).not.toMatch(/\brequire\(|^import /m);
    }
  });
});
