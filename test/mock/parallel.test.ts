/**
 * One mock, many parallel test files: runs the Vitest project of test/mock/parallel (its global
 * set-up starts one mock with isolation by access key ID) in its own Vitest process, two files in
 * two worker processes at once, and checks that both passed: each saw only its own data set,
 * journal entries and fault counter while the other was at work (scenario.ts).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "mock-parallel-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

it("two parallel Vitest workers against one mock see neither each other's data, journal nor faults", async () => {
  // The outer run's own Vitest variables would make the inner Vitest think it is one of its workers.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST") && key !== "NODE_OPTIONS"));
  const report = join(dir, "report.json");
  const vitest = join(root, "node_modules/vitest/vitest.mjs");
  const { code, output } = await run([vitest, "run", "--config", "test/mock/parallel/vitest.config.ts", "--reporter", "json", "--outputFile", report], { ...env, PARALLEL_DIR: dir });
  expect(code, output).toBe(0);
  const results = JSON.parse(readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number; testResults: { name: string; status: string }[] };
  expect(results.numFailedTests).toBe(0);
  expect(results.testResults.map((file) => [file.name.replace(/.*\//, ""), file.status]).sort()).toEqual([["worker-a.parallel.ts", "passed"], ["worker-b.parallel.ts", "passed"]]);
  // Two worker processes, neither of them this one.
  const pids = ["a", "b"].map((worker) => Number(readFileSync(join(dir, `${worker}.done`), "utf8")));
  expect(new Set(pids).size).toBe(2);
  expect(pids).not.toContain(process.pid);
}, 150_000);
