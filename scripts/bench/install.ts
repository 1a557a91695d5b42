/**
 * What installing costs a consumer: `npm install` of the packed aws-ops-contract into an empty
 * project, against `npm install @aws-sdk/client-ssm` (the version this repository pins) into another,
 * in the same run. Counted afterwards in each project: the packages npm installed (the entries of
 * node_modules/.package-lock.json, the top package included on both sides) and the bytes of every
 * file under node_modules (apparent sizes, so the figure does not depend on the file system's block
 * size), in MB (10^6 bytes). Installs prefer npm's cache (`--prefer-offline`) and run no install
 * scripts; the projects live in the system's temporary folder, away from this repository's
 * workspaces.
 */
import { execFileSync } from "node:child_process";
import { lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./fixtures.js";
import { buildFailure, packageJson } from "./package.js";
import type { Row } from "./report.js";

export interface InstallFigures {
  packages: number;
  bytes: number;
  /** Space taken on this file system (`du`): blocks, so small files count more. */
  diskBytes: number;
  /** The largest installed packages, "name size", largest first. */
  largest: string[];
}

const npm = (args: string[], cwd: string): string =>
  execFileSync("npm", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, npm_config_update_notifier: "false", npm_config_audit: "false", npm_config_fund: "false" },
  });

/** Apparent size of every file under `dir` (symlinks counted as links, not followed), or with `disk` the blocks they take, as du counts. */
function treeBytes(dir: string, disk = false): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const stat = lstatSync(path);
    if (disk) total += stat.blocks * 512;
    if (entry.isDirectory()) total += treeBytes(path, disk);
    else if (!disk) total += stat.size;
  }
  return total;
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** Installs `spec` into a new empty project and measures its node_modules. */
function installInto(spec: string, label: string): InstallFigures {
  const project = mkdtempSync(join(tmpdir(), `bench-install-${label}-`));
  try {
    writeFileSync(join(project, "package.json"), `${JSON.stringify({ name: `bench-install-${label}`, version: "1.0.0", private: true }, null, 2)}\n`);
    npm(["install", "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund", "--save-exact", spec], project);
    const modules = join(project, "node_modules");
    // npm's own record of what it put in node_modules ("node_modules/a", "node_modules/a/node_modules/b", ...).
    const lock = JSON.parse(readFileSync(join(modules, ".package-lock.json"), "utf8")) as { packages: Record<string, { link?: boolean }> };
    const installed = Object.entries(lock.packages).filter(([path, entry]) => path.startsWith("node_modules/") && !entry.link);
    const sizes = installed.map(([path]) => {
      // A package's own files, without the packages nested in its node_modules (counted on their own).
      const dir = join(project, path);
      const nested = join(dir, "node_modules");
      let size = treeBytes(dir);
      try {
        size -= treeBytes(nested);
      } catch {
        // no nested node_modules
      }
      return { name: path.replace(/^.*node_modules\//, ""), size };
    });
    const largest = sizes
      .sort((a, b) => b.size - a.size)
      .slice(0, 6)
      .map((p) => `${p.name} ${mb(p.size)}`);
    return { packages: installed.length, bytes: treeBytes(modules), diskBytes: treeBytes(modules, true), largest };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

/**
 * Packs this package as `npm publish` would ship it (dist/ built by buildPackage()) and installs the
 * tarball and the SDK, each into an empty project. `ours` is null when the package could not be built.
 */
export function measureInstall(built: boolean): { ours: InstallFigures | null; sdk: InstallFigures; sdkSpec: string; note?: string } {
  const version = packageJson().devDependencies?.["@aws-sdk/client-ssm"];
  const sdkSpec = `@aws-sdk/client-ssm${version ? `@${version}` : ""}`;
  const sdk = installInto(sdkSpec, "sdk");
  if (!built) return { ours: null, sdk, sdkSpec, note: `aws-ops-contract not packed: npm run build failed${buildFailure ? ` (${buildFailure.split("\n")[0]})` : ""}` };
  const packDir = mkdtempSync(join(tmpdir(), "bench-pack-"));
  try {
    // dist/ is already built for this run: skip prepack's second build.
    const [packed] = JSON.parse(npm(["pack", "--json", "--ignore-scripts", "--pack-destination", packDir], repoRoot)) as Array<{ filename: string }>;
    return { ours: installInto(join(packDir, packed!.filename), "ours"), sdk, sdkSpec };
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
}

export function installRows(m: ReturnType<typeof measureInstall>): Row[] {
  const base = { group: "install", oursLabel: "aws-ops-contract", theirsLabel: m.sdkSpec, ...(m.note ? { note: m.note } : {}) };
  const onDisk = `on disk (du, blocks): ours ${m.ours ? mb(m.ours.diskBytes) : "n/a"}, SDK ${mb(m.sdk.diskBytes)}`;
  const detail = `${onDisk}; largest installed packages: ours: ${m.ours?.largest.join(", ") ?? "n/a"}; SDK: ${m.sdk.largest.join(", ")}`;
  return [
    { ...base, measure: "packages npm install adds to an empty project", unit: "packages", ours: m.ours?.packages ?? null, theirs: m.sdk.packages, budget: { max: 1 } },
    { ...base, measure: "node_modules after that install (10^6 B)", unit: "MB", ours: m.ours === null ? null : m.ours.bytes / 1e6, theirs: m.sdk.bytes / 1e6, budget: { max: 0.6 }, detail },
  ];
}
