/**
 * The mock under a bounded load over loopback: 50 connections for a few seconds, twice, with no
 * errors, no timeouts and no non-2xx answers; and memory settles back. A leak check, not a speed
 * test: nothing here asserts on time. The mock runs in its own process (--expose-gc) so the heap
 * measured after full GCs is the mock's alone.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const MIB = 1024 * 1024;
const REQUEST = {
  method: "POST",
  headers: {
    "content-type": "application/x-amz-json-1.1",
    "x-amz-target": "AmazonSSM.ListCommands",
    "x-amz-date": "20260101T000000Z",
    authorization: "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/ssm/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=00",
  },
  body: JSON.stringify({ MaxResults: 10 }),
};

let child: ChildProcess;
let url: string;

function ask<T>(message: { type: string }): Promise<T> {
  return new Promise((resolve) => {
    child.once("message", (reply) => resolve(reply as T));
    child.send(message);
  });
}
const heapUsed = async (): Promise<number> => (await ask<{ heapUsed: number }>({ type: "heap" })).heapUsed;

beforeAll(async () => {
  child = fork(fileURLToPath(new URL("./fixtures/mock-process.ts", import.meta.url)), [], {
    execArgv: ["--expose-gc", "--import", "tsx"],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  url = await new Promise<string>((resolve, reject) => {
    child.once("message", (m) => resolve((m as { url: string }).url));
    child.once("exit", (code) => reject(new Error(`mock process exited (${code})`)));
  });
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.send({ type: "stop" });
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
});

describe("the mock under load", () => {
  it("serves 50 connections with no errors, no timeouts, and its heap settles back", async () => {
    // Warm-up (a fixed count), so JIT code and Prism's caches are in the baseline.
    const warm = await autocannon({ url, ...REQUEST, connections: 10, amount: 2_000, timeout: 10 });
    expect(warm.errors + warm.timeouts + warm.non2xx).toBe(0);
    const baseline = await heapUsed();

    const runs = [];
    for (let i = 0; i < 2; i++) {
      const run = await autocannon({ url, ...REQUEST, connections: 50, duration: 3, timeout: 10 });
      runs.push({ ok: run["2xx"], errors: run.errors, timeouts: run.timeouts, non2xx: run.non2xx, heap: await heapUsed() });
    }
    for (const run of runs) {
      expect(run).toMatchObject({ errors: 0, timeouts: 0, non2xx: 0 });
      expect(run.ok).toBeGreaterThan(0);
    }
    const served = runs.reduce((n, r) => n + r.ok, 0);
    const growth = runs[1]!.heap - baseline;
    // Generous: 16 MiB over the baseline after two loads is far below what a leak of even a few
    // hundred bytes per request would leave behind (the loads serve thousands of requests).
    expect(growth, `heap: baseline ${(baseline / MIB).toFixed(1)} MiB, after ${runs.map((r) => (r.heap / MIB).toFixed(1)).join(", ")} MiB, ${served} requests`).toBeLessThan(16 * MIB);
    // And the second load does not add to what the first left.
    expect(runs[1]!.heap - runs[0]!.heap).toBeLessThan(8 * MIB);

    const after = await fetch(url, { method: "POST", headers: REQUEST.headers, body: REQUEST.body });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { Commands?: unknown[] }).Commands).toBeDefined();
  }, 60_000);
});
