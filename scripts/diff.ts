/**
 * `npm run diff -- --base <git ref>`: the spec against another version of itself, direction-aware
 * (scripts/diff/rules.ts), and the version rule (scripts/diff/release.ts). Without --base it
 * compares with the last release, as CI does. Built on the spec model: none of the OpenAPI diff
 * tools npm offers runs here on these documents (openapi-diff refuses OpenAPI 3.1, Optic's CLI
 * crashes on start, pb33f's openapi-changes downloads its binary at install, and the npm `oasdiff`
 * is a name placeholder), and none knows AWS's routing by X-Amz-Target or errors known by name.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadSpec, type OpenApiDocument } from "../src/model/index.js";
import { diffSpecs, type Change, type Severity } from "./diff/rules.js";
import { lastRelease, showAt, versionAt, versionRule, type Release, type VersionVerdict } from "./diff/release.js";
import { readSpecSide, type SpecSide } from "./lib/spec-shapes.js";
import { parseCommandLine, runIfMain } from "./lib/cli.js";

const HELP = `Usage: npm run diff [-- --base <git ref>] [-- --help]

Compares the spec (generated/openapi/*.json in the working tree) with the spec at another git ref
(its generated/openapi/*.json), operation by operation and direction by direction, and lists each
change as breaking, flagged (compatible on the wire, worth a consumer's look: a new answer enum
value, a new error) or compatible. Then applies the version rule: a breaking change needs a new
major version of package.json (for 0.x, a new minor) over the base's.
Exit 1 when a breaking change comes without one, or the version went down.

Options:
  --base <ref>   the git ref to compare with (a tag such as v0.1.0, a branch, a commit); default:
                 the last release, the highest v<version> tag reachable from HEAD, else
                 package.json's releaseBaseline
  --help         show this text`;

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const APIS = ["ssm", "imagebuilder"] as const;

const sides = (docs: readonly OpenApiDocument[]): Map<string, SpecSide> => new Map(docs.flatMap((doc) => [...readSpecSide(doc)]));

/** The documents at a git ref. */
export function specsAt(root: string, ref: string): OpenApiDocument[] {
  return APIS.map((api) => loadSpec(JSON.parse(showAt(root, ref, `generated/openapi/${api}.json`)) as OpenApiDocument));
}

export interface DiffReport {
  base: Release;
  head: string;
  changes: Change[];
  version: VersionVerdict;
}

export function diff(base: Release, baseDocs: readonly OpenApiDocument[], headDocs: readonly OpenApiDocument[], headVersion: string): DiffReport {
  const changes = diffSpecs(sides(baseDocs), sides(headDocs));
  return { base, head: headVersion, changes, version: versionRule(base.version, headVersion, changes.filter((c) => c.severity === "breaking").length) };
}

const ORDER: Severity[] = ["breaking", "flagged", "compatible"];

export function formatDiff({ base, head, changes, version }: DiffReport): string {
  const lines = [`Base: ${base.ref} (version ${base.version}, ${base.how === "tag" ? "the last release tag" : base.how === "baseline" ? "package.json's releaseBaseline" : "--base"}); head: the working tree (version ${head})`, ""];
  for (const severity of ORDER) {
    const of = changes.filter((c) => c.severity === severity);
    if (of.length === 0) continue;
    lines.push(`${severity} (${of.length}):`, ...of.map((c) => `  - ${c.operation} ${c.direction}: ${c.message}`), "");
  }
  if (changes.length === 0) lines.push("No contract change.", "");
  lines.push(`${version.ok ? "ok" : "FAIL"}: ${version.message}`);
  return lines.join("\n");
}

/** The working tree's version (package.json). */
const headVersion = (): string => (JSON.parse(readFileSync(`${ROOT}/package.json`, "utf8")) as { version: string }).version;

runIfMain(import.meta.url, {
  help: HELP,
  run(argv) {
    const { values } = parseCommandLine(argv, { options: { base: { type: "string" } } });
    const base: Release = values.base ? { ref: values.base, version: versionAt(ROOT, values.base), how: "given" } : lastRelease(ROOT);
    const report = diff(base, specsAt(ROOT, base.ref), APIS.map((api) => loadSpec(api)), headVersion());
    console.log(formatDiff(report));
    return report.version.ok ? 0 : 1;
  },
});
