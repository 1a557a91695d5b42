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
        test: { name: "default", include: ["test/**/*.test.ts"], exclude: ["test/mock/**", "**/node_modules/**"] },
      },
    ],
  },
});
