/**
 * The mock under a bounded load: autocannon (N connections, D seconds) sends ListCommands to this
 * package's mock (the AWS wire: `POST /`, `X-Amz-Target`, `application/x-amz-json-1.1`) and to
 * Prism alone (`prism mock -v error` on the Prism-friendly copy of the spec: `POST
 * /AmazonSSM.ListCommands`, `application/json`). Each runs in its own process; the load runs
 * alternate between them; time to first answer is from spawn to the first 200.
 */
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { dirname, join } from "node:path";
import autocannon, { type Result } from "autocannon";
import { repoRoot } from "./fixtures.js";
import { missing, mockBin, partFiles } from "./package.js";
import { PRISM_MEDIA_TYPE, prismPath, writePrismFriendlySpec } from "./prism-spec.js";
import type { Row } from "./report.js";
import { startServer, type Probe, type RunningServer } from "./servers.js";

const require = createRequire(import.meta.url);

export interface LoadOptions {
  connections: number;
  seconds: number;
}

export interface LoadFigures {
  requestsPerSecond: number;
  p99Ms: number;
  firstAnswerMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  command: string;
}

const BODY = JSON.stringify({ MaxResults: 10 });
// The headers of a signed SDK request (a fixed signature: neither server checks it, both require it).
const SIGNED = {
  "x-amz-target": "AmazonSSM.ListCommands",
  "x-amz-date": "20260101T000000Z",
  authorization:
    "AWS4-HMAC-SHA256 Credential=AKIDBENCHEXAMPLE/20260101/us-east-1/ssm/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000000000000000000000000000000000000000000000000000000000000000",
};
const OURS_PROBE: Probe = { path: "/", headers: { ...SIGNED, "content-type": "application/x-amz-json-1.1" }, body: BODY };
const PRISM_PROBE: Probe = { path: prismPath("ListCommands"), headers: { ...SIGNED, "content-type": PRISM_MEDIA_TYPE }, body: BODY };

async function load(server: RunningServer, probe: Probe, options: LoadOptions): Promise<Result> {
  return autocannon({
    url: server.url + probe.path,
    method: "POST",
    headers: probe.headers,
    body: probe.body,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
  });
}

/** The best of the rounds (the one least disturbed by anything else on the machine), with totals of failures. */
function figures(server: RunningServer, runs: Result[], command: string): LoadFigures {
  const best = runs.reduce((a, b) => (b.requests.average > a.requests.average ? b : a));
  const sum = (k: "non2xx" | "errors" | "timeouts"): number => runs.reduce((n, r) => n + r[k], 0);
  return {
    requestsPerSecond: best.requests.average,
    p99Ms: best.latency.p99,
    firstAnswerMs: server.firstAnswerMs,
    non2xx: sum("non2xx"),
    errors: sum("errors"),
    timeouts: sum("timeouts"),
    command,
  };
}

/**
 * How to run this package's mock, as a user would: its built bin; else the built startMock; else
 * startMock from the sources through tsx (which adds tsx's start-up to the time to first answer).
 */
function oursArgs(): { args: string[]; how: string } | undefined {
  const bin = mockBin();
  if (bin) return { args: [bin, "--port", "{port}", "--host", "127.0.0.1"], how: "bin" };
  const mock = partFiles("mock");
  if (mock === undefined) return undefined;
  if (mock.built) {
    const script = `const { startMock } = await import(${JSON.stringify(pathToFileURL(mock.entry).href)}); await startMock({ port: Number(process.argv[1]), host: "127.0.0.1" });`;
    return { args: ["--input-type=module", "-e", script, "{port}"], how: "built startMock" };
  }
  return { args: ["--import", "tsx", join(repoRoot, "scripts/bench/serve-mock.ts"), "--port", "{port}", "--host", "127.0.0.1"], how: "startMock via tsx" };
}

/**
 * Starts both servers (time to first answer), then alternates load runs between them, `rounds`
 * times each, so a disturbance on the machine does not land on one side only.
 */
export async function measureMock(tmp: string, options: LoadOptions & { rounds: number }): Promise<{ rows: Row[]; prism: LoadFigures; ours: LoadFigures | null }> {
  const prismCli = require.resolve("@stoplight/prism-cli/dist/index.js");
  const prismArgs = [prismCli, "mock", "-h", "127.0.0.1", "-p", "{port}", "-v", "error", writePrismFriendlySpec(tmp)];
  const how = oursArgs();
  const prismServer = await startServer(prismArgs, PRISM_PROBE);
  const oursServer = how ? await startServer(how.args, OURS_PROBE).catch(async (e: unknown) => {
    await prismServer.stop();
    throw e;
  }) : undefined;
  const prismRuns: Result[] = [];
  const oursRuns: Result[] = [];
  try {
    for (let round = 0; round < options.rounds; round++) {
      prismRuns.push(await load(prismServer, PRISM_PROBE, options));
      if (oursServer) oursRuns.push(await load(oursServer, OURS_PROBE, options));
    }
  } finally {
    await prismServer.stop();
    await oursServer?.stop();
  }
  const prism = figures(prismServer, prismRuns, `node ${prismArgs.join(" ")}`);
  const ours = oursServer && how ? figures(oursServer, oursRuns, `node ${how.args.join(" ")}`) : null;
  const base = {
    group: "mock",
    oursLabel: how ? `mock, ${how.how}` : "mock",
    theirsLabel: "Prism alone",
    ...(ours ? {} : { note: missing("mock") }),
  };
  const setting = `${options.connections} conn, ${options.seconds} s, best of ${options.rounds}`;
  const invalid = [ours, prism].filter((f) => f && (f.non2xx || f.errors || f.timeouts));
  const rows: Row[] = [
    { ...base, measure: `ListCommands req/s (${setting})`, unit: "req/s", ours: ours?.requestsPerSecond ?? null, theirs: prism.requestsPerSecond, budget: { min: 0.9 } },
    { ...base, measure: `ListCommands p99 latency (${setting})`, unit: "ms", ours: ours?.p99Ms ?? null, theirs: prism.p99Ms },
    { ...base, measure: "time to first answer", unit: "ms", ours: ours?.firstAnswerMs ?? null, theirs: prism.firstAnswerMs },
  ];
  if (invalid.length) rows[0]!.note = `non-2xx/errors/timeouts under load: ${invalid.map((f) => `${f!.non2xx}/${f!.errors}/${f!.timeouts}`).join(", ")}`;
  return { rows, prism, ours };
}

/** The data-set row's size: a 10,000-command data set. */
const DATA_COMMANDS = 10_000;
const DATA_BODY = JSON.stringify({ MaxResults: 50, Filters: [{ key: "Status", value: "Failed" }] });
const DATA_PROBE: Probe = { path: "/", headers: { ...SIGNED, "content-type": "application/x-amz-json-1.1" }, body: DATA_BODY };
/** The generated data set's seed: the same 10,000 commands every run. */
const DATA_SEED = "bench";

/**
 * A data file of `count` commands made by the mock's own generator (`generateDataSet`: the
 * services' shapes, about a fifth of them Failed), as a user would make one.
 */
export async function writeCommandsDataSet(dir: string, count = DATA_COMMANDS): Promise<string> {
  const { generateDataSet } = (await import(pathToFileURL(join(repoRoot, "mock/src/generate/index.ts")).href)) as typeof import("../../mock/src/generate/index.js");
  const { Commands } = generateDataSet({ commands: count, seed: DATA_SEED, maintenanceWindowExecutions: 0, automationExecutions: 0, workflowExecutions: 0 });
  const file = join(dir, `commands-${count}.json`);
  writeFileSync(file, JSON.stringify({ Commands }));
  return file;
}

/** The mock's bin with `--data FILE`: the built one when there is a build, else from source through tsx. */
function dataServerArgs(file: string): { args: string[]; how: string } {
  const bin = mockBin();
  const common = ["--port", "{port}", "--host", "127.0.0.1", "--data", file];
  if (bin) return { args: [bin, ...common], how: "bin --data" };
  return { args: ["--import", "tsx", join(repoRoot, "mock/src/cli.ts"), ...common], how: "bin --data via tsx" };
}

/**
 * The mock answering from a 10,000-command data set (ListCommands, Status filter, MaxResults 50:
 * full pages of 50 records, each with a NextToken) against Prism alone on its examples, alternating
 * load runs; and the time to load that data set (read, parse, validate every record, index).
 */
export async function measureMockData(tmp: string, options: LoadOptions & { rounds: number }): Promise<Row[]> {
  const file = await writeCommandsDataSet(tmp);
  // Loading: the same code `--data FILE` runs, in this process, best of 3 (the first pays module loading).
  const { MockData } = (await import(pathToFileURL(join(repoRoot, "mock/src/data/index.ts")).href)) as typeof import("../../mock/src/data/index.js");
  const loads: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const data = new MockData(file);
    loads.push(performance.now() - started);
    if (data.current.commands.length !== DATA_COMMANDS) throw new Error(`the data set loaded ${data.current.commands.length} commands, not ${DATA_COMMANDS}`);
  }

  const prismCli = require.resolve("@stoplight/prism-cli/dist/index.js");
  const prismArgs = [prismCli, "mock", "-h", "127.0.0.1", "-p", "{port}", "-v", "error", writePrismFriendlySpec(tmp)];
  const ours = dataServerArgs(file);
  const prismServer = await startServer(prismArgs, PRISM_PROBE);
  const oursServer = await startServer(ours.args, DATA_PROBE).catch(async (e: unknown) => {
    await prismServer.stop();
    throw e;
  });
  const prismRuns: Result[] = [];
  const oursRuns: Result[] = [];
  try {
    for (let round = 0; round < options.rounds; round++) {
      prismRuns.push(await load(prismServer, PRISM_PROBE, options));
      oursRuns.push(await load(oursServer, DATA_PROBE, options));
    }
  } finally {
    await prismServer.stop();
    await oursServer.stop();
  }
  const prism = figures(prismServer, prismRuns, `node ${prismArgs.join(" ")}`);
  const mine = figures(oursServer, oursRuns, `node ${ours.args.join(" ")}`);
  const setting = `${options.connections} conn, ${options.seconds} s, best of ${options.rounds}`;
  const failures = [mine, prism].filter((f) => f.non2xx || f.errors || f.timeouts);
  const rows: Row[] = [
    {
      group: "mock",
      measure: `ListCommands req/s, ${DATA_COMMANDS.toLocaleString("en-US")}-command data set, Status filter, MaxResults 50 (${setting})`,
      unit: "req/s",
      ours: mine.requestsPerSecond,
      oursLabel: `mock, ${ours.how}`,
      theirs: prism.requestsPerSecond,
      theirsLabel: "Prism alone, its examples",
      budget: { min: 0.9 },
      detail: "each answer of the data-set row is a full page of 50 generated commands (about 45 KB) with a NextToken; Prism alone answers its 2-command example",
    },
    {
      group: "mock",
      measure: `loading the ${DATA_COMMANDS.toLocaleString("en-US")}-command data set (read, parse, validate, index; best of 3)`,
      unit: "ms",
      ours: Math.min(...loads),
      oursLabel: "MockData(--data FILE)",
      theirs: 1000,
      theirsLabel: "the budget: 1 s",
      budget: { max: 1 },
    },
  ];
  if (failures.length) rows[0]!.note = `non-2xx/errors/timeouts under load: ${failures.map((f) => `${f.non2xx}/${f.errors}/${f.timeouts}`).join(", ")}`;
  return rows;
}
