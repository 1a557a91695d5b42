/**
 * Releases, as `npm run diff` sees them. A release is a git tag `v<version>` (`v0.2.0`) on the
 * commit whose package.json says that version, made when both packages are published. The last
 * release is the highest such tag reachable from HEAD (pre-release tags such as `v1.0.0-rc.1` are
 * not releases); before the first tag it is the baseline
 * package.json records (`releaseBaseline: { version, ref }`: the version published and the commit
 * it was published from). The version rule: a breaking change needs a new major version, where for
 * 0.x versions the minor is the major (as npm's `^0.1.0` range reads them, 0.2.0 breaks 0.1.x).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface Release {
  /** The git ref the release is read from (a tag or a commit). */
  ref: string;
  version: string;
  /** How it was found: `tag`, `baseline` (package.json) or `given` (--base). */
  how: "tag" | "baseline" | "given";
}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/;

export function parseVersion(version: string): [number, number, number] {
  const m = SEMVER.exec(version);
  if (!m) throw new Error(`Not a semantic version: ${JSON.stringify(version)}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const compare = (a: readonly number[], b: readonly number[]): number => a.reduce((sign, x, i) => sign || x - b[i]!, 0);

/** The part of a version a breaking change must raise: the major, or for 0.x the minor. */
const breakingPart = (version: string): [number, number] => {
  const [major, minor] = parseVersion(version);
  return major === 0 ? [0, minor] : [major, 0];
};

/** Whether going from `base` to `head` may carry breaking changes (a new major, or 0.x minor). */
export const allowsBreaking = (base: string, head: string): boolean => compare(breakingPart(head), breakingPart(base)) > 0;

export interface VersionVerdict {
  ok: boolean;
  message: string;
}

export function versionRule(base: string, head: string, breaking: number): VersionVerdict {
  if (compare(parseVersion(head), parseVersion(base)) < 0) return { ok: false, message: `version ${head} is lower than the release ${base}` };
  if (breaking === 0) return { ok: true, message: `no breaking change: ${head} may follow ${base}` };
  if (allowsBreaking(base, head)) return { ok: true, message: `${breaking} breaking change(s), and ${head} is a new major version after ${base}` };
  const [major, minor] = parseVersion(base);
  const next = major === 0 ? `0.${minor + 1}.0` : `${major + 1}.0.0`;
  return { ok: false, message: `${breaking} breaking change(s) without a major version: ${base} -> ${head} (the next major is ${next}; bump both packages to it)` };
}

export const git = (root: string, args: string[]): string => execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });

/** The file at `path` as of `ref`; a clear error when the ref or the file is not there. */
export function showAt(root: string, ref: string, path: string): string {
  try {
    return git(root, ["show", `${ref}:${path}`]);
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? (error as Error).message).trim();
    throw new Error(`Cannot read ${path} at ${ref} (${stderr.split("\n")[0]}); fetch the tags and history (git fetch --tags --unshallow) or pass another --base`);
  }
}

export function versionAt(root: string, ref: string): string {
  return (JSON.parse(showAt(root, ref, "package.json")) as { version: string }).version;
}

/** The last release: the highest `v<major>.<minor>.<patch>` tag reachable from HEAD (a pre-release is no release), else package.json's baseline. */
export function lastRelease(root: string): Release {
  const tags = git(root, ["tag", "--list", "v*", "--merged", "HEAD"])
    .split("\n")
    .map((t) => t.trim())
    .filter((t) => /^v\d+\.\d+\.\d+$/.test(t));
  if (tags.length > 0) {
    const tag = tags.sort((a, b) => compare(parseVersion(b.slice(1)), parseVersion(a.slice(1))))[0]!;
    return { ref: tag, version: tag.slice(1), how: "tag" };
  }
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { releaseBaseline?: { version?: string; ref?: string } };
  const baseline = pkg.releaseBaseline;
  if (!baseline?.version || !baseline.ref) throw new Error("No release tag (v<version>) and no releaseBaseline { version, ref } in package.json: pass --base <git ref>");
  return { ref: baseline.ref, version: baseline.version, how: "baseline" };
}
