/**
 * One contract mock for a whole Vitest run whose test files run in parallel: with isolation by
 * access key ID, each file's clients (given credentials of their own) answer from that file's own
 * data set, journal, fault counters and clock.
 */
import type { TestProject } from "vitest/node";
import { startMock } from "../../../mock/src/index.js";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMock({ port: 0, isolation: "accessKeyId" });
  project.provide("mockUrl", mock.url);
  return () => mock.close();
}

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
  }
}
