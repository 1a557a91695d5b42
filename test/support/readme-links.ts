/**
 * The links of a README as a package's tarball carries it: a relative link must name a file of the
 * tarball (a README there has no repository around it), an anchor a heading of the README, and an
 * absolute link into this repository (https://github.com/aws-ops-contract/aws-ops-contract/blob/main/...)
 * a file or folder the repository has, so that the published links stay true.
 */
import { existsSync } from "node:fs";
import { join, posix } from "node:path";

export const REPOSITORY = "https://github.com/aws-ops-contract/aws-ops-contract";

const withoutCodeBlocks = (text: string): string => text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

/**
 * The links of `readme` (at `at`, a path inside the package such as `README.md`) that do not
 * resolve, each with the reason. `files` lists the tarball's files relative to the package root.
 */
export function brokenLinks(readme: string, at: string, files: readonly string[], repositoryRoot: string): string[] {
  const text = withoutCodeBlocks(readme);
  const anchors = new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1]!.replace(/`/g, ""))));
  const broken: string[] = [];
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const link = target!;
    if (link.startsWith("#")) {
      if (!anchors.has(link.slice(1))) broken.push(`${link}: no such heading in ${at}`);
    } else if (link.startsWith(`${REPOSITORY}/`)) {
      const m = /^\/(?:blob|tree)\/main\/([^#?]*)/.exec(link.slice(REPOSITORY.length));
      if (m && !existsSync(join(repositoryRoot, m[1]!))) broken.push(`${link}: the repository has no ${m[1]}`);
    } else if (/^[a-z][a-z0-9+.-]*:/i.test(link)) {
      continue; // absolute: another site
    } else {
      const file = posix.normalize(posix.join(posix.dirname(at), link.split("#")[0]!));
      if (!files.some((f) => f === file || f.startsWith(`${file.replace(/\/$/, "")}/`))) broken.push(`${link}: not in the tarball (relative links resolve against the installed package)`);
    }
  }
  return broken;
}
