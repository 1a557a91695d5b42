/**
 * Compatible validation (src/validation/compatible.ts, `validate(..., { mode: "compatible" })`):
 * what AWS adds to an answer (a member, an enum value) is reported and does not fail; a wrongly
 * typed member, a missing required member or a broken bound still does. The additions are those
 * the service really made: `StepExecution.WarningMessage` (met by a validator compiled from the
 * spec as it was before the member was added) and a step status the spec does not list.
 */
import { describe, expect, it, vi } from "vitest";
import { bodySchema, createAjv, definitionsSchema, loadSpec, rootSchemaId, summarizeAjvErrors, type OpenApiDocument } from "../../src/model/index.js";
import { MAX_UNKNOWN, validateCompatible } from "../../src/validation/compatible.js";
import { validate } from "../../src/validate.js";
import { successExample } from "../client/support.js";

type Step = Record<string, unknown>;
const page = (): { StepExecutions: Step[] } => structuredClone(successExample("ssm", "DescribeAutomationStepExecutions", "FirstPage")) as { StepExecutions: Step[] };
const compatible = { mode: "compatible" } as const;

/** A strict check of DescribeAutomationStepExecutions' answer as the spec had it before WarningMessage. */
function checkWithoutWarningMessage(): (body: unknown) => ReturnType<typeof summarizeAjvErrors> | undefined {
  const doc = loadSpec("ssm") as OpenApiDocument & { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
  delete doc.components.schemas["StepExecution"]!.properties["WarningMessage"];
  const ajv = createAjv();
  ajv.addSchema(definitionsSchema(doc, rootSchemaId("ssm")));
  const check = ajv.compile(bodySchema([{ $ref: "#/components/schemas/DescribeAutomationStepExecutionsResult" }], rootSchemaId("ssm"), "test:old-answer"));
  return (body) => (check(body) ? undefined : summarizeAjvErrors(check.errors, 100));
}

describe("an answer carrying StepExecution.WarningMessage", () => {
  it("is valid against the spec, which now has the member, in both modes", () => {
    const body = page();
    expect(body.StepExecutions[0]!["WarningMessage"]).toEqual(expect.any(String));
    expect(validate("DescribeAutomationStepExecutions", "response", body)).toEqual({ ok: true, errors: [], omitted: 0 });
    expect(validate("DescribeAutomationStepExecutions", "response", body, compatible)).toEqual({ ok: true, errors: [], omitted: 0, unknown: [] });
  });

  it("against the spec before the member: strict fails on it, compatible reports it and passes", () => {
    const check = checkWithoutWarningMessage();
    const body = page();
    expect(check(body)?.issues.map((i) => [i.path, i.rule])).toEqual([["/StepExecutions/0/WarningMessage", "additionalProperties"]]);
    const result = validateCompatible(check, body);
    expect(result.issues).toEqual([]);
    expect(result.unknown.map((i) => [i.path, i.rule])).toEqual([["/StepExecutions/0/WarningMessage", "additionalProperties"]]);
  });
});

describe('validate(..., { mode: "compatible" })', () => {
  it("an unknown step status and an unknown member: reported on the result and to onUnknown, not failed", () => {
    const body = page();
    body.StepExecutions[0]!["StepStatus"] = "PausedForReview";
    body.StepExecutions[1]!["RetryPolicy"] = { Attempts: 2 };
    const onUnknown = vi.fn();
    const result = validate("DescribeAutomationStepExecutions", "response", body, { mode: "compatible", onUnknown });
    expect(result.ok).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.unknown?.map((i) => [i.path, i.rule]).sort()).toEqual([
      ["/StepExecutions/0/StepStatus", "enum"],
      ["/StepExecutions/1/RetryPolicy", "additionalProperties"],
    ]);
    expect(onUnknown).toHaveBeenCalledTimes(1);
    expect(onUnknown).toHaveBeenCalledWith(result.unknown, { operation: "DescribeAutomationStepExecutions", kind: "response" });
    // The body is not changed, and strict mode (the default) fails on both.
    expect(body.StepExecutions[1]!["RetryPolicy"]).toEqual({ Attempts: 2 });
    const strict = validate("DescribeAutomationStepExecutions", "response", body);
    expect(strict.ok).toBe(false);
    expect(strict.errors.map((i) => i.rule).sort()).toEqual(["additionalProperties", "enum"]);
    expect(strict.unknown).toBeUndefined();
  });

  it("a wrongly typed member still fails, beside an unknown status that does not", () => {
    const body = page();
    body.StepExecutions[0]!["StepStatus"] = "PausedForReview";
    body.StepExecutions[1]!["TimeoutSeconds"] = "7200";
    const onUnknown = vi.fn();
    const result = validate("DescribeAutomationStepExecutions", "response", body, { mode: "compatible", onUnknown });
    expect(result.ok).toBe(false);
    expect(result.errors.map((i) => [i.path, i.rule])).toEqual([["/StepExecutions/1/TimeoutSeconds", "type"]]);
    expect(result.unknown?.map((i) => i.path)).toEqual(["/StepExecutions/0/StepStatus"]);
    expect(onUnknown).toHaveBeenCalledTimes(1);
  });

  it("an enum member that is not a string, a missing required member, a pattern and a bound still fail", () => {
    const step = validate("DescribeAutomationStepExecutions", "response", { StepExecutions: [{ StepStatus: 3 }] }, compatible);
    expect(step.ok).toBe(false);
    expect(step.errors.map((i) => i.rule)).toContain("type");
    expect(step.unknown).toEqual([]);
    const request = validate("ListCommands", "request", { MaxResults: 0, CommandId: "short", Filters: [{ key: "Status" }], Colour: "red" }, compatible);
    expect(request.ok).toBe(false);
    expect(request.errors.map((i) => [i.path, i.rule]).sort()).toEqual([
      ["/CommandId", "minLength"],
      ["/Filters/0/value", "required"],
      ["/MaxResults", "minimum"],
    ]);
    expect(request.unknown?.map((i) => i.path)).toEqual(["/Colour"]);
  });

  it("more additions than strict validation lists: all reported, and what else is wrong still found", () => {
    const many = (count: number): { StepExecutions: Step[] } => ({ StepExecutions: Array.from({ length: count }, (_, i) => ({ StepName: `s${i}`, Colour: "red" })) });
    const valid = validate("DescribeAutomationStepExecutions", "response", many(250), compatible);
    expect(valid).toMatchObject({ ok: true, errors: [], omitted: 0 });
    expect(valid.unknown).toHaveLength(250);
    const body = many(250);
    body.StepExecutions[249]!["IsEnd"] = "yes";
    const invalid = validate("DescribeAutomationStepExecutions", "response", body, compatible);
    expect(invalid.ok).toBe(false);
    expect(invalid.errors.map((i) => [i.path, i.rule])).toEqual([["/StepExecutions/249/IsEnd", "type"]]);
  });

  it(`a body with more than ${MAX_UNKNOWN} additions fails, naming the limit`, () => {
    const body = { StepExecutions: Array.from({ length: MAX_UNKNOWN + 200 }, () => ({ Colour: "red" })) };
    const result = validate("DescribeAutomationStepExecutions", "response", body, compatible);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([expect.objectContaining({ path: "", rule: "maxUnknown" })]);
  });

  it("what is not plain JSON is still an issue, and bad options are a TypeError", () => {
    expect(validate("ListCommands", "request", { MaxResults: 10n }, compatible).ok).toBe(false);
    expect(() => validate("ListCommands", "request", {}, { mode: "loose" as "strict" })).toThrow(/mode must be "strict" or "compatible"/);
    expect(() => validate("ListCommands", "request", {}, { onUnknown: 1 as unknown as () => void })).toThrow(/onUnknown must be a function/);
  });
});
