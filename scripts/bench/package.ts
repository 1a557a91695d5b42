/**
 * Finds this package's parts (client, validate, mock). When the package has a `build` script, the
 * bench builds it first and measures what consumers get (dist/: compiled JS and declarations);
 * otherwise it falls back to the sources in src/. Parts are loaded by file, not by a static import,
 * so the bench still runs (and says what it could not measure) in a checkout missing one of them.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./fixtures.js";

/** The CONTRACT.md API the bench relies on, no more. */
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

const sources = {
  client: ["src/index.ts"],
  validate: ["src/validate.ts", "src/validate/index.ts"],
  mock: ["mock/src/index.ts", "src/mock.ts"],
} as const;
export type Part = keyof typeof sources;

/** Where the build puts a part: dist/ mirrors the repository (dist/src, dist/generated). */
const built = (file: string): { js: string; dts: string } => {
  const base = join(repoRoot, "dist", file.replace(/\.ts$/, ""));
  return { js: `${base}.js`, dts: `${base}.d.ts` };
};

interface PackageJson {
  scripts?: Record<string, string>;
  bin?: string | Record<string, string>;
}
export const packageJson = (): PackageJson => JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as PackageJson;

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
  for (const file of sources[part]) {
    if (!existsSync(join(repoRoot, file))) continue;
    const out = built(file);
    if (builtOnce && existsSync(out.js)) return { entry: out.js, ...(existsSync(out.dts) ? { declarations: out.dts } : {}), built: true };
    return { entry: join(repoRoot, file), built: false };
  }
  return undefined;
}

async function load<T>(part: Part): Promise<T | undefined> {
  const files = partFiles(part);
  return files === undefined ? undefined : ((await import(pathToFileURL(files.entry).href)) as T);
}

export const loadClient = (): Promise<ClientModule | undefined> => load<ClientModule>("client");
export const loadValidate = (): Promise<ValidateModule | undefined> => load<ValidateModule>("validate");
export const loadMock = (): Promise<MockModule | undefined> => load<MockModule>("mock");

export const missing = (part: Part): string => `src/ has no ${part} yet (${sources[part].join(" or ")})`;

/** Dummy credentials: the bench servers never check signatures, but both clients still sign. */
export const CREDENTIALS = { accessKeyId: "AKIDBENCHEXAMPLE", secretAccessKey: "bench/secret/EXAMPLEKEY" } as const;
export const REGION = "us-east-1";
