import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const redocly = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
const lint = (...args: string[]) => {
  const run = spawnSync(process.execPath, [redocly, "lint", "--format", "stylish", ...args], { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
};

describe("redocly lint (redocly.yaml, both APIs)", () => {
  it("ends with no errors and no warnings", () => {
    const { status, output } = lint();
    expect(output).toContain("openapi/ssm/openapi.yaml: validated");
    expect(output).toContain("openapi/imagebuilder/openapi.yaml: validated");
    expect(output, output).toContain("Your API descriptions are valid");
    expect(output, output).not.toMatch(/\d+ (errors?|warnings?)\b/);
    expect(status, output).toBe(0);
  });

  describe("the configured rules bite", () => {
    const dir = mkdtempSync(join(tmpdir(), "lint-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    cpSync("openapi/ssm", join(dir, "ssm"), { recursive: true });
    const root = join(dir, "ssm", "openapi.yaml");
    const original = readFileSync(root, "utf8");

    it("an unused component is an error", () => {
      writeFileSync(root, original.replace("components:\n", "components:\n  schemas:\n    Unused:\n      type: string\n"));
      const { status, output } = lint(root, "--config", "redocly.yaml");
      expect(output).toContain("no-unused-components");
      expect(status).not.toBe(0);
    });

    it("an example with a member its schema lacks is an error", () => {
      writeFileSync(root, original);
      const example = join(dir, "ssm", "components", "examples", "ListCommandsRequest-DocumentSample.yaml");
      writeFileSync(example, readFileSync(example, "utf8") + "  NotAMember: 1\n");
      const { status, output } = lint(root, "--config", "redocly.yaml");
      expect(output).toContain("no-invalid-media-type-examples");
      expect(status).not.toBe(0);
    });
  });
});
