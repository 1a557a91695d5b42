/**
 * The scripts' command-line shell (scripts/lib/cli.ts) where it used to fail: a checkout whose path
 * contains a space. The repository's files are copied to such a path (node_modules linked), and
 * there `npm run generate -- --check` must pass on the clean copy and fail on a stale one, and every
 * script must answer --help. Also: every script in scripts/ goes through runIfMain and the one
 * parser, and a bad argument exits 2 with the message and the usage.
 */
import { execFile, execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMain, parseCommandLine, UsageError } from "../../scripts/lib/cli.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = join(root, "node_modules", ".bin", "tsx");
const run = promisify(execFile);

/** Every .ts file under scripts/, relative to the repository root. */
function scriptFiles(dir = join(root, "scripts")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? scriptFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [relative(root, join(dir, entry.name))] : [],
  );
}
/** The scripts run as commands: those that call runIfMain. */
const entryPoints = scriptFiles().filter((file) => readFileSync(join(root, file), "utf8").includes("runIfMain(import.meta.url"));

describe("every script in scripts/ uses the one run-if-main and parser", () => {
  it("each npm script that runs a file of scripts/ runs one that calls runIfMain", () => {
    const { scripts } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    const run = Object.values(scripts).flatMap((command) => [...command.matchAll(/tsx (scripts\/\S+\.ts)/g)].map((m) => m[1]!));
    expect(run.length).toBeGreaterThan(5);
    for (const file of run) expect(entryPoints, `${file} is run by an npm script`).toContain(file);
  });

  it("no script compares import.meta.url with argv or parses process.argv itself", () => {
    const offenders = scriptFiles()
      .filter((file) => file !== "scripts/lib/cli.ts")
      .filter((file) => /file:\/\/\$\{process\.argv|process\.argv\.(slice|includes|indexOf)/.test(readFileSync(join(root, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("scripts/lib/cli.ts", () => {
  it("isMain compares paths, so a space (percent-encoded in the URL) or a symlink does not defeat it", () => {
    const dir = mkdtempSync(join(tmpdir(), "cli main-"));
    try {
      const file = join(dir, "a script.ts");
      writeFileSync(file, "");
      symlinkSync(file, join(dir, "link.ts"));
      const url = new URL(`file://${file}`).href;
      expect(url).toContain("%20");
      expect(isMain(url, file)).toBe(true);
      expect(isMain(url, relative(process.cwd(), file))).toBe(true);
      expect(isMain(url, join(dir, "link.ts"))).toBe(true);
      expect(isMain(url, join(dir, "other.ts"))).toBe(false);
      expect(isMain(url, undefined)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("parseCommandLine refuses unknown options, missing values and stray positionals with a UsageError naming them", () => {
    const options = { out: { type: "string" }, check: { type: "boolean" } } as const;
    expect(parseCommandLine(["--out", "x", "--check"], { options }).values).toEqual({ out: "x", check: true });
    expect(() => parseCommandLine(["--chek"], { options })).toThrow(new UsageError("Unknown option '--chek'"));
    expect(() => parseCommandLine(["--out"], { options })).toThrow(UsageError);
    expect(() => parseCommandLine(["--out"], { options })).toThrow(/--out/);
    expect(() => parseCommandLine(["stray"], { options })).toThrow(new UsageError("Unexpected argument 'stray'"));
  });
});

describe("in a checkout whose path contains a space", () => {
  const work = mkdtempSync(join(tmpdir(), "scripts-cli-"));
  const copy = join(work, "my checkout");

  beforeAll(() => {
    // The files git would check out (tracked, and new ones not ignored), as a clone has them.
    const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean);
    for (const file of files) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      try {
        cpSync(join(root, file), join(copy, file));
      } catch {
        // listed in the index but deleted in the working tree
      }
    }
    symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const npmRun = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    try {
      const { stdout, stderr } = await run("npm", ["run", "--silent", ...args], { cwd: copy, encoding: "utf8", timeout: 120_000, env: { ...process.env, npm_config_update_notifier: "false" } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof failed.code === "number" ? failed.code : -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
    }
  };

  it("npm run generate -- --check passes on the clean copy and fails on a stale spec", async () => {
    expect(copy).toContain(" ");
    const clean = await npmRun(["generate", "--", "--check"]);
    expect(clean.stdout).toContain("generated/ is up to date");
    expect(clean.code).toBe(0);

    const spec = join(copy, "openapi/ssm/paths/ListCommands.yaml");
    const text = readFileSync(spec, "utf8");
    const stale = text.replace("description: The commands, one page at a time.", "description: The commands, a page at a time.");
    expect(stale).not.toBe(text);
    writeFileSync(spec, stale);
    const check = await npmRun(["generate", "--", "--check"]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("differs: generated/openapi/ssm.json");
  }, 240_000);

  it.each(entryPoints)("%s --help prints its usage and exits 0", async (file) => {
    const { stdout } = await run(tsx, [file, "--help"], { cwd: copy, encoding: "utf8", timeout: 60_000 });
    expect(stdout).toMatch(/^Usage: /);
  }, 90_000);

  it("a bad argument exits 2 with the message and the usage", async () => {
    const result = await npmRun(["generate", "--", "--chek"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("generate: Unknown option '--chek'");
    expect(result.stderr).toContain("Usage: npm run generate");
  }, 90_000);
});
