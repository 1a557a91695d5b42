/**
 * mock/data-set.schema.json, the JSON Schema of a data file for editors (YAML and JSON language
 * servers): it takes the data files the mock takes (mock/README.md's, a generated one with
 * timelines), refuses what the loader refuses around the records (an unreadable `at`, a state
 * without one, an unknown collection), and its duration pattern reads exactly what the mock reads.
 */
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { parseDuration } from "../../mock/src/clock/duration.js";
import { generateDataSet } from "../../mock/src/generate/index.js";

const schema = JSON.parse(readFileSync(new URL("../../mock/data-set.schema.json", import.meta.url), "utf8")) as Record<string, unknown>;
// ajv is CommonJS: its class is the module's default export.
const check = new Ajv2020.default({ allErrors: true }).compile(schema);
const readme = readFileSync(new URL("../../mock/README.md", import.meta.url), "utf8");
const yamlAfter = (heading: string): unknown => parse(/```yaml\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf(heading)))![1]!);

describe("the data-set schema", () => {
  it("takes mock/README.md's data files and a generated data set with timelines", () => {
    for (const data of [yamlAfter("## Data sets"), yamlAfter("## Runs that progress"), generateDataSet({ seed: "schema", timelines: true })]) {
      expect(check(data), JSON.stringify(check.errors)).toBe(true);
    }
  });

  it.each<[string, unknown]>([
    ["an unreadable at", { Commands: [{ CommandId: "c", Timeline: [{ at: "soon" }] }] }],
    ["a state without at", { Commands: [{ CommandId: "c", Timeline: [{ Status: "Success" }] }] }],
    ["a read count below 0", { CommandInvocations: [{ Timeline: [{ at: { reads: -1 } }] }] }],
    ["a step's bad AppearsAt", { AutomationExecutions: [{ AutomationExecutionId: "a", StepExecutions: [{ AppearsAt: "later" }] }] }],
    ["a timeline inside a state", { WorkflowExecutions: [{ steps: [{ Timeline: [{ at: "1m", Timeline: [] }] }] }] }],
    ["an unknown collection", { Command: [] }],
  ])("refuses %s", (_, data) => {
    expect(check(data)).toBe(false);
  });

  it("its duration pattern reads exactly the durations the mock reads", () => {
    const pattern = new RegExp(((schema["$defs"] as Record<string, { pattern?: string }>)["duration"]!).pattern!);
    const piece = fc.tuple(fc.nat(999), fc.option(fc.nat(99), { nil: undefined }), fc.constantFrom("ms", "s", "m", "h", "d", "x", "", " s", "-")).map(([n, fraction, unit]) => `${n}${fraction === undefined ? "" : `.${fraction}`}${unit}`);
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 3 }).map((parts) => parts.join("")), (text) => pattern.test(text) === parseDuration(text).ok));
  });
});
