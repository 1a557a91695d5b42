/**
 * `npm run diff` (scripts/diff.ts): each rule on a copy of the spec changed in one way, the AWS rules
 * (routing by X-Amz-Target, errors known by name, open answer enums), the version rule, how the
 * last release is found (a tag, else package.json's baseline, in a scratch git repository), and
 * the two packages' versions moving together.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { diff, specsAt } from "../../scripts/diff.js";
import { allowsBreaking, lastRelease, versionRule, type Release } from "../../scripts/diff/release.js";
import type { Change } from "../../scripts/diff/rules.js";
import { deref, loadSpec, type OpenApiDocument } from "../../src/model/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
type Schema = { properties: Record<string, Record<string, unknown>>; required?: string[]; enum?: string[]; maxLength?: number };
type Doc = OpenApiDocument & { components: { schemas: Record<string, Schema>; examples: Record<string, Record<string, unknown>> } };
const specs = (): Doc[] => [loadSpec("ssm") as Doc, loadSpec("imagebuilder") as Doc];
const base: Release = { ref: "test", version: "1.2.3", how: "given" };

/** The changes from the spec to a copy changed by `change`. */
function changesAfter(change: (ssm: Doc, imagebuilder: Doc) => void, version = "1.2.3"): { changes: Array<[Change["severity"], string]>; ok: boolean } {
  const head = specs();
  change(head[0]!, head[1]!);
  const report = diff(base, specs(), head, version);
  return { changes: report.changes.map((c) => [c.severity, `${c.operation} ${c.direction} ${c.where}`]), ok: report.version.ok };
}
const schema = (doc: Doc, name: string): Schema => doc.components.schemas[name]!;

describe("npm run diff: direction-aware rules", () => {
  it("no change, no finding", () => {
    expect(changesAfter(() => {}).changes).toEqual([]);
  });

  it("a member removed from an answer is breaking, and fails without a major version", () => {
    const result = changesAfter((ssm) => delete schema(ssm, "StepExecution").properties["StepName"]);
    expect(result.changes).toEqual([["breaking", "DescribeAutomationStepExecutions response StepExecutions[].StepName"]]);
    expect(result.ok).toBe(false);
    expect(changesAfter((ssm) => delete schema(ssm, "StepExecution").properties["StepName"], "2.0.0").ok).toBe(true);
  });

  it("a request member made required is breaking; a new optional request member and a new answer member are compatible", () => {
    expect(changesAfter((ssm) => schema(ssm, "ListCommandsRequest").required = ["CommandId"]).changes).toEqual([["breaking", "ListCommands request CommandId"]]);
    const added = changesAfter((ssm, ib) => {
      schema(ssm, "ListCommandsRequest").properties["Colour"] = { type: "string" };
      schema(ib, "WorkflowStepMetadata").properties["retryCount"] = { type: "integer" };
    });
    expect(added.changes).toEqual([
      ["compatible", "ListCommands request Colour"],
      ["compatible", "ListWorkflowStepExecutions response steps[].retryCount"],
    ]);
    expect(added.ok).toBe(true);
  });

  it("a request bound tightened is breaking, loosened compatible; an answer bound loosened is flagged", () => {
    expect(changesAfter((ssm) => (schema(ssm, "CommandId").maxLength = 30)).changes).toEqual(
      expect.arrayContaining([["breaking", "ListCommands request CommandId"], ["compatible", "ListCommands response Commands[].CommandId"]]),
    );
    expect(changesAfter((ssm) => (schema(ssm, "CommandId").maxLength = 40)).changes).toEqual(
      expect.arrayContaining([["compatible", "ListCommands request CommandId"], ["flagged", "ListCommands response Commands[].CommandId"]]),
    );
  });

  it("an enum value removed from a request is breaking; a new answer enum value is flagged (exhaustive switches), not breaking", () => {
    const removed = changesAfter((ssm) => (schema(ssm, "StepExecutionFilterKey").enum = schema(ssm, "StepExecutionFilterKey").enum!.filter((v) => v !== "StepName")));
    expect(removed.changes).toEqual([["breaking", "DescribeAutomationStepExecutions request Filters[].Key"]]);
    const added = changesAfter((ssm) => schema(ssm, "AutomationExecutionStatus").enum!.push("PausedForReview"));
    expect(added.changes).toEqual([["flagged", "DescribeAutomationStepExecutions response StepExecutions[].StepStatus"]]);
    expect(added.ok).toBe(true);
  });

  it("AWS JSON operations are routed by X-Amz-Target: a changed target is breaking though the path stays POST /", () => {
    const result = changesAfter((ssm) => {
      const paths = ssm.paths as Record<string, unknown>;
      paths["/#X-Amz-Target=AmazonSSM.ListCommandsV2"] = paths["/#X-Amz-Target=AmazonSSM.ListCommands"];
      delete paths["/#X-Amz-Target=AmazonSSM.ListCommands"];
    });
    expect(result.changes).toEqual([["breaking", "ListCommands operation -"]]);
  });

  it("errors are known by name: moving one to another status is a flagged status change, not a removal; a new one is flagged, a common one compatible", () => {
    const result = changesAfter((ssm) => {
      const op = (ssm.paths["/#X-Amz-Target=AmazonSSM.ListCommands"] as { post: { responses: Record<string, { content: Record<string, { examples: Record<string, unknown> }> }> } }).post;
      // The responses are shared components: ListCommands gets its own copies, so only it changes.
      for (const status of ["400", "500"]) op.responses[status] = structuredClone(deref(ssm, op.responses[status]));
      const examples = (status: string) => op.responses[status]!.content["application/x-amz-json-1.1"]!.examples;
      examples("500")["InvalidNextToken"] = examples("400")["InvalidNextToken"];
      delete examples("400")["InvalidNextToken"];
      examples("400")["InvalidFilterKeyV2"] = examples("400")["InvalidFilterKey"];
      ssm.components.examples["UnrecognizedClientException"] = { summary: "x", value: { __type: "UnrecognizedClientException" }, "x-aws-common-error": true };
      examples("400")["UnrecognizedClientException"] = { $ref: "#/components/examples/UnrecognizedClientException" };
    });
    expect(result.changes.sort()).toEqual([
      ["compatible", "ListCommands error UnrecognizedClientException"],
      ["flagged", "ListCommands error InvalidFilterKeyV2"],
      ["flagged", "ListCommands error InvalidNextToken"],
    ]);
  });

  it("reads the spec at a git ref: the baseline's spec against the working tree has no breaking change", () => {
    const { version, ref } = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { releaseBaseline: { version: string; ref: string } }).releaseBaseline;
    const report = diff({ ref, version, how: "baseline" }, specsAt(root, ref), specs(), version);
    expect(report.changes.filter((c) => c.severity === "breaking")).toEqual([]);
    expect(report.changes.map((c) => `${c.operation} ${c.direction} ${c.where}`)).toContain("DescribeAutomationStepExecutions response StepExecutions[].WarningMessage");
  });
});

describe("the version rule", () => {
  it("a breaking change needs a new major; for 0.x a new minor", () => {
    expect(versionRule("1.2.3", "1.3.0", 1).ok).toBe(false);
    expect(versionRule("1.2.3", "2.0.0", 1).ok).toBe(true);
    expect(versionRule("0.1.0", "0.1.5", 1).ok).toBe(false);
    expect(versionRule("0.1.0", "0.2.0", 1)).toEqual({ ok: true, message: expect.stringContaining("new major") });
    expect(versionRule("0.1.0", "0.1.0", 1).message).toContain("the next major is 0.2.0");
    expect(versionRule("1.2.3", "1.2.3", 0).ok).toBe(true);
    expect(versionRule("1.2.3", "1.2.2", 0).ok).toBe(false);
    expect(allowsBreaking("0.9.0", "1.0.0")).toBe(true);
  });
});

describe("the last release", () => {
  const repo = mkdtempSync(join(tmpdir(), "diff-release-"));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { cwd: repo, encoding: "utf8" }).trim();

  it("is package.json's releaseBaseline before any tag, then the highest v<version> tag (numerically; no pre-release)", () => {
    git("init", "-q");
    writeFileSync(join(repo, "package.json"), JSON.stringify({ version: "0.1.0" }));
    git("add", ".");
    git("commit", "-qm", "one");
    const first = git("rev-parse", "HEAD");
    writeFileSync(join(repo, "package.json"), JSON.stringify({ version: "0.2.0", releaseBaseline: { version: "0.1.0", ref: first } }));
    expect(lastRelease(repo)).toEqual({ ref: first, version: "0.1.0", how: "baseline" });
    git("tag", "v0.1.0", first);
    git("commit", "-qam", "two");
    git("tag", "v0.2.0");
    git("tag", "v0.10.0-rc.1");
    git("tag", "release-x");
    expect(lastRelease(repo)).toEqual({ ref: "v0.2.0", version: "0.2.0", how: "tag" });
  });
});

describe("the two packages", () => {
  it("have one version, and the mock depends on exactly that version of aws-ops-contract", () => {
    const read = (file: string) => JSON.parse(readFileSync(join(root, file), "utf8")) as { version: string; dependencies: Record<string, string> };
    const [contract, mock] = [read("package.json"), read("mock/package.json")];
    expect(mock.version).toBe(contract.version);
    expect(mock.dependencies["aws-ops-contract"]).toBe(contract.version);
  });

  it("CHANGELOG.md has a section for the version (or Unreleased changes above it)", () => {
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    const headings = [...readFileSync(join(root, "CHANGELOG.md"), "utf8").matchAll(/^## \[?([^\]\s]+)\]?/gm)].map((m) => m[1]);
    expect(headings).toContain(version);
  });
});
