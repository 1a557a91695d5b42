/**
 * A small static file server for the built docs site (build/docs). Loopback by default, GET and HEAD
 * only, no directory listings, and no way out of `dir`: the decoded request path is resolved against
 * the root and refused unless it stays inside it.
 *
 * `npm run docs:serve` builds the site when it is missing or older than its sources, then serves it
 * on 127.0.0.1:4020 and prints the URL. `npm start` (scripts/start.ts) imports serveDocs.
 */
import { createReadStream, existsSync } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, resolve, sep } from "node:path";
import { asUsage, parseCommandLine, runIfMain } from "./lib/cli.js";
import { pipeline } from "node:stream/promises";

export interface ServeDocsOptions {
  /** The folder to serve, such as build/docs. */
  dir: string;
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /**
   * A connection on which no byte moves for this long while a request or a download is under way
   * is closed, and its file with it (a client that stops reading mid-download). Default 30 s.
   */
  socketTimeoutMs?: number;
}

export const DEFAULT_DOCS_SOCKET_TIMEOUT_MS = 30_000;

export interface DocsServer {
  /** Base URL with a trailing slash, such as http://127.0.0.1:4020/. */
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".sh": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".yaml": "text/plain; charset=utf-8",
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Sent with every answer, errors included. The Redoc pages inline their scripts and styles (and
 * styled-components adds styles at run time), hence 'unsafe-inline' for those two; everything else
 * comes from this origin only (images also as data: and blob: URLs, which Redoc builds for its
 * download link), no plugin, no eval, no framing, no form posting elsewhere.
 */
export const DOCS_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; "),
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

function send(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...DOCS_SECURITY_HEADERS, "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(text), ...extra });
  res.end(text);
}

/**
 * Maps a request target to a file inside `root`, or null when it names nothing servable. `root` must
 * already be a real path (no symlinks), so the containment check compares like with like.
 */
export async function resolveRequestPath(root: string, target: string): Promise<string | null> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(target, "http://localhost").pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (pathname.includes("\0")) return null;
  let file = resolve(root, `.${pathname}`);
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    if ((await stat(file)).isDirectory()) file = resolve(file, "index.html");
    // A symlink inside the root must not lead outside it either.
    const real = await realpath(file);
    if (real !== root && !real.startsWith(root + sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

export async function serveDocs({ dir, host = "127.0.0.1", port, socketTimeoutMs = DEFAULT_DOCS_SOCKET_TIMEOUT_MS }: ServeDocsOptions): Promise<DocsServer> {
  if (!existsSync(dir)) throw new Error(`serveDocs: ${dir} does not exist; run \`npm run docs\` first`);
  const root = await realpath(resolve(dir));

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      send(res, 405, "405 Method Not Allowed\n", { allow: "GET, HEAD" });
      return;
    }
    const file = await resolveRequestPath(root, req.url ?? "/");
    if (!file) {
      send(res, 404, "404 Not Found\n");
      return;
    }
    const { size } = await stat(file);
    res.writeHead(200, {
      ...DOCS_SECURITY_HEADERS,
      "content-type": contentTypeFor(file),
      "content-length": size,
      "cache-control": "no-cache",
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    // pipeline, not pipe: when the client goes away mid-file, pipe() leaves the file open forever
    // (one descriptor per abandoned download, until the process runs out); pipeline destroys both
    // ends. The rejection it then reports is that premature close, nothing to answer.
    await pipeline(createReadStream(file), res).catch(() => res.destroy());
  };

  const server = createServer(
    {
      // npm start runs this server in the mock's process: slow or silent clients must not pile up
      // there. Node's defaults (60 s for headers, checked every 30 s) are far looser.
      headersTimeout: 10_000,
      requestTimeout: 30_000,
      keepAliveTimeout: 5_000,
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      handle(req, res).catch(() => {
        if (!res.headersSent) send(res, 500, "500 Internal Server Error\n");
        else res.destroy();
      });
    },
  );
  server.maxConnections = 256;
  // With no 'timeout' listener, Node destroys the socket; the pipeline then closes the file.
  server.timeout = socketTimeoutMs;
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      server.off("error", fail);
      ok();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((err) => (err ? fail(err) : ok()));
        server.closeAllConnections();
      }),
  };
}

const HELP = `Usage: npm run docs:serve [-- --port <n>] [-- --host <addr>] [-- --dir <dir>] [-- --help]

Builds the API docs site when it is missing or stale (npm run docs), then serves it.

  --port <n>     port to listen on (default: 4020; 0 picks a free one)
  --host <addr>  address to bind (default: 127.0.0.1)
  --dir <dir>    folder to serve (default: build/docs; not rebuilt when given)
  --help         show this help`;

async function main(argv: string[]): Promise<void> {
  const { values } = parseCommandLine(argv, { options: { port: { type: "string" }, host: { type: "string" }, dir: { type: "string" } } });
  // The mock's port parser, the one for every --port; imported here so importing serveDocs does not load the mock.
  const { parsePort } = await import("../mock/src/cli-args.js");
  const port = values.port;
  const options = {
    port: port === undefined ? 4020 : asUsage(() => parsePort(port)),
    host: values.host ?? "127.0.0.1",
    dir: values.dir === undefined ? "" : resolve(values.dir),
  };
  if (!options.dir) {
    // Imported here so that importing serveDocs does not pull in the build.
    const { buildDocs, DEFAULT_OUT_DIR, isDocsBuildFresh } = await import("./docs.js");
    options.dir = DEFAULT_OUT_DIR;
    if (!isDocsBuildFresh(DEFAULT_OUT_DIR)) {
      const build = buildDocs();
      console.log(`built the docs in ${(build.ms / 1000).toFixed(1)} s`);
    }
  }
  const server = await serveDocs(options);
  console.log(`API docs: ${server.url}`);
  const stop = () => {
    server.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

runIfMain(import.meta.url, { name: "docs:serve", help: HELP, run: main });

