/**
 * The docs server (scripts/serve-docs.ts) against hostile or careless clients, over loopback:
 * abandoned downloads give their files back (the process's open descriptors return to their
 * baseline), every answer carries the browser-hardening headers, and `npm start` keeps the docs on
 * loopback whatever interface the mock is asked to bind.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOCS_SECURITY_HEADERS, serveDocs, type DocsServer } from "../../scripts/serve-docs.js";
import { DEFAULT_DOCS_HOST, start } from "../../scripts/start.js";

const root = mkdtempSync(join(tmpdir(), "docs-reliability-"));
// Larger than the socket buffers and a read stream's chunk, so an abandoned download is caught
// mid-file with its descriptor open.
const BIG = 4 * 1024 * 1024;
// Larger than everything loopback TCP may buffer between a server and a reader that stopped
// (net.ipv4.tcp_rmem allows up to 32 MiB here, tcp_wmem 4 MiB): the server's writes must stall.
const HUGE = 64 * 1024 * 1024;
let server: DocsServer;

beforeAll(async () => {
  mkdirSync(join(root, "site"));
  writeFileSync(join(root, "site", "index.html"), "<h1>home</h1>");
  writeFileSync(join(root, "site", "big.html"), Buffer.alloc(BIG, "a"));
  // Sparse: no disk space taken.
  writeFileSync(join(root, "site", "huge.bin"), "");
  truncateSync(join(root, "site", "huge.bin"), HUGE);
  server = await serveDocs({ dir: join(root, "site"), port: 0 });
});
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

const openFds = (): number => readdirSync("/proc/self/fd").length;

/** Starts a download of `path`, waits for its first bytes, then hangs up. */
function abandonDownload(path: string): Promise<void> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`));
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no bytes of ${path} within 10 s`));
    }, 10_000);
    socket.once("data", () => {
      clearTimeout(timer);
      socket.destroy();
    });
    socket.once("close", () => resolve());
    socket.once("error", reject);
  });
}

/** Polls until `check` is true or `ms` passes; returns the last value of `read`. */
async function settle(read: () => number, check: (n: number) => boolean, ms: number): Promise<number> {
  const until = Date.now() + ms;
  let value = read();
  while (!check(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = read();
  }
  return value;
}

describe("abandoned downloads", () => {
  it("200 downloads abandoned mid-file leave no file open", async () => {
    // One complete download first, so lazily opened descriptors (loggers, caches) are in the baseline.
    await abandonDownload("/big.html");
    const baseline = await settle(openFds, () => false, 200);
    for (let i = 0; i < 200; i += 20) {
      await Promise.all(Array.from({ length: 20 }, () => abandonDownload("/big.html")));
    }
    const after = await settle(openFds, (n) => n <= baseline, 10_000);
    // A leak leaves one descriptor per download (200); a few either way are other work of this process.
    expect(after - baseline, `open descriptors: ${baseline} before, ${after} after`).toBeLessThan(10);
    // And the server still serves whole files.
    const whole = await fetch(new URL("big.html", server.url));
    expect((await whole.arrayBuffer()).byteLength).toBe(BIG);
  }, 60_000);
});

describe("downloads that stop being read", () => {
  it("the server hangs up on a download nobody reads (socketTimeoutMs), and the pipeline closes its file", async () => {
    const stalled = await serveDocs({ dir: join(root, "site"), port: 0, socketTimeoutMs: 300 });
    try {
      const { hostname, port } = new URL(stalled.url);
      const received = await Promise.all(
        Array.from({ length: 4 }, async () => {
          const socket = connect(Number(port), hostname);
          socket.on("error", () => undefined);
          await new Promise((resolve) => socket.once("connect", resolve));
          socket.write(`GET /huge.bin HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`);
          let bytes = 0;
          socket.on("data", (chunk: Buffer) => (bytes += chunk.length));
          await new Promise((resolve) => socket.once("data", resolve));
          socket.pause();
          // Nothing read for many times the timeout; then read what is left, up to the end.
          await new Promise((resolve) => setTimeout(resolve, 5_000));
          const closed = new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), 20_000);
            socket.once("close", () => {
              clearTimeout(timer);
              resolve(true);
            });
          });
          socket.resume();
          const ended = await closed;
          socket.destroy();
          return { ended, bytes };
        }),
      );
      // A server that waited for the reader would have sent the whole file (and kept the connection).
      for (const { ended, bytes } of received) {
        expect(ended).toBe(true);
        expect(bytes).toBeLessThan(HUGE);
      }
    } finally {
      await stalled.close();
    }
  }, 60_000);
});

/** One raw request (paths and methods reach the server as written); the answer's status and headers. */
function raw(path: string, method = "GET"): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`${method} ${path}: no answer within 10 s`)));
    req.on("error", reject).end();
  });
}

describe("headers that protect the docs in a browser", () => {
  it.each([
    ["/", "GET", 200],
    ["/big.html", "HEAD", 200],
    ["/missing.html", "GET", 404],
    ["/../etc/passwd", "GET", 404],
    ["/", "POST", 405],
    ["/", "DELETE", 405],
  ])("%s %s (%i) carries CSP, X-Frame-Options and nosniff", async (path, method, status) => {
    const answer = await raw(path, method);
    expect(answer.status).toBe(status);
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["x-frame-options"]).toBe("DENY");
    const csp = String(answer.headers["content-security-policy"]);
    expect(csp).toBe(DOCS_SECURITY_HEADERS["content-security-policy"]);
    // The page may run only its own code and talk only to its own origin, and nobody may frame it.
    expect(csp).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(csp).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
    expect(csp).toMatch(/(^|; )object-src 'none'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|\*|https?:/);
  });
});

describe("npm start's docs host (scripts/start.ts)", () => {
  const quiet = (): void => undefined;

  it("keeps the docs on 127.0.0.1 when the mock binds another interface", async () => {
    expect(DEFAULT_DOCS_HOST).toBe("127.0.0.1");
    // 127.0.0.2 is loopback too: the test binds nothing outside this machine.
    const started = await start({ port: 0, host: "127.0.0.2" }, { docsPort: 0, docsHost: undefined, print: quiet });
    try {
      expect(new URL(started.mock.url).hostname).toBe("127.0.0.2");
      expect(new URL(started.docsUrl).hostname).toBe("127.0.0.1");
      expect((await fetch(started.docsUrl)).status).toBe(200);
    } finally {
      await started.close();
    }
  });

  it("binds the docs where asked (DOCS_HOST in the CLI), independently of the mock", async () => {
    const started = await start({ port: 0 }, { docsPort: 0, docsHost: "127.0.0.3", print: quiet });
    try {
      expect(new URL(started.mock.url).hostname).toBe("127.0.0.1");
      expect(new URL(started.docsUrl).hostname).toBe("127.0.0.3");
      expect((await fetch(started.docsUrl)).status).toBe(200);
    } finally {
      await started.close();
    }
  });
});
