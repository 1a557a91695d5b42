/**
 * Starts ONE contract mock for the whole `mock` test project (see vitest.config.ts) and hands its URL
 * to the tests: `inject("mockUrl")`.
 */
import type { TestProject } from "vitest/node";
import { startMock } from "../../mock/src/index.js";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMock({ port: 0 });
  project.provide("mockUrl", mock.url);
  return () => mock.close();
}

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
  }
}
