/**
 * The ways to start the mock: the `aws-ops-contract-mock` bin, `npm start` (scripts/start.ts) and
 * startMock's options (log, dynamic, spec). Spawned processes run from source with tsx.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseMockArgs } from "../../mock/src/cli-args.js";
import { startMock } from "../../mock/src/index.js";
import { send, ssmHeaders } from "./wire.js";

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string> = {}): Run {
  // `node --import tsx` (not the tsx CLI, which runs the script in a child process of its own), so
  // that killing `child` ends the mock.
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits for the "listening on <url>" line and returns the URL. */
async function listening(running: Run): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const match = /listening on (http:\/\/\S+)/.exec(running.output());
    if (match) return match[1]!;
    if (running.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the mock did not start:\n${running.output()}`);
}

/** A port that was free a moment ago (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once("error", reject);
  });
}

describe("parseMockArgs", () => {
  it("defaults to port 4010 on 127.0.0.1 (startMock's default host)", () => {
    expect(parseMockArgs([], {})).toEqual({ help: false, options: { port: 4010 } });
  });

  it("takes --port over $PORT, and $PORT over the default", () => {
    expect(parseMockArgs(["--port", "4011"], { PORT: "4012" })).toMatchObject({ options: { port: 4011 } });
    expect(parseMockArgs([], { PORT: "4012" })).toMatchObject({ options: { port: 4012 } });
  });

  it("takes --spec (repeated), --dynamic, --log, --host", () => {
    expect(parseMockArgs(["--spec", "ssm", "--spec", "x.json", "--dynamic", "--log", "--host", "::1"], {})).toEqual({
      help: false,
      options: { port: 4010, specs: ["ssm", "x.json"], dynamic: true, log: true, host: "::1" },
    });
  });

  it.each(["--port=http", "--port=70000", "--port=-1", "--port="])("refuses %s", (arg) => {
    expect(() => parseMockArgs([arg], {})).toThrow(/--port must be a number from 0 to 65535/);
  });

  it("takes --admin-origin and --admin-host (repeatable), and refuses an origin that is not one", () => {
    expect(parseMockArgs(["--admin-origin", "http://localhost:5173", "--admin-origin", "*", "--admin-host", "mock"], {})).toEqual({
      help: false,
      options: { port: 4010, admin: { origins: ["http://localhost:5173", "*"], hosts: ["mock"] } },
    });
    expect(() => parseMockArgs(["--admin-origin", "localhost:5173"], {})).toThrow(/--admin-origin must be an origin such as http:\/\/localhost:5173, or \*/);
  });

  it("refuses unknown options", () => {
    expect(() => parseMockArgs(["--verbose"], {})).toThrow(/Unknown option '--verbose'/);
  });
});

describe("the aws-ops-contract-mock bin (mock/src/cli.ts)", () => {
  it("serves the mock, quiet by default, and stops on SIGTERM", async () => {
    const running = run(["mock/src/cli.ts", "--port", "0"]);
    const url = await listening(running);
    expect(running.output()).toContain(`--endpoint-url ${url} --region us-east-1`);
    const before = running.output();
    expect((await send(url, { headers: ssmHeaders("ListCommands"), body: "{}" })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(running.output()).toBe(before);
    running.child.kill("SIGTERM");
    expect(await running.exited).toBe(0);
  });

  it("--log prints one line per request", async () => {
    const running = run(["mock/src/cli.ts", "--port", "0", "--log"]);
    const url = await listening(running);
    await send(url, { headers: ssmHeaders("ListCommands", { prefer: "example=InvalidNextToken" }), body: "{}" });
    const requestLines = (): string[] => running.output().split("\n").filter((line) => / POST \/ /.test(line));
    for (let i = 0; i < 40 && requestLines().length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const lines = requestLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/POST \/ AmazonSSM.ListCommands InvalidNextToken 400 [\d.]+ms [0-9a-f-]{36}$/);
  });

  it("the banner's Image Builder command names a workflow of the data set served, and answers", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mock-banner-"));
    try {
      const workflowExecutionId = "wf-0badc0de-0000-4000-8000-000000000001";
      const file = join(dir, "fleet.json");
      writeFileSync(file, JSON.stringify({ WorkflowExecutions: [{ workflowExecutionId, steps: [{ stepExecutionId: "step-0badc0de-0000-4000-8000-000000000001", name: "build", status: "COMPLETED" }] }] }));
      const running = run(["mock/src/cli.ts", "--port", "0", "--data", file]);
      const url = await listening(running);
      const printed = /--workflow-execution-id (\S+)/.exec(running.output())?.[1];
      expect(printed).toBe(workflowExecutionId);
      const answer = await send(url, { path: "/ListWorkflowStepExecutions", headers: { "content-type": "application/json" }, body: JSON.stringify({ workflowExecutionId: printed }) });
      expect(answer.status).toBe(200);

      // A data set without workflows: no ID that would answer "not found".
      writeFileSync(file, JSON.stringify({ Commands: [] }));
      const empty = run(["mock/src/cli.ts", "--port", "0", "--data", file]);
      await listening(empty);
      expect(empty.output()).not.toContain("--workflow-execution-id");
      expect(empty.output()).toContain("has no WorkflowExecutions");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--log names the data endpoint once per line", async () => {
    const running = run(["mock/src/cli.ts", "--port", "0", "--log"]);
    const url = await listening(running);
    const put = await send(url, { method: "PUT", path: "/_mock/data", headers: { "content-type": "application/json" }, body: "{}" });
    expect(put.status).toBe(200);
    const lines = (): string[] => running.output().split("\n").filter((line) => line.includes("/_mock/data"));
    for (let i = 0; i < 40 && lines().length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).toMatch(/ PUT \/_mock\/data admin 200 [\d.]+ms [0-9a-f-]{36}$/);
    expect(lines()[0]!.split("/_mock/data")).toHaveLength(2);
  });

  it("--spec serves only the named document", async () => {
    const running = run(["mock/src/cli.ts", "--port", "0", "--spec", "imagebuilder"]);
    const url = await listening(running);
    const answer = await send(url, { headers: ssmHeaders("ListCommands"), body: "{}" });
    expect(answer.status).toBe(404);
    expect(answer.errorName).toBe("UnknownOperationException");
  });

  it.each([
    [["--help"], 0, /Usage: aws-ops-contract-mock \[--port N\]/],
    [["--port", "x"], 2, /--port must be a number/],
    [["serve"], 2, /Unexpected argument: serve/],
    [["--port", "0", "--spec", "/nonexistent.json"], 1, /Cannot read the spec \/nonexistent.json/],
  ])("%j exits %i", async (args, code, output) => {
    const running = run(["mock/src/cli.ts", ...args]);
    expect(await running.exited).toBe(code);
    expect(running.output()).toMatch(output);
  });
});

describe("npm start (scripts/start.ts)", () => {
  it("listens on --port and prints how to point the SDK and the AWS CLI at it", async () => {
    const port = await freePort();
    const running = run(["scripts/start.ts", "--port", String(port)], { DOCS_PORT: "0" });
    const url = await listening(running);
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(running.output()).toContain(`endpoint: "${url}"`);
    expect(running.output()).toContain(`aws ssm list-commands --endpoint-url ${url} --region us-east-1`);
    expect((await send(url, { path: "/ListWorkflowStepExecutions", headers: { "content-type": "application/json" }, body: '{"workflowExecutionId":"wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b"}' })).status).toBe(200);
  });

  it("serves the API docs next to the mock and prints their URL", async () => {
    const running = run(["scripts/start.ts", "--port", "0"], { DOCS_PORT: "0" });
    await listening(running);
    const docs = /API docs served on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(running.output());
    expect(docs, running.output()).not.toBeNull();
    for (const page of ["", "ssm.html", "imagebuilder.html"]) {
      const response = await fetch(`${docs![1]}${page}`);
      expect(response.status, page).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    }
  });

  it("listens on $PORT", async () => {
    const port = await freePort();
    const running = run(["scripts/start.ts"], { PORT: String(port), DOCS_PORT: "0" });
    expect(await listening(running)).toBe(`http://127.0.0.1:${port}`);
  });

  it("says so when the port is taken", async () => {
    const mock = await startMock({ port: 0 });
    try {
      const running = run(["scripts/start.ts", "--port", new URL(mock.url).port], { DOCS_PORT: "0" });
      expect(await running.exited).toBe(1);
      expect(running.output()).toMatch(/Cannot start the mock and docs: .*EADDRINUSE/);
    } finally {
      await mock.close();
    }
  });
});

describe("startMock options", () => {
  it("log: a function receives one line per request", async () => {
    const lines: string[] = [];
    const mock = await startMock({ port: 0, log: (line) => lines.push(line) });
    try {
      await send(mock.url, { headers: ssmHeaders("ListCommands"), body: "{}" });
      await send(mock.url, { headers: ssmHeaders("Nope"), body: "{}" });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/ POST \/ AmazonSSM.ListCommands 200 /);
      expect(lines[1]).toMatch(/ POST \/ UnknownOperationException 400 /);
    } finally {
      await mock.close();
    }
  });

  it("dynamic: true answers with generated data unless Prefer says dynamic=false", async () => {
    const mock = await startMock({ port: 0, dynamic: true, spec: "imagebuilder" });
    try {
      const body = '{"workflowExecutionId":"wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b"}';
      const headers = { "content-type": "application/json" };
      const generated = await send(mock.url, { path: "/ListWorkflowStepExecutions", headers, body });
      const example = await send(mock.url, { path: "/ListWorkflowStepExecutions", headers: { ...headers, prefer: "dynamic=false" }, body });
      // dynamic=false: the default data set, whose steps are those of the documented examples.
      expect((example.json?.["steps"] as Array<{ name: string }>)[0]?.name).toBe("LaunchBuildInstance");
      expect(generated.json).not.toEqual(example.json);
    } finally {
      await mock.close();
    }
  });

  it("close() ends open keep-alive connections too", async () => {
    const mock = await startMock({ port: 0 });
    await send(mock.url, { headers: ssmHeaders("ListCommands"), body: "{}" });
    await mock.close();
    await expect(fetch(mock.url, { method: "POST" })).rejects.toThrow();
  });
});
