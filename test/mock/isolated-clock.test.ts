/**
 * With isolation by access key ID, each caller runs on a clock of its own: moving one caller's
 * manual clock (POST /_mock/clock?accessKeyId=K) moves only that caller's runs, and its reset
 * brings back its own start. The requests carry the access key ID in the SigV4 credential scope, as
 * every SDK sends it; signatures are not checked here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../mock/src/index.js";
import { MockClock } from "../../mock/src/clock/mock-clock.js";

const T0 = Date.parse("2024-07-08T02:00:00Z");
const WINDOW_EXECUTION_ID = "6abb6a7a-2d8e-4a5b-9f0e-1a2b3c4d5e6f";
const dataSet = {
  MaintenanceWindowExecutions: [
    { WindowExecutionId: WINDOW_EXECUTION_ID, TaskIds: [], Status: "IN_PROGRESS", StartTime: "now", Timeline: [{ at: "30s", Status: "SUCCESS", EndTime: "now+30s" }] },
  ],
};

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, clock: new Date(T0), isolation: "accessKeyId", data: dataSet });
});
afterAll(() => mock?.close());

async function statusFor(accessKeyId: string): Promise<unknown> {
  const response = await fetch(`${mock.url}/`, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "AmazonSSM.GetMaintenanceWindowExecution",
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20240708/us-east-1/ssm/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=${"0".repeat(64)}`,
    },
    body: JSON.stringify({ WindowExecutionId: WINDOW_EXECUTION_ID }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as Record<string, unknown>)["Status"];
}

const admin = (method: string, path: string, accessKeyId: string, body?: unknown) =>
  fetch(`${mock.url}${path}?accessKeyId=${accessKeyId}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }) });

describe("isolated callers' clocks", () => {
  it("a fork of a manual clock has its time and moves on its own", () => {
    const shared = MockClock.from(new Date(T0));
    const own = shared.fork();
    expect(own.now()).toBe(T0);
    own.advance("90s");
    expect([own.now(), shared.now()]).toEqual([T0 + 90_000, T0]);
    shared.advance("10s");
    expect(own.now()).toBe(T0 + 90_000);
    own.reset();
    expect(own.now()).toBe(T0);
  });

  it("moving one caller's clock moves only its runs; its reset brings back its own start", async () => {
    expect(await statusFor("AKIDCLOCKA")).toBe("IN_PROGRESS");
    expect(await statusFor("AKIDCLOCKB")).toBe("IN_PROGRESS");
    const moved = await admin("POST", "/_mock/clock", "AKIDCLOCKA", { advance: "30s" });
    expect(await moved.json()).toEqual({ now: new Date(T0 + 30_000).toISOString() });
    expect(await statusFor("AKIDCLOCKA")).toBe("SUCCESS");
    expect(await statusFor("AKIDCLOCKB")).toBe("IN_PROGRESS");
    expect(await (await admin("GET", "/_mock/clock", "AKIDCLOCKB")).json()).toEqual({ now: new Date(T0).toISOString() });
    expect((await admin("POST", "/_mock/reset", "AKIDCLOCKA")).status).toBe(200);
    expect(await statusFor("AKIDCLOCKA")).toBe("IN_PROGRESS");
    expect(mock.clock.now().getTime()).toBe(T0);
  });
});
