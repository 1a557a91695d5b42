/**
 * The repository's Markdown points only at what exists inside it: in README.md, CONTRIBUTING.md and
 * every folder's README.md (mock/, openapi/, generated/, ...), each relative link resolves to a file
 * or folder of this repository, and each backticked path into the repository (`scripts/docs.ts`,
 * `test/mock/`) names one that exists. Fenced code blocks are left out (they show commands and code,
 * not references); paths with placeholders (`<api>`, `*`, `{a,b}`) and build output that is not
 * committed (`dist/`, `build/`, ...) are not checked.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The Markdown files of the repository as git sees them (committed, or new and not ignored). */
const markdown = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "*.md"], { cwd: root, encoding: "utf8" })
  .split("\0")
  .filter((file) => file !== "" && existsSync(join(root, file)));

/** Written by builds and runs, git-ignored: named in the docs but absent from a fresh clone. */
const NOT_COMMITTED = ["dist", "mock/dist", "build", "test-results", "node_modules", "bench/.tmp"];

const withoutCodeBlocks = (text: string): string => text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");

interface Reference {
  kind: "link" | "path";
  target: string;
  line: number;
}

function references(text: string): Reference[] {
  const found: Reference[] = [];
  withoutCodeBlocks(text)
    .split("\n")
    .forEach((content, index) => {
      const line = index + 1;
      for (const m of content.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) found.push({ kind: "link", target: m[1]!, line });
      for (const m of content.replace(/\]\([^)]*\)/g, "]").matchAll(/`([^`\s]+)`/g)) found.push({ kind: "path", target: m[1]!, line });
    });
  return found;
}

const inside = (path: string): boolean => path === root.replace(/\/$/, "") || path.startsWith(root.endsWith(sep) ? root : root + sep);
const ignored = (path: string): boolean => NOT_COMMITTED.some((prefix) => relative(root, path) === prefix || relative(root, path).startsWith(`${prefix}/`));

/** What is wrong with one reference from `file`, or undefined. */
function problem(file: string, ref: Reference): string | undefined {
  const base = dirname(join(root, file));
  if (ref.kind === "link") {
    if (/^[a-z][a-z+.-]*:/i.test(ref.target) || ref.target.startsWith("#")) return undefined; // a URL or an anchor
    const target = resolve(base, decodeURIComponent(ref.target.split("#")[0]!));
    if (!inside(target)) return `links outside the repository: ${ref.target}`;
    return existsSync(target) || ignored(target) ? undefined : `links to a missing file: ${ref.target}`;
  }
  // A backticked path: a file or folder of this repository, relative to the root or to the file.
  const path = ref.target.replace(/[.,:;]$/, "");
  if (/[<>*{}$]|\.\.\.|^\/|^[a-z]+:/i.test(path)) return undefined;
  const segments = path.split("/").filter(Boolean);
  const isPath = segments.length > 1 || /\.md$/.test(path);
  if (!isPath) return undefined;
  // Only what starts at an existing entry is a path into the repository (`aws-ops-contract/validate`,
  // `application/json` and `@aws-sdk/client-ssm` are not).
  // `../x` and `./x` are relative to the file; other paths to the root or to the file.
  const bases = (/^\.\.?\//.test(path) ? [base] : [root, base]).filter((b) => existsSync(join(b, segments[0]!)) || /\.md$/.test(path));
  if (bases.length === 0) return undefined;
  const candidates = bases.map((b) => resolve(b, path));
  if (candidates.every((c) => !inside(c))) return `points outside the repository: ${ref.target}`;
  return candidates.some((c) => existsSync(c) || ignored(c)) ? undefined : `names a missing file: ${ref.target}`;
}

describe("Markdown references resolve inside the repository", () => {
  it("finds the READMEs and CONTRIBUTING.md", () => {
    for (const file of ["README.md", "CONTRIBUTING.md", "mock/README.md", "openapi/README.md", "generated/README.md"]) expect(markdown).toContain(file);
  });

  it.each(markdown)("%s", (file) => {
    const problems = references(readFileSync(join(root, file), "utf8"))
      .map((ref) => [ref, problem(file, ref)] as const)
      .filter(([, p]) => p !== undefined)
      .map(([ref, p]) => `${file}:${ref.line}: ${p}`);
    expect(problems).toEqual([]);
  });

  it("the check catches a missing file, a link out of the repository and a stale backticked path", () => {
    const text = "See [gone](docs/none.md), [seeds](../shared/seeds/), `src/mock.ts`, `CONTRACT.md` and `test/mock/`.\n```sh\ncat src/nothing.ts\n```\n";
    const found = references(text).map((ref) => problem("README.md", ref));
    expect(found).toEqual([
      "links to a missing file: docs/none.md",
      "links outside the repository: ../shared/seeds/",
      "names a missing file: src/mock.ts",
      "names a missing file: CONTRACT.md",
      undefined,
    ]);
  });
});
