/**
 * The code samples the docs show (docs/samples/<Operation>/) cannot rot: the shell samples are read
 * as a shell would and checked against the spec (target, media type, body schema), then run for real
 * (curl, and the AWS CLI when installed) against a loopback stand-in that records what arrives; the
 * TypeScript samples are type-checked against the package source.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, SAMPLE_FILES, withCodeSamples } from "../../scripts/docs.js";
import { DEFAULT_CREDENTIALS, startMock, type RunningMock } from "../../mock/src/index.js";
import { loadSpec } from "../openapi/load.js";
import { AWS_CLI_ENV, awsCliCannotRun } from "../support/aws-cli.js";
import { parseAwsCli, parseCurl, readSample, requestErrors, responseErrors, shellWords, specOperations, type SpecOperation } from "./samples.js";

const MOCK_URL = "http://127.0.0.1:4010";
const operations = specOperations();
const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
const hasCommand = (name: string): boolean => spawnSync("sh", ["-c", `command -v ${name}`]).status === 0;

describe("docs/samples has the three samples for exactly the spec's operations", () => {
  it("one folder per operation, each with curl.sh, aws-cli.sh and client.ts", () => {
    const folders = readdirSync(join(ROOT, "docs", "samples")).sort();
    expect(folders).toEqual(operations.map((op) => op.operationId).sort());
    for (const op of operations) {
      for (const { file } of SAMPLE_FILES) expect(existsSync(join(ROOT, "docs", "samples", op.operationId, file)), `${op.operationId}/${file}`).toBe(true);
    }
  });

  it("the build puts them on every operation as x-codeSamples, and refuses an operation without samples", () => {
    const doc = loadSpec("ssm") as unknown as Parameters<typeof withCodeSamples>[0];
    const { doc: decorated, operationIds } = withCodeSamples(doc, new Set(["ListWorkflowStepExecutions"]));
    expect(operationIds).toHaveLength(4);
    const listCommands = decorated.paths["/#X-Amz-Target=AmazonSSM.ListCommands"]!["post"] as unknown as { "x-codeSamples": Array<{ label: string; source: string }> };
    expect(listCommands["x-codeSamples"].map((s) => s.label)).toEqual(["curl", "AWS CLI", "TypeScript"]);
    expect(listCommands["x-codeSamples"][0]!.source).toBe(readSample("ListCommands", "curl.sh").replace(/^#!.*\n/, ""));
    expect(JSON.stringify(doc)).not.toContain("x-codeSamples"); // the input is not modified

    const renamed = structuredClone(doc);
    (renamed.paths["/#X-Amz-Target=AmazonSSM.ListCommands"]!["post"] as Record<string, unknown>)["operationId"] = "ListCommandz";
    expect(() => withCodeSamples(renamed, new Set(["ListWorkflowStepExecutions"]))).toThrow(/missing code sample docs\/samples\/ListCommandz\/curl\.sh/);
  });
});

describe("shell sample reader", () => {
  it("handles quotes, continuations and comments like sh", () => {
    expect(shellWords(`# comment\ncurl -H 'A: b c' \\\n  --data-raw '{"x":1}' "a\\"b"\n`)).toEqual(["curl", "-H", "A: b c", "--data-raw", '{"x":1}', 'a"b']);
    expect(() => shellWords("curl 'open")).toThrow(/unterminated/);
    expect(() => shellWords("curl a\ncurl b")).toThrow(/more than one command/);
  });

  it("catches a body that breaks the schema and an option the operation does not have", () => {
    const listCommands = operations.find((op) => op.operationId === "ListCommands")!;
    const bad = parseCurl(readSample("ListCommands", "curl.sh").replace('"MaxResults":10', '"MaxResults":500'));
    expect(requestErrors(listCommands, JSON.parse(bad.body!))).toEqual(["/MaxResults must be <= 50"]);
    expect(() => parseAwsCli(readSample("ListCommands", "aws-cli.sh").replace("--max-results", "--max-items"), listCommands.requestSchema)).toThrow(
      /--max-items names no member/,
    );
  });
});

describe.each(operations)("$operationId samples say what the wire needs", (op: SpecOperation) => {
  const service = op.api; // the SigV4 service name and the CLI's service name are the API's name here

  it("curl: POST to the mock, the operation's X-Amz-Target and media type, SigV4 for the service, a valid body", () => {
    const curl = parseCurl(readSample(op.operationId, "curl.sh"));
    expect(curl.method).toBe("POST");
    expect(curl.url).toBe(`${MOCK_URL}${op.wirePath}`);
    expect(curl.headers["content-type"]).toBe(op.mediaType);
    expect(curl.headers["x-amz-target"]).toBe(op.target);
    expect(curl.sigv4).toBe(`aws:amz:us-east-1:${service}`);
    expect(curl.body).toBeDefined();
    expect(requestErrors(op, JSON.parse(curl.body!))).toEqual([]);
  });

  it("AWS CLI: the operation's command, --endpoint-url at the mock, options that make a valid body", () => {
    const cli = parseAwsCli(readSample(op.operationId, "aws-cli.sh"), op.requestSchema);
    expect([cli.service, cli.command]).toEqual([service, kebab(op.operationId)]);
    expect(cli.endpointUrl).toBe(MOCK_URL);
    expect(cli.region).toBeDefined();
    expect(requestErrors(op, cli.body)).toEqual([]);
  });

  it("TypeScript: imports this package's client and points it at the mock", () => {
    const source = readSample(op.operationId, "client.ts");
    expect(source).toMatch(/from "aws-ops-contract";/);
    expect(source).toContain(`endpoint: "${MOCK_URL}"`);
    const method = op.operationId.replace(/^./, (c) => c.toLowerCase());
    expect(source).toMatch(new RegExp(`\\.(${method}|paginate${op.operationId})\\(`));
  });
});

/** A loopback stand-in for the mock: records each request and answers with the spec's first 200 example. */
describe("the shell samples run, and send what they say", () => {
  let server: Server;
  let base = "";
  const seen: Array<{ method: string; url: string; headers: Record<string, string | string[] | undefined>; body: string }> = [];
  let answer: SpecOperation | undefined;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        const body = JSON.stringify(answer?.okExample ?? {});
        res.writeHead(200, { "content-type": answer?.mediaType === "application/json" ? "application/json" : "application/x-amz-json-1.1", "x-amzn-requestid": "rec-1" });
        res.end(body);
      });
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  // Asynchronous on purpose: the recorder answers from this process's event loop.
  const sh = (script: string, env: Record<string, string>) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((ok) => {
      const child = execFile("sh", ["-c", script], { encoding: "utf8", timeout: 20_000, env }, (err, stdout, stderr) =>
        ok({ status: err ? (typeof err.code === "number" ? err.code : null) : 0, stdout, stderr }),
      );
      child.stdin?.end();
    });

  const run = async (op: SpecOperation, file: string, env: Record<string, string> = {}) => {
    const script = readSample(op.operationId, file);
    expect(script.split(MOCK_URL)).toHaveLength(2); // names the mock exactly once
    answer = op;
    seen.length = 0;
    const result = await sh(script.replace(MOCK_URL, base), { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "/tmp", ...env });
    expect(result.status, `${file} failed: ${result.stderr}`).toBe(0);
    expect(seen).toHaveLength(1);
    const request = seen[0]!;
    expect(request.method).toBe("POST");
    expect(request.url).toBe(op.wirePath);
    expect(request.headers["x-amz-target"]).toBe(op.target);
    expect(String(request.headers["content-type"]).split(";")[0]).toBe(op.mediaType);
    expect(String(request.headers["authorization"])).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=[^/]+/\\d{8}/us-east-1/${op.api}/aws4_request`));
    const body = JSON.parse(request.body) as unknown;
    expect(requestErrors(op, body)).toEqual([]);
    return { body, stdout: result.stdout };
  };

  it.skipIf(!hasCommand("curl")).each(operations)("curl sample for $operationId", async (op: SpecOperation) => {
    const { body, stdout } = await run(op, "curl.sh");
    expect(body).toEqual(JSON.parse(parseCurl(readSample(op.operationId, "curl.sh")).body!));
    expect(JSON.parse(stdout)).toEqual(op.okExample);
  });

  // The AWS CLI is not a dependency of this package; where it is installed, it proves the samples'
  // options are ones the real CLI accepts and maps to the body the spec expects.
  it.for(operations)("AWS CLI sample for $operationId (skipped where the installed aws cannot run it)", async (op: SpecOperation, { skip }) => {
    const cannot = awsCliCannotRun(op.api, op.operationId);
    if (cannot) skip(cannot);
    const { body, stdout } = await run(op, "aws-cli.sh", AWS_CLI_ENV);
    expect(body).toEqual(parseAwsCli(readSample(op.operationId, "aws-cli.sh"), op.requestSchema).body);
    expect(JSON.parse(stdout)).toBeTypeOf("object");
  });
});

/**
 * Against the mock as a reader runs it with signature checking on (`--auth sigv4`): the samples'
 * own credentials must be the ones the mock accepts by default, or curl gets
 * InvalidSignatureException and the TypeScript client throws.
 */
describe("the samples work against the contract mock with --auth sigv4", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, auth: "sigv4" });
  });
  afterAll(() => mock?.close());

  // No AWS_* credentials of the reader's: curl falls back to the sample's own, the CLI gets the
  // ones the mock prints (the default pair).
  const base = { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "/tmp" };
  const exec = (file: string, args: string[], env: Record<string, string>) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((ok) => {
      execFile(file, args, { encoding: "utf8", timeout: 30_000, env, cwd: ROOT }, (err, stdout, stderr) =>
        ok({ status: err ? (typeof err.code === "number" ? err.code : null) : 0, stdout, stderr }),
      );
    });
  const sample = (op: SpecOperation, file: string): string => readSample(op.operationId, file).replace(MOCK_URL, mock.url.replace(/\/$/, ""));

  it("the mock really checks: a wrong secret is refused", async () => {
    const script = sample(operations[0]!, "curl.sh");
    const result = await exec("sh", ["-c", script], { ...base, AWS_ACCESS_KEY_ID: DEFAULT_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" });
    expect(result.stdout).toContain("InvalidSignatureException");
  });

  it.skipIf(!hasCommand("curl")).each(operations)("curl sample for $operationId gets an answer valid against the 200 schema", async (op: SpecOperation) => {
    const result = await exec("sh", ["-c", sample(op, "curl.sh")], base);
    expect(result.status, result.stderr).toBe(0);
    expect(responseErrors(op, JSON.parse(result.stdout))).toEqual([]);
  });

  it.for(operations)("AWS CLI sample for $operationId succeeds (skipped where the installed aws cannot run it)", async (op: SpecOperation, { skip }) => {
    const cannot = awsCliCannotRun(op.api, op.operationId);
    if (cannot) skip(cannot);
    const result = await exec("sh", ["-c", sample(op, "aws-cli.sh")], { ...base, ...AWS_CLI_ENV, AWS_ACCESS_KEY_ID: DEFAULT_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: DEFAULT_CREDENTIALS.secretAccessKey });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toBeTypeOf("object");
  });

  it.each(operations)("TypeScript sample for $operationId runs and prints an answer", async (op: SpecOperation) => {
    const dir = join(ROOT, "build", "docs-samples-run");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${op.operationId}.ts`);
    writeFileSync(file, sample(op, "client.ts"));
    try {
      // docs/tsconfig.json maps "aws-ops-contract" to the package source, as it does for tsc.
      const result = await exec(process.execPath, ["--import", "tsx", file], { ...base, TSX_TSCONFIG_PATH: join(ROOT, "docs", "tsconfig.json") });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(result.stdout).not.toBe("");
    } finally {
      rmSync(file, { force: true });
    }
  });
});

describe("the docs name the mock's real default credentials", () => {
  // The IAM guide's example secret differs from the SigV4 test suite's by one character ("/" for "+").
  const lookalike = DEFAULT_CREDENTIALS.secretAccessKey.replace("+", "/");
  const files = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));

  it.each(["README.md", "mock/README.md", ...files("docs")])("%s", (file) => {
    const text = readFileSync(join(ROOT, file), "utf8");
    expect(text).not.toContain(lookalike);
    if (text.includes("EXAMPLEKEY")) expect(text).toContain(DEFAULT_CREDENTIALS.secretAccessKey);
  });
});

describe("TypeScript samples type-check against the package source", () => {
  const clientSource = join(ROOT, "src", "index.ts");
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const typeCheck = (project: string) => spawnSync(process.execPath, [tsc, "-p", project, "--pretty", "false"], { cwd: ROOT, encoding: "utf8" });
  // Without the client's entry point there is nothing to check the samples against.
  const reason = existsSync(clientSource) ? "" : " (SKIPPED: src/index.ts, the client, is missing)";

  it.skipIf(reason !== "")(`docs/tsconfig.json compiles with no errors${reason}`, () => {
    const result = typeCheck(join(ROOT, "docs", "tsconfig.json"));
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it.skipIf(reason !== "")(`a sample calling a member the API lacks fails the check${reason}`, () => {
    const dir = join(ROOT, "build", "docs-samples-check");
    mkdirSync(dir, { recursive: true });
    try {
      const broken = readSample("ListCommands", "client.ts").replace("MaxResults: 10", "MaxResult: 10");
      writeFileSync(join(dir, "broken.ts"), broken);
      writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ extends: "../../docs/tsconfig.json", include: [], files: ["broken.ts"] }));
      const result = typeCheck(join(dir, "tsconfig.json"));
      expect(result.stdout).toMatch(/broken\.ts\(\d+,\d+\): error TS\d+: .*MaxResult/);
      expect(result.status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
