/**
 * Starts a server as a child process on 127.0.0.1 and measures its time to first answer: from
 * spawn until a real request (the one the load will send) gets a 200.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

export interface Probe {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface RunningServer {
  url: string;
  firstAnswerMs: number;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill("SIGTERM");
    });
}

/** Spawns `node ...args` (with `{port}` replaced) and waits, at most `timeoutMs`, for a 200 to `probe`. */
export async function startServer(args: string[], probe: Probe, timeoutMs = 30_000): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const start = performance.now();
  args = args.map((a) => a.replace("{port}", String(port)));
  const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  let lastStatus = "no answer";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const stop = stopper(child);
  while (performance.now() - start < timeoutMs) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(url + probe.path, { method: "POST", headers: probe.headers, body: probe.body, signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      lastStatus = `status ${res.status}`;
      if (res.status === 200) return { url, firstAnswerMs: performance.now() - start, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await stop();
  throw new Error(`server 'node ${args.join(" ")}' gave no 200 to ${probe.path} within ${timeoutMs} ms (last: ${lastStatus}): ${stderr}`);
}
