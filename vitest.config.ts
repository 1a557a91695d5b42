import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (file: string): string => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

export default defineConfig({
  // The mock's package imports aws-ops-contract by name; in this repository that is src/ (as the
  // "paths" of tsconfig.json say for tsc and tsx), not the built dist/ of the installed link.
  resolve: {
    alias: [
      { find: /^aws-ops-contract$/, replacement: src("index.ts") },
      { find: /^aws-ops-contract\/(validate|types|fetch)$/, replacement: src("$1.ts") },
      { find: /^aws-ops-contract\/model$/, replacement: src("model/index.ts") },
    ],
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        // The contract tests share one mock, started once by the global set-up.
        extends: true,
        test: { name: "mock", include: ["test/mock/**/*.test.ts"], globalSetup: ["test/mock/global-setup.ts"] },
      },
      {
        extends: true,
        test: {
          name: "default",
          include: ["test/**/*.test.ts"],
          exclude: ["test/mock/**", "**/node_modules/**"],
          // Type tests (test/**/*.test-d.ts) run with `vitest run`: a type error, or an expected
          // type error that does not happen, fails the run.
          typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "tsconfig.json" },
        },
      },
    ],
  },
});
