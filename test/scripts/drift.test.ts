/**
 * `npm run drift` (scripts/drift.ts): the spec as it stands has no unacknowledged finding, and a copy
 * of the spec that drops a member, an enum value or an error fails, naming each. The models are the
 * pinned SDK v3 packages (and botocore when python3 has it), read for real.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { ACKNOWLEDGED, drift } from "../../scripts/drift.js";
import { judge, readAcknowledged } from "../../scripts/drift/acknowledged.js";
import { samePattern, type Finding } from "../../scripts/drift/compare.js";
import { loadSpec, type OpenApiDocument } from "../../src/model/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = join(root, "node_modules", ".bin", "tsx");
const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), "drift-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const acknowledged = readAcknowledged(ACKNOWLEDGED);
type Doc = OpenApiDocument & { components: { schemas: Record<string, { properties?: Record<string, unknown>; enum?: string[] }> } };
const ssm = (): Doc => loadSpec("ssm") as Doc;
const DESCRIBE = "/#X-Amz-Target=AmazonSSM.DescribeAutomationStepExecutions";

/** A copy of the SSM spec without StepExecution.StepName, the step status Exited and DescribeAutomationStepExecutions' InvalidNextToken. */
function mutated(): Doc {
  const doc = ssm();
  delete doc.components.schemas["StepExecution"]!.properties!["StepName"];
  const status = doc.components.schemas["AutomationExecutionStatus"]!;
  status.enum = status.enum!.filter((value) => value !== "Exited");
  const examples = (doc.paths[DESCRIBE]!["post"] as { responses: Record<string, { content: Record<string, { examples: Record<string, unknown> }> }> }).responses["400"]!.content["application/x-amz-json-1.1"]!.examples;
  delete examples["InvalidNextToken"];
  return doc;
}

const ids = (findings: readonly Finding[]): string[] => findings.map((f) => f.id);

describe("npm run drift", () => {
  it("finds nothing unacknowledged in the spec, and every acknowledgement still matches a finding", () => {
    const { verdict, sources } = drift([loadSpec("ssm"), loadSpec("imagebuilder")], acknowledged);
    expect(ids(verdict.open)).toEqual([]);
    expect(verdict.stale.filter((id) => !/ (ValidationException|ThrottlingException) extra-error$/.test(id))).toEqual([]);
    expect(sources.join("\n")).toMatch(/@aws-sdk\/client-ssm@3\.1169\.0/);
    expect(sources.join("\n")).toMatch(/@aws-sdk\/client-imagebuilder@3\.1046\.0/);
  });

  it("reports a dropped member, a dropped enum value and a dropped error by their ids", () => {
    const open = ids(drift([mutated()], acknowledged).verdict.open);
    expect(open).toContain("DescribeAutomationStepExecutions response StepExecutions[].StepName missing-member");
    expect(open).toContain("DescribeAutomationStepExecutions response StepExecutions[].StepStatus missing-enum-value Exited");
    expect(open).toContain("DescribeAutomationStepExecutions error InvalidNextToken missing-error");
  });

  it("reports an extra member, a type mismatch and a required mismatch", () => {
    const doc = ssm();
    const step = doc.components.schemas["StepExecution"]!.properties!;
    step["Colour"] = { type: "string" };
    step["IsEnd"] = { type: "string" };
    (doc.components.schemas["DescribeAutomationStepExecutionsRequest"] as { required: string[] }).required.push("NextToken");
    const open = ids(drift([doc], acknowledged).verdict.open);
    expect(open).toContain("DescribeAutomationStepExecutions response StepExecutions[].Colour extra-member");
    expect(open).toContain("DescribeAutomationStepExecutions response StepExecutions[].IsEnd type");
    expect(open).toContain("DescribeAutomationStepExecutions request NextToken required spec");
  });

  it("an error whose example is marked x-aws-common-error is the common set: never extra, its acknowledgement stale", () => {
    const doc = ssm() as Doc & { components: { examples: Record<string, Record<string, unknown>> } };
    doc.components.examples["ThrottlingException"]!["x-aws-common-error"] = true;
    const { findings, verdict } = drift([doc], acknowledged);
    expect(ids(findings).filter((id) => id.includes("ThrottlingException"))).toEqual([]);
    expect(verdict.stale).toContain("ListCommands error ThrottlingException extra-error");
    expect(ids(verdict.open)).toEqual([]);
  });

  it("exits 1 on the mutated copy, naming the findings (npm test runs it on the spec itself)", async () => {
    const file = join(scratch, "ssm-mutated.json");
    writeFileSync(file, JSON.stringify(mutated()));
    const failed = await run(tsx, ["scripts/drift.ts", "--spec", file], { cwd: root }).then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain("FAIL DescribeAutomationStepExecutions response StepExecutions[].StepName missing-member");
    expect(failed?.stdout).toContain("FAIL DescribeAutomationStepExecutions error InvalidNextToken missing-error");
    expect(failed?.stdout).toMatch(/^3 unacknowledged finding\(s\)/m);
  });
});

describe("the acknowledgements", () => {
  const finding = (id: string): Finding => ({ id, operation: "X", direction: "request", where: "A", kind: "extra-member", value: undefined, source: "test", message: "" });

  it("acknowledge only the exact id, and list the ones that match nothing as stale", () => {
    const verdict = judge([finding("X request A extra-member"), finding("X request B extra-member")], new Map([["X request A extra-member", "why"], ["X request C extra-member", "gone"]]));
    expect(ids(verdict.open)).toEqual(["X request B extra-member"]);
    expect(verdict.acknowledged.map((f) => f.reason)).toEqual(["why"]);
    expect(verdict.stale).toEqual(["X request C extra-member"]);
  });

  it("refuse an entry without a reason, or a finding acknowledged twice", () => {
    const file = join(scratch, "ack.yaml");
    writeFileSync(file, "acknowledged:\n  - finding: X request A extra-member\n");
    expect(() => readAcknowledged(file)).toThrow(/has no 'reason'/);
    writeFileSync(file, "acknowledged:\n  - { finding: a, reason: b }\n  - { finding: a, reason: c }\n");
    expect(() => readAcknowledged(file)).toThrow(/acknowledged twice/);
  });
});

describe("samePattern", () => {
  it("treats botocore's \\- outside a class as -, and nothing else as equal", () => {
    expect(samePattern("^[0-9a-f]{8}-[0-9a-f]{4}$", "^[0-9a-f]{8}\\-[0-9a-f]{4}$")).toBe(true);
    expect(samePattern("^[a-z-]+$", "^[a-z\\-]+$")).toBe(false);
    expect(samePattern("^a+$", "^a*$")).toBe(false);
  });
});
