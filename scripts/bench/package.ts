/**
 * Where the bench finds the parts it measures: the client and the validators of aws-ops-contract
 * (src/, built to dist/src/) and the mock of aws-ops-contract-mock (mock/src/, built to mock/dist/,
 * its bin named in mock/package.json). The bench runs `npm run build` first and measures what
 * consumers get (compiled JS and declarations); when the build fails it says so and falls back to
 * the sources. Parts are loaded by file, not by a static import, so a broken build still leaves the
 * other measurements running.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./fixtures.js";

/** The part of the packages' API the bench relies on, no more (src/index.ts, src/validate.ts, mock/src/index.ts). */
export interface SsmClientOptions {
  region: string;
  endpoint?: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  validateResponses?: boolean;
}
export interface ClientModule {
  createSsmClient(options: SsmClientOptions): { listCommands(input: Record<string, unknown>): Promise<unknown> };
}
export interface ValidateModule {
  validate(operation: string, kind: "request" | "response" | "error", body: unknown): { ok: boolean; errors: unknown[] };
}
export interface MockModule {
  startMock(options?: { port?: number; host?: string }): Promise<{ url: string; close: () => Promise<void> }>;
}

/** Each part's source and where `npm run build` writes it (tsconfig.build.json, mock/tsconfig.build.json). */
const parts = {
  client: { source: "src/index.ts", built: "dist/src/index" },
  validate: { source: "src/validate.ts", built: "dist/src/validate" },
  mock: { source: "mock/src/index.ts", built: "mock/dist/index" },
} as const;
export type Part = keyof typeof parts;

interface PackageJson {
  scripts?: Record<string, string>;
  devDependencies?: Record<string, string>;
  bin?: string | Record<string, string>;
}
/** aws-ops-contract's manifest, or with `dir` ("mock") a workspace package's. */
export const packageJson = (dir = "."): PackageJson => JSON.parse(readFileSync(join(repoRoot, dir, "package.json"), "utf8")) as PackageJson;

/** The built bin of aws-ops-contract-mock (mock/package.json "bin"), when the build has written it. */
export function mockBin(): string | undefined {
  const bin = packageJson("mock").bin;
  const file = typeof bin === "string" ? bin : bin?.["aws-ops-contract-mock"];
  return file !== undefined && builtOnce && existsSync(join(repoRoot, "mock", file)) ? join(repoRoot, "mock", file) : undefined;
}

let builtOnce: boolean | undefined;
/** The first lines of the build's output when `npm run build` failed. */
export let buildFailure: string | undefined;
/** Runs `npm run build` once per bench run when the package has one; true when dist/ is fresh. */
export function buildPackage(): boolean {
  if (builtOnce !== undefined) return builtOnce;
  builtOnce = false;
  if (packageJson().scripts?.["build"]) {
    try {
      execFileSync("npm", ["run", "--silent", "build"], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
      builtOnce = true;
    } catch (error) {
      // A broken build is the package's problem to fix, not a reason to measure nothing: say so and
      // measure the sources instead.
      const out = error as { stdout?: string; stderr?: string };
      buildFailure = `${out.stdout ?? ""}${out.stderr ?? ""}`.trim().split("\n").slice(0, 8).join("\n");
    }
  }
  return builtOnce;
}

export interface PartFiles {
  /** The file a bundler or Node loads (dist JS when built, else the TypeScript source). */
  entry: string;
  /** The declarations a consumer's tsc reads, when built. */
  declarations?: string;
  built: boolean;
}

export function partFiles(part: Part): PartFiles | undefined {
  const { source, built } = parts[part];
  if (!existsSync(join(repoRoot, source))) return undefined;
  const [js, dts] = [join(repoRoot, `${built}.js`), join(repoRoot, `${built}.d.ts`)];
  if (builtOnce && existsSync(js)) return { entry: js, ...(existsSync(dts) ? { declarations: dts } : {}), built: true };
  return { entry: join(repoRoot, source), built: false };
}

async function load<T>(part: Part): Promise<T | undefined> {
  const files = partFiles(part);
  return files === undefined ? undefined : ((await import(pathToFileURL(files.entry).href)) as T);
}

export const loadClient = (): Promise<ClientModule | undefined> => load<ClientModule>("client");
export const loadValidate = (): Promise<ValidateModule | undefined> => load<ValidateModule>("validate");
export const loadMock = (): Promise<MockModule | undefined> => load<MockModule>("mock");

export const missing = (part: Part): string => `${parts[part].source} is missing: no ${part} to measure`;

/** Dummy credentials: the bench servers never check signatures, but both clients still sign. */
export const CREDENTIALS = { accessKeyId: "AKIDBENCHEXAMPLE", secretAccessKey: "bench/secret/EXAMPLEKEY" } as const;
export const REGION = "us-east-1";
