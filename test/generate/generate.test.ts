/** `npm run generate -- --check` in a scratch copy of the repository: it passes, then names each stale file. */
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "generate-check-"));
// src/: the generator reads the spec with the operation model (src/model) and compiles with the package's ajv configuration.
for (const entry of ["openapi", "scripts", "src", "generated", "redocly.yaml", "package.json"]) cpSync(join(root, entry), join(scratch, entry), { recursive: true });
symlinkSync(join(root, "node_modules"), join(scratch, "node_modules"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const tsx = join(root, "node_modules", ".bin", "tsx");
const run = (...args: string[]) => {
  const result = spawnSync(tsx, ["scripts/generate.ts", ...args], { cwd: scratch, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe("scripts/generate.ts", () => {
  it("--help explains the outputs and --check", () => {
    const { status, stdout } = run("--help");
    expect(status).toBe(0);
    expect(stdout).toContain("--check");
    expect(stdout).toContain("generated/validators/<api>.js");
  });

  it("--check passes on the committed tree", () => {
    const { status, stdout } = run("--check");
    expect(status).toBe(0);
    expect(stdout).toContain("generated/ is up to date");
  });

  it("--check fails naming every differing, missing and extra file", () => {
    appendFileSync(join(scratch, "generated/types/ssm.ts"), "\n");
    unlinkSync(join(scratch, "generated/validators/imagebuilder.d.ts"));
    writeFileSync(join(scratch, "generated/validators/stale.js"), "");
    const { status, stderr } = run("--check");
    expect(status).toBe(1);
    expect(stderr).toContain("differs: generated/types/ssm.ts");
    expect(stderr).toContain("missing: generated/validators/imagebuilder.d.ts");
    expect(stderr).toContain("extra (not produced by the spec): generated/validators/stale.js");
    expect(stderr).not.toContain("generated/openapi/ssm.json");
  });

  it("regenerating restores the tree, and a spec change makes --check name what it changes", () => {
    expect(run().status).toBe(0);
    expect(run("--check").status).toBe(0);
    const schema = join(scratch, "openapi/ssm/components/schemas/CommandMaxResults.yaml");
    writeFileSync(schema, readFileSync(schema, "utf8").replace(/maximum: \d+/, "maximum: 49"));
    const { status, stderr } = run("--check");
    expect(status).toBe(1);
    expect(stderr).toContain("differs: generated/openapi/ssm.json");
    expect(stderr).toContain("differs: generated/validators/ssm.js");
    expect(stderr).not.toContain("imagebuilder");
  }, 120_000); // three full generations (bundle, openapi-typescript, ajv) on a shared machine

  it("rejects an unknown argument", () => {
    const { status, stderr } = run("--chek");
    expect(status).toBe(2);
    expect(stderr).toContain("generate: Unknown option '--chek'");
    expect(stderr).toContain("Usage: npm run generate");
  });
});
