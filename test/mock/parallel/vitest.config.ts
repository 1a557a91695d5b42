/**
 * A Vitest project as a user's would be: one mock for the run (global-setup.ts, with isolation by
 * access key ID) and test files running in parallel worker processes against it. Run by
 * test/mock/parallel.test.ts, which checks that the files saw neither each other's data, journal
 * nor faults.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import root from "../../../vitest.config.js";

export default defineConfig({
  resolve: root.resolve ?? {},
  test: {
    // A file path, not a URL's pathname: a checkout whose path has a space would read as %20.
    root: fileURLToPath(new URL("../../..", import.meta.url)),
    include: ["test/mock/parallel/*.parallel.ts"],
    globalSetup: ["test/mock/parallel/global-setup.ts"],
    // Vitest's default: files in parallel, each in its own worker process.
    pool: "forks",
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 90_000,
  },
});
