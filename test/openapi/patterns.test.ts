import { describe, expect, it } from "vitest";
import { API_NAMES, loadSpec, walkSchemas } from "./load.js";

describe.each(API_NAMES)("%s: every pattern compiles in unicode mode", (api) => {
  const patterns: Array<[string, string]> = [];
  walkSchemas(loadSpec(api), (schema, pointer) => {
    if (typeof schema["pattern"] === "string") patterns.push([pointer, schema["pattern"]]);
  });

  it("has patterns to check", () => {
    expect(patterns.length).toBeGreaterThan(api === "ssm" ? 10 : 5);
  });

  it.each(patterns)("%s", (_pointer, pattern) => {
    expect(() => new RegExp(pattern, "u")).not.toThrow();
  });
});
