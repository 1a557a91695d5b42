/**
 * Builds both packages as consumers get them: aws-ops-contract (tsconfig.build.json: src/ and the
 * generated types into dist/, then the standalone validators and the bundled specs copied next to
 * them), then aws-ops-contract-mock (mock/tsconfig.build.json into mock/dist/), which resolves
 * aws-ops-contract through node_modules to the dist/ just built.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { parseCommandLine, runIfMain } from "./lib/cli.js";

const HELP = `Usage: npm run build [-- --help]

Writes dist/ (aws-ops-contract: dist/src, dist/generated/types, dist/generated/validators,
dist/generated/openapi) and mock/dist/ (aws-ops-contract-mock). Run by \`npm pack\` of either
package (prepack).`;

const tsc = (project: string): void => {
  execFileSync(process.execPath, [createRequire(import.meta.url).resolve("typescript/bin/tsc"), "-p", project], { stdio: "inherit" });
};

export function build(): void {
  rmSync("dist", { recursive: true, force: true });
  rmSync("mock/dist", { recursive: true, force: true });
  tsc("tsconfig.build.json");
  cpSync("generated/validators", "dist/generated/validators", { recursive: true });
  cpSync("generated/openapi", "dist/generated/openapi", { recursive: true });
  tsc("mock/tsconfig.build.json");
  chmodSync("mock/dist/cli.js", 0o755);
}

runIfMain(import.meta.url, {
  help: HELP,
  run(argv) {
    parseCommandLine(argv, { options: {} });
    build();
    console.log("built dist/ and mock/dist/");
  },
});
