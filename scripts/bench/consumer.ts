/**
 * Consumer cost: what one signed ListCommands call costs the app that makes it, with this package
 * and with @aws-sdk/client-ssm.
 * - bundle: esbuild (platform browser, minified, ESM, code splitting) of a one-call consumer, then
 *   gzip -9 of what loads before the call (lazy chunks apart);
 * - types: `tsc --noEmit --listFiles --extendedDiagnostics` on the same consumer (browser libs, no
 *   @types, skipLibCheck as most apps set it): files loaded beyond tsc's own lib files and the
 *   consumer itself, lines of
 *   declarations (.d.ts) loaded, and tsc's total time. This package is type-checked from its
 *   declarations (emitted here by tsc, as the published package ships them), not from its sources.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { repoRoot } from "./fixtures.js";
import { CREDENTIALS, REGION, missing, partFiles } from "./package.js";
import type { Row } from "./report.js";

const require = createRequire(import.meta.url);
const TSC = require.resolve("typescript/bin/tsc");
const TS_LIB_DIR = dirname(require.resolve("typescript/lib/lib.d.ts"));

const CONSUMERS = {
  sdk: `import { ListCommandsCommand, SSMClient } from "@aws-sdk/client-ssm";

const client = new SSMClient({
  region: "${REGION}",
  endpoint: "http://127.0.0.1:4010",
  credentials: { accessKeyId: "${CREDENTIALS.accessKeyId}", secretAccessKey: "${CREDENTIALS.secretAccessKey}" },
});

export async function recentCommands() {
  const page = await client.send(new ListCommandsCommand({ MaxResults: 10 }));
  return page.Commands ?? [];
}
`,
  ours: `import { createSsmClient } from "aws-ops-contract";

const client = createSsmClient({
  region: "${REGION}",
  endpoint: "http://127.0.0.1:4010",
  credentials: { accessKeyId: "${CREDENTIALS.accessKeyId}", secretAccessKey: "${CREDENTIALS.secretAccessKey}" },
});

export async function recentCommands() {
  const page = await client.listCommands({ MaxResults: 10 });
  return page.Commands ?? [];
}
`,
} as const;
type Side = keyof typeof CONSUMERS;

export interface ConsumerFigures {
  /** The largest contributors to the minified bundle, before gzip. */
  bundleLargest: string;
  bundleGzipBytes: number;
  bundleMinBytes: number;
  /** Chunks behind dynamic imports the call never reaches, gzipped. */
  bundleLazyGzipBytes: number;
  filesLoaded: number;
  declarationLines: number;
  tscMs: number;
}

/** Writes bench/.tmp/consumer-<side>/ with the consumer and its tsconfig. */
function consumerDir(tmp: string, side: Side, paths: Record<string, string[]>): string {
  const dir = join(tmp, `consumer-${side}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "consumer.ts"), CONSUMERS[side]);
  const compilerOptions = {
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "Bundler",
    lib: ["ES2022", "DOM"],
    types: [],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    paths,
  };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["consumer.ts"] }, null, 2));
  return dir;
}

/** Emits this package's declarations (src/ and what it imports from generated/) into `out`. */
function emitDeclarations(tmp: string): string {
  const out = join(tmp, "declarations");
  rmSync(out, { recursive: true, force: true });
  const config = join(tmp, "tsconfig.declarations.json");
  writeFileSync(
    config,
    JSON.stringify({
      extends: relative(tmp, join(repoRoot, "tsconfig.json")),
      compilerOptions: { noEmit: false, declaration: true, emitDeclarationOnly: true, rootDir: relative(tmp, repoRoot), outDir: "declarations" },
      include: [relative(tmp, join(repoRoot, "src"))],
      exclude: [],
    }),
  );
  execFileSync(process.execPath, [TSC, "-p", config], { stdio: ["ignore", "inherit", "inherit"] });
  // Hand-written declarations next to generated JavaScript are not emitted by tsc: copy them.
  const copyDts = (from: string, to: string): void => {
    if (!existsSync(from)) return;
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (entry.isDirectory()) copyDts(join(from, entry.name), join(to, entry.name));
      else if (entry.name.endsWith(".d.ts")) {
        mkdirSync(to, { recursive: true });
        cpSync(join(from, entry.name), join(to, entry.name));
      }
    }
  };
  copyDts(join(repoRoot, "generated"), join(out, "generated"));
  return out;
}

/** Groups a bundle's inputs by npm package (or by top folder of this repository), largest first. */
function largestInputs(inputs: Record<string, { bytesInOutput: number }>): string {
  const groups = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
    const local = relative(repoRoot, file);
    const key = pkg ?? (local.startsWith("bench/") ? "the consumer" : local.split("/").slice(0, local.startsWith("dist/") ? 3 : 2).join("/"));
    groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
  }
  return [...groups]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([k, n]) => `${k} ${(n / 1024).toFixed(1)} KiB`)
    .join(", ");
}

/**
 * Bundles the consumer as an app would ship it (code splitting on): the figure is what loads before
 * the call, the entry chunk and the chunks it imports statically; chunks behind a dynamic import()
 * that the call never reaches (such as response validators when validation is off) are reported
 * apart as lazy.
 */
async function bundleSize(dir: string, alias: Record<string, string>): Promise<{ min: number; gzip: number; lazyGzip: number; largest: string }> {
  const outdir = join(dir, "bundle");
  const result = await build({
    entryPoints: [join(dir, "consumer.ts")],
    bundle: true,
    minify: true,
    splitting: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    outdir,
    write: false,
    logLevel: "silent",
    metafile: true,
    alias,
  });
  const outputs = result.metafile.outputs;
  const key = (file: string): string => relative(process.cwd(), file);
  const byPath = new Map(result.outputFiles.map((f) => [key(f.path), f.contents]));
  const entry = Object.keys(outputs).find((k) => outputs[k]!.entryPoint !== undefined)!;
  const eager = new Set<string>();
  const visit = (file: string): void => {
    if (eager.has(file)) return;
    eager.add(file);
    for (const imported of outputs[file]!.imports) if (imported.kind === "import-statement" && outputs[imported.path]) visit(imported.path);
  };
  visit(entry);
  const gzip = (files: string[]): number => files.reduce((n, f) => n + gzipSync(byPath.get(key(join(repoRoot, f))) ?? byPath.get(f)!, { level: 9 }).byteLength, 0);
  const jsFiles = Object.keys(outputs).filter((f) => f.endsWith(".js"));
  const eagerFiles = jsFiles.filter((f) => eager.has(f));
  const lazyFiles = jsFiles.filter((f) => !eager.has(f));
  const inputs: Record<string, { bytesInOutput: number }> = {};
  for (const f of eagerFiles) Object.assign(inputs, outputs[f]!.inputs);
  const lazyInputs: Record<string, { bytesInOutput: number }> = {};
  for (const f of lazyFiles) Object.assign(lazyInputs, outputs[f]!.inputs);
  const min = eagerFiles.reduce((n, f) => n + outputs[f]!.bytes, 0);
  const lazy = lazyFiles.length ? `; lazy chunks: ${largestInputs(lazyInputs)}` : "";
  return { min, gzip: gzip(eagerFiles), lazyGzip: gzip(lazyFiles), largest: `${largestInputs(inputs)}${lazy}` };
}

function typeCheck(dir: string): { filesLoaded: number; declarationLines: number; tscMs: number } {
  const start = performance.now();
  const out = execFileSync(process.execPath, [TSC, "-p", join(dir, "tsconfig.json"), "--listFiles", "--extendedDiagnostics"], { encoding: "utf8" });
  const tscMs = performance.now() - start;
  const files = out.split("\n").filter((l) => l.startsWith("/") && /\.(d\.)?[cm]?tsx?$/.test(l.trim()));
  const beyondLib = files.filter((f) => !f.startsWith(TS_LIB_DIR) && f.trim() !== join(dir, "consumer.ts"));
  const declarationLines = Number(/Lines of Definitions:\s+(\d+)/.exec(out)?.[1] ?? NaN);
  return { filesLoaded: beyondLib.length, declarationLines, tscMs };
}

export async function measureConsumer(tmp: string): Promise<{ sdk: ConsumerFigures; ours: ConsumerFigures | null; note?: string }> {
  const sdkDir = consumerDir(tmp, "sdk", {});
  const sdkBundle = await bundleSize(sdkDir, {});
  const sdk = { bundleGzipBytes: sdkBundle.gzip, bundleMinBytes: sdkBundle.min, bundleLazyGzipBytes: sdkBundle.lazyGzip, bundleLargest: sdkBundle.largest, ...typeCheck(sdkDir) };

  const client = partFiles("client");
  if (client === undefined) return { sdk, ours: null, note: missing("client") };
  const declarations = client.declarations ?? join(emitDeclarations(tmp), "src/index.d.ts");
  const oursDir = consumerDir(tmp, "ours", { "aws-ops-contract": [declarations] });
  // The entry a browser bundler resolves through the package's `browser` export condition.
  const oursBundle = await bundleSize(oursDir, { "aws-ops-contract": client.entry.replace(/index\.(js|ts)$/, "index.browser.$1") });
  return { sdk, ours: { bundleGzipBytes: oursBundle.gzip, bundleMinBytes: oursBundle.min, bundleLazyGzipBytes: oursBundle.lazyGzip, bundleLargest: oursBundle.largest, ...typeCheck(oursDir) } };
}

export function consumerRows(m: Awaited<ReturnType<typeof measureConsumer>>): Row[] {
  const base = { oursLabel: "aws-ops-contract", theirsLabel: "@aws-sdk/client-ssm", ...(m.note ? { note: m.note } : {}) };
  const pick = (k: Exclude<keyof ConsumerFigures, "bundleLargest">): number | null => (m.ours ? m.ours[k] : null);
  const detail = `largest minified inputs: ours: ${m.ours?.bundleLargest ?? "n/a"}; SDK: ${m.sdk.bundleLargest}`;
  return [
    { group: "consumer", measure: "browser bundle loaded for the call, min+gzip", unit: "B", ours: pick("bundleGzipBytes"), theirs: m.sdk.bundleGzipBytes, budget: { max: 0.15 }, detail, ...base },
    { group: "consumer", measure: "lazy chunks (loaded only if used), min+gzip", unit: "B", ours: pick("bundleLazyGzipBytes"), theirs: m.sdk.bundleLazyGzipBytes, ...base },
    { group: "consumer", measure: "files tsc loads beyond its libs", unit: "files", ours: pick("filesLoaded"), theirs: m.sdk.filesLoaded, budget: { max: 0.1 }, ...base },
    { group: "consumer", measure: "declaration lines tsc loads", unit: "lines", ours: pick("declarationLines"), theirs: m.sdk.declarationLines, ...base },
    { group: "consumer", measure: "tsc time (noEmit)", unit: "ms", ours: pick("tscMs"), theirs: m.sdk.tscMs, ...base },
  ];
}
