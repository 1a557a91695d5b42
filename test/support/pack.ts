/**
 * The packages as consumers get them: `npm pack` of this repository (which runs the build through
 * `prepack`), then the tarballs installed into a project outside the repository, so nothing
 * resolves back to src/.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export const npm = (args: string[], cwd: string): string =>
  execFileSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" }, stdio: ["ignore", "pipe", "pipe"] });

/** Packs `aws-ops-contract` (or the named workspace) into `dir` and returns the tarball's path. */
export function pack(dir: string, workspace?: string): string {
  const out = mkdtempSync(join(dir, "pack-"));
  npm(["pack", ...(workspace ? ["-w", workspace] : []), "--pack-destination", out], ROOT);
  const tarball = readdirSync(out).find((file) => file.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack ${workspace ?? "aws-ops-contract"} left no tarball in ${out}`);
  return join(out, tarball);
}

/** Installs tarballs into `project` (which has a package.json) from the local npm cache when it can. */
export function installTarballs(project: string, tarballs: readonly string[]): void {
  npm(["install", "--no-audit", "--no-fund", "--prefer-offline", "--no-save", ...tarballs], project);
}

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));
