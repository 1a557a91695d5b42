/**
 * `npm run bench`: every measurement side by side in one run, as ratios to the alternative measured
 * in the same run, budgets marked met or missed. Prints one table; a full run writes
 * bench/results.json (and, with --contributing, the table in CONTRIBUTING.md).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseCommandLine, parseCount, runIfMain, UsageError } from "../lib/cli.js";
import { consumerRows, measureConsumer } from "./consumer.js";
import { repoRoot } from "./fixtures.js";
import { installRows, measureInstall } from "./install.js";
import { measureMock, measureMockData, measureMockJournal } from "./mock.js";
import { buildFailure, buildPackage } from "./package.js";
import { evaluate, formatTable, machine, type Row } from "./report.js";
import { measureRoundTrip } from "./roundtrip.js";
import { measureValidation } from "./validation.js";

const GROUPS = ["consumer", "install", "roundtrip", "validation", "mock", "mock-data", "mock-journal"] as const;
type Group = (typeof GROUPS)[number];

const HELP = `Usage: npm run bench [-- options]

Measures this package against the alternative, side by side in one run:
  consumer    min+gzip browser bundle (esbuild) of one signed ListCommands call, and tsc's cost
              (files, declaration lines, time) for a small consumer: vs @aws-sdk/client-ssm
  install     packages and MB of node_modules that npm install of the packed package adds to an
              empty project (npm cache preferred): vs npm install @aws-sdk/client-ssm
  roundtrip   ListCommands calls/s against a 127.0.0.1 SSM endpoint: client (with and without
              validateResponses) vs the AWS SDK v3 SSMClient
  validation  validate() of a 50-command ListCommands response vs JSON.parse of the same bytes
  mock        req/s and p99 under autocannon load, and time to first answer: mock vs Prism alone
  mock-data   the mock serving a 10,000-command data set (ListCommands, Status filter, MaxResults
              50) vs Prism alone on its examples, req/s, as recorded and with every command on a
              timeline; and that data set's load time (< 1 s)
  mock-journal
              the mock's ListCommands req/s with its request journal on (the default) vs the
              same mock with --journal-size 0, in one run (within 10%)

Options:
  --only LIST       comma-separated groups to run (default: all): ${GROUPS.join(",")}
  --quick           fewer rounds and a 2 s load (a smoke run; figures are noisier)
  --connections N   autocannon connections for the mock group (default 10)
  --seconds N       autocannon duration per server in seconds (default 5)
  --out FILE        where to write the JSON results (default: bench/results.json, full runs only)
  --contributing    also replace the table between the bench markers in CONTRIBUTING.md
  --help            this text

Exit status is 0 whether budgets are met or missed (the table says which); non-zero on failure.`;

async function main(argv: string[]): Promise<void> {
  const { values } = parseCommandLine(argv, {
    options: {
      only: { type: "string" },
      quick: { type: "boolean", default: false },
      connections: { type: "string", default: "10" },
      seconds: { type: "string" },
      out: { type: "string" },
      contributing: { type: "boolean", default: false },
    },
  });

  const only = (values.only?.split(",").map((s) => s.trim()) ?? [...GROUPS]) as Group[];
  for (const g of only) if (!GROUPS.includes(g)) throw new UsageError(`--only: unknown group '${g}' (expected ${GROUPS.join(", ")})`);
  const full = only.length === GROUPS.length;
  const quick = values.quick;
  const load = {
    connections: parseCount(values.connections, "--connections"),
    seconds: values.seconds === undefined ? (quick ? 2 : 5) : parseCount(values.seconds, "--seconds"),
  };
  const rates = quick ? { rounds: 3, perRound: 200 } : { rounds: 7, perRound: 1000 };

  const tmp = join(repoRoot, "bench/.tmp");
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });

  const rows: Row[] = [];
  const log = (msg: string): void => void process.stderr.write(`bench: ${msg}\n`);
  // Measure the package as consumers get it: its own build (dist/) when it has one.
  const built = buildPackage();
  const packageSource = built ? "dist/ (npm run build)" : buildFailure ? "src/ (npm run build failed)" : "src/ (no build script)";
  log(`this package measured from ${packageSource}`);
  if (buildFailure) log(`npm run build output:\n${buildFailure}`);
  try {
    if (only.includes("consumer")) {
      log("consumer cost (esbuild bundles, tsc)");
      rows.push(...consumerRows(await measureConsumer(tmp)));
    }
    if (only.includes("install")) {
      log("install footprint (npm install of the packed package vs the SDK, into empty projects)");
      rows.push(...installRows(measureInstall(built)));
    }
    if (only.includes("roundtrip")) {
      log("client round trip");
      rows.push(...(await measureRoundTrip(rates)));
    }
    if (only.includes("validation")) {
      log("validation vs JSON.parse");
      rows.push(...(await measureValidation({ rounds: rates.rounds, perRound: quick ? 500 : 2000 })));
    }
    if (only.includes("mock")) {
      log(`mock vs Prism alone (${load.connections} connections, ${load.seconds} s each)`);
      rows.push(...(await measureMock(tmp, { ...load, rounds: quick ? 1 : 2 })).rows);
    }
    if (only.includes("mock-data")) {
      log(`mock with a 10,000-command data set vs Prism alone (${load.connections} connections, ${load.seconds} s each)`);
      rows.push(...(await measureMockData(tmp, { ...load, rounds: quick ? 1 : 2 })));
    }
    if (only.includes("mock-journal")) {
      log(`mock with the request journal on vs off (${load.connections} connections, ${load.seconds} s each)`);
      rows.push(...(await measureMockJournal({ ...load, rounds: quick ? 1 : 3 })));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const evaluated = rows.map(evaluate);
  const table = formatTable(evaluated);
  const host = machine();
  const commit = (() => {
    try {
      return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repoRoot, encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  })();
  const machineLine = `${host.nproc} CPUs (${host.cpuModel}), ${host.memory}, Node ${host.node}, ${host.platform}, load average ${host.loadAverage.join(" ")}`;
  console.log(table);
  const notes = [...new Set(evaluated.flatMap((r) => [r.note, r.detail].filter(Boolean).map((t) => `- ${r.group}: ${t}`)))];
  if (notes.length) console.log(`\n${notes.join("\n")}`);
  console.log(`\nmachine: ${machineLine}; commit ${commit}; package from ${packageSource}; ${quick ? "quick run" : "full settings"}${full ? "" : `, only ${only.join(",")}`}`);

  const out = values.out ?? (full ? join(repoRoot, "bench/results.json") : undefined);
  if (out) {
    mkdirSync(join(out, ".."), { recursive: true });
    const results = { date: new Date().toISOString(), commit, machine: host, packageSource, settings: { quick, load, rates }, rows: evaluated, table };
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    log(`wrote ${out}`);
  }

  if (values.contributing) {
    const contributing = join(repoRoot, "CONTRIBUTING.md");
    const text = readFileSync(contributing, "utf8");
    const start = "<!-- bench:table:start -->";
    const end = "<!-- bench:table:end -->";
    if (!text.includes(start) || !text.includes(end)) throw new Error(`--contributing: CONTRIBUTING.md has no ${start} ... ${end} markers`);
    const block = `${start}\n${table}\n\nMachine: ${machineLine}. Package measured from ${packageSource}; commit ${commit}, ${new Date().toISOString().slice(0, 10)}.\n${end}`;
    writeFileSync(contributing, text.slice(0, text.indexOf(start)) + block + text.slice(text.indexOf(end) + end.length));
    log("updated CONTRIBUTING.md");
  }
}

runIfMain(import.meta.url, { name: "bench", help: HELP, run: main });
