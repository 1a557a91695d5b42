/**
 * Bundles each API's split description (openapi/<api>/openapi.yaml) into one JSON file in
 * generated/openapi/, as redocly.yaml configures. The bundle keeps component $refs; nothing is
 * dereferenced or reformatted, so the output is byte-stable.
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseCommandLine, runIfMain } from "./lib/cli.js";

const HELP = `Usage: npm run bundle [-- --help]

Bundles openapi/ssm/openapi.yaml and openapi/imagebuilder/openapi.yaml into
generated/openapi/ssm.json and generated/openapi/imagebuilder.json (paths set in redocly.yaml).`;

/** The API roots, keyed by the alias redocly.yaml gives them. */
export const API_ROOTS = {
  ssm: "openapi/ssm/openapi.yaml",
  imagebuilder: "openapi/imagebuilder/openapi.yaml",
} as const;

/**
 * Without `outDir`, writes where redocly.yaml says. With it, writes `<outDir>/<api>.json`: redocly
 * ignores `--output` for an alias, so each root is bundled by path (redocly still applies the
 * alias's configuration, and the bytes are the same).
 */
export function bundle(outDir?: string): void {
  const require = createRequire(import.meta.url);
  const redocly = require.resolve("@redocly/cli/bin/cli.js");
  const quiet = { stdio: ["ignore", "ignore", "pipe"] as ["ignore", "ignore", "pipe"] };
  if (outDir === undefined) {
    execFileSync(process.execPath, [redocly, "bundle"], { stdio: ["ignore", "ignore", "inherit"] });
    return;
  }
  for (const [api, root] of Object.entries(API_ROOTS)) {
    execFileSync(process.execPath, [redocly, "bundle", root, "--output", join(outDir, `${api}.json`)], quiet);
  }
}

runIfMain(import.meta.url, {
  help: HELP,
  run(argv) {
    parseCommandLine(argv, { options: {} });
    bundle();
    console.log("bundled generated/openapi/ssm.json and generated/openapi/imagebuilder.json");
  },
});
