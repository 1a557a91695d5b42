import { describe, expect, it } from "vitest";
import { issuesFromAjvErrors } from "../../src/validation/errors.js";
import { API_NAMES, createAjv, mediaExamples, schemaKey } from "./load.js";

const ajv = createAjv();

describe.each(API_NAMES)("%s: every example validates against its schema (ajv 2020-12, strict)", (api) => {
  const examples = mediaExamples(api);

  it("has request, success and error examples", () => {
    expect(examples.some((e) => e.where === "request")).toBe(true);
    expect(examples.some((e) => e.where === "response 200")).toBe(true);
    expect(examples.some((e) => e.where.startsWith("response 4"))).toBe(true);
  });

  it.each(examples.map((e) => [`${e.operationId} ${e.where} ${e.name}`, e] as const))("%s", (_label, example) => {
    const validate = ajv.getSchema(schemaKey(api, example.schemaRef));
    expect(validate, example.schemaRef).toBeTypeOf("function");
    const ok = validate!(example.value);
    expect(issuesFromAjvErrors(validate!.errors)).toEqual([]);
    expect(ok).toBe(true);
  });
});
