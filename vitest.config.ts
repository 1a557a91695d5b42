import { defineConfig } from "vitest/config";

export default defineConfig({
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
