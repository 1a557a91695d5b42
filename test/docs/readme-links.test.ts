/**
 * test/support/readme-links.ts, which the packed READMEs are checked with (test/consumer): each kind
 * of link it must refuse, and those it must let through.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { brokenLinks, REPOSITORY } from "../support/readme-links.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("brokenLinks", () => {
  const files = ["README.md", "LICENSE", "dist/index.js"];
  it("passes files of the tarball, headings of the README, other sites and existing repository paths", () => {
    const readme = ["# Title", "## Data sets", "[a](LICENSE) [b](dist/index.js) [c](#data-sets) [d](https://docs.aws.amazon.com/x)", `[e](${REPOSITORY}/blob/main/openapi/README.md#decisions) [f](${REPOSITORY}/tree/main/mock)`].join("\n");
    expect(brokenLinks(readme, "README.md", files, root)).toEqual([]);
  });

  it("refuses a relative link outside the tarball, a missing heading and a repository path that does not exist", () => {
    const readme = ["# Title", "[a](CONTRIBUTING.md) [b](#nowhere)", `[c](${REPOSITORY}/blob/main/NOPE.md)`, "```md\n[ignored](in-a-code-block.md)\n```"].join("\n");
    expect(brokenLinks(readme, "README.md", files, root)).toEqual([
      "CONTRIBUTING.md: not in the tarball (relative links resolve against the installed package)",
      "#nowhere: no such heading in README.md",
      `${REPOSITORY}/blob/main/NOPE.md: the repository has no NOPE.md`,
    ]);
  });
});
