/**
 * Bundles each API's split description (openapi/<api>/openapi.yaml) into one JSON file in
 * generated/openapi/, as redocly.yaml configures. The bundle keeps component $refs; nothing is
 * dereferenced or reformatted, so the output is byte-stable.
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const HELP = `Usage: npm run bundle [-- --help]

Bundles openapi/ssm/openapi.yaml and openapi/imagebuilder/openapi.yaml into
generated/openapi/ssm.json and generated/openapi/imagebuilder.json (paths set in redocly.yaml).`;

export function bundle(): void {
  const require = createRequire(import.meta.url);
  const redocly = require.resolve("@redocly/cli/bin/cli.js");
  execFileSync(process.execPath, [redocly, "bundle"], { stdio: ["ignore", "ignore", "inherit"] });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes("--help")) {
    console.log(HELP);
  } else {
    bundle();
    console.log("bundled generated/openapi/ssm.json and generated/openapi/imagebuilder.json");
  }
}
