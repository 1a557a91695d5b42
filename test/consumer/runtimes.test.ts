/**
 * The packed package in the other runtimes that resolve its `default` export condition, where one is
 * on this machine: Deno (the `deno` on PATH, or the binary `DENO` names; npm's `deno` package ships
 * one). The Node.js entry runs there on Deno's node:http, node:crypto and node:zlib: a call, retries
 * on Prefer failures, clock-skew correction and validation against the mock with signatures checked.
 * Skipped, saying so, where there is no Deno. Bun is not tried: npm's `bun` package ships no Linux
 * binary here.
 */
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock } from "../../mock/src/index.js";
import { installTarballs, pack, tempDir } from "../support/pack.js";

const DENO = process.env["DENO"] ?? "deno";
const HAS_DENO = spawnSync(DENO, ["--version"], { encoding: "utf8" }).status === 0;

const SCRIPT = `import { createSsmClient, isServiceError, standardRetryStrategy } from "aws-ops-contract";
const endpoint = Deno.args[0];
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const retryStrategy = standardRetryStrategy({ random: () => 0 });
const out = {};
out.commands = (await createSsmClient({ region: "us-east-1", endpoint, credentials, retryStrategy }).listCommands({ MaxResults: 2 })).Commands.length;
out.retried = "Commands" in (await createSsmClient({ region: "us-east-1", endpoint, credentials, retryStrategy, headers: { prefer: "code=500, failures=2" } }).listCommands({}));
out.skewed = "Commands" in (await createSsmClient({ region: "us-east-1", endpoint, credentials, retryStrategy, now: () => new Date(Date.now() - 20 * 60000), validateResponses: true }).listCommands({}));
out.typed = await createSsmClient({ region: "us-east-1", endpoint, credentials, headers: { prefer: "example=InvalidNextToken" } }).listCommands({}).catch((e) => isServiceError(e, "InvalidNextToken"));
console.log(JSON.stringify(out));
`;

describe.skipIf(!HAS_DENO)(`the package in Deno${HAS_DENO ? "" : " (skipped: no deno on PATH or in DENO)"}`, () => {
  let work: string;
  let mock: Awaited<ReturnType<typeof startMock>>;
  beforeAll(async () => {
    work = tempDir("runtimes-");
    writeFileSync(join(work, "package.json"), JSON.stringify({ name: "runtimes", private: true, type: "module" }));
    installTarballs(work, [pack(work)]);
    writeFileSync(join(work, "call.mjs"), SCRIPT);
    mock = await startMock({ port: 0, auth: "sigv4", log: () => undefined });
  }, 240_000);
  afterAll(async () => {
    await mock?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("the Node entry (default condition) calls, retries, corrects a 20-minute skew and validates", async () => {
    // Asynchronously: the mock answers from this process.
    const { stdout: output } = await promisify(execFile)(DENO, ["run", "--allow-net", "--allow-env", "--allow-read", "call.mjs", mock.url], { cwd: work, encoding: "utf8", timeout: 60_000 });
    expect(JSON.parse(output.trim().split("\n").at(-1)!)).toEqual({ commands: 2, retried: true, skewed: true, typed: true });
  });
});
