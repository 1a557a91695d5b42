/**
 * Builds the package as consumers get it: tsc (tsconfig.build.json) into dist/, then copies what tsc
 * does not emit: the standalone validators (.js + .d.ts) and the bundled specs.
 */
import { execFileSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { createRequire } from "node:module";

const HELP = `Usage: npm run build [-- --help]

Writes dist/: dist/src (compiled src/), dist/generated/types (compiled generated types),
dist/generated/validators and dist/generated/openapi (copied). Run by \`npm pack\` (prepack).`;

export function build(): void {
  rmSync("dist", { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
  cpSync("generated/validators", "dist/generated/validators", { recursive: true });
  cpSync("generated/openapi", "dist/generated/openapi", { recursive: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes("--help")) console.log(HELP);
  else {
    build();
    console.log("built dist/");
  }
}
