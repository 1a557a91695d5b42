/**
 * What the wire can throw at a call, on the Node transport and on fetch, against raw TCP servers on
 * 127.0.0.1 that answer what no HTTP server should: each arrives as a `CallError` with a name to
 * branch on and the runtime's error as `cause`, never as a raw Node or undici error. Credentials
 * providers that throw or resolve a token with CR/LF fail the same way, naming the provider.
 */
import { createServer as createHttpServer } from "node:http";
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallError, type ClientOptions, createSsmClient, isCallError, standardRetryStrategy } from "../../src/index.js";

const OK_BODY = '{"Commands":[]}';
const head = (lines: string[]): string => `HTTP/1.1 200 OK\r\n${lines.join("\r\n")}\r\n\r\n`;

/** Raw answers by the request's first path segment; `reset-once/<id>` resets its first request only. */
const seen = new Map<string, number>();
const ANSWERS: Record<string, (socket: Socket, path: string) => void> = {
  "header-overflow": (s) => void s.end(head(["Content-Type: application/x-amz-json-1.1", `X-Big: ${"a".repeat(20 * 1024)}`, "Content-Length: 2"]) + "{}"),
  "reset-mid-body": (s) => {
    s.write(head(["Content-Type: application/x-amz-json-1.1", "Content-Length: 100"]) + '{"Commands":');
    setTimeout(() => s.resetAndDestroy(), 20);
  },
  "invalid-chunk": (s) => void s.end(head(["Content-Type: application/x-amz-json-1.1", "Transfer-Encoding: chunked"]) + "ZZ\r\n{}\r\n0\r\n\r\n"),
  "double-length": (s) => void s.end(head(["Content-Type: application/x-amz-json-1.1", "Content-Length: 2", "Content-Length: 15"]) + OK_BODY),
  "reset-once": (s, path) => {
    const count = (seen.get(path) ?? 0) + 1;
    seen.set(path, count);
    if (count === 1) return void s.resetAndDestroy();
    s.end(head(["Content-Type: application/x-amz-json-1.1", `Content-Length: ${OK_BODY.length}`]) + OK_BODY);
  },
};

let raw: Server;
let rawBase: string;
let http: ReturnType<typeof createHttpServer>;
let httpBase: string;
beforeAll(async () => {
  raw = createServer((socket) => {
    let received = "";
    socket.on("error", () => undefined);
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
      const end = received.indexOf("\r\n\r\n");
      if (end === -1) return;
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(received.slice(0, end))?.[1] ?? 0);
      if (received.length < end + 4 + length) return;
      const path = received.split(" ")[1]!;
      ANSWERS[path.split("/")[1]!]!(socket, path);
      received = "";
    });
  });
  await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
  rawBase = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
  // A real HTTP server for compressed answers nobody asked for.
  http = createHttpServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const encoding = req.url!.split("/")[1]!;
      const body = encoding === "gzip" ? gzipSync(OK_BODY) : encoding === "bomb" ? gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20)) : Buffer.from(OK_BODY);
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1", "content-encoding": encoding === "bomb" ? "gzip" : encoding, "content-length": body.length }).end(body);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  httpBase = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => raw.close(resolve));
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
});

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };
const TRANSPORTS: Array<[string, ClientOptions["fetch"]]> = [
  ["the Node transport", undefined],
  ["fetch", (request) => fetch(request)],
];
const client = (base: string, path: string, fetch: ClientOptions["fetch"], extra: Partial<ClientOptions> = {}) =>
  createSsmClient({ region: "us-east-1", endpoint: `${base}/${path}`, credentials, maxAttempts: 1, ...(fetch ? { fetch } : {}), ...extra });

const rejection = (promise: Promise<unknown>): Promise<CallError> =>
  promise.then(
    (value) => {
      throw new Error(`expected a CallError, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => {
      if (!(error instanceof CallError)) throw new Error(`expected a CallError, got ${String(error)}`, { cause: error });
      return error;
    },
  );

describe.each(TRANSPORTS)("on %s", (_label, fetch) => {
  it.each([
    ["a 20 KB header", "header-overflow", "InvalidResponseError", /^(HPE_HEADER_OVERFLOW|UND_ERR_HEADERS_OVERFLOW)$/],
    ["a malformed chunk size", "invalid-chunk", "InvalidResponseError", /^HPE_INVALID_CHUNK_SIZE$/],
    ["a doubled Content-Length", "double-length", "InvalidResponseError", /^HPE_UNEXPECTED_CONTENT_LENGTH$/],
    ["a connection reset mid-body", "reset-mid-body", "NetworkError", /^(ECONNRESET|UND_ERR_SOCKET)$/],
  ] as const)("%s (%s) is a CallError named %s, with the runtime's error as cause", async (_what, path, name, code) => {
    const error = await rejection(client(rawBase, path, fetch).listCommands());
    expect(error).toMatchObject({ name, operation: "ListCommands" });
    expect(error.code).toMatch(code);
    expect(error.cause).toBeInstanceOf(Error);
    expect(isCallError(error, name)).toBe(true);
  });

  it("a network error is retried: a connection reset on attempt 1, the answer on attempt 2", async () => {
    const path = `reset-once/${Math.random()}`;
    const ssm = client(rawBase, path, fetch, { maxAttempts: 3, retryStrategy: standardRetryStrategy({ random: () => 0 }) });
    await expect(ssm.listCommands()).resolves.toEqual({ Commands: [] });
    expect(seen.get(`/${path}/`)).toBe(2);
  });

  it("an unrequested gzip answer is decoded, as a browser's fetch decodes it", async () => {
    await expect(client(httpBase, "gzip", fetch).listCommands()).resolves.toEqual({ Commands: [] });
  });

  it("a compressed answer that expands past maxResponseBytes is a ResponseTooLargeError", async () => {
    const error = await rejection(client(httpBase, "bomb", fetch, { maxResponseBytes: 1024 * 1024 }).listCommands());
    expect(error.name).toBe("ResponseTooLargeError");
  });

  it("an encoding neither knows is handed on as it came (fetch's way): here plain JSON", async () => {
    await expect(client(httpBase, "x-unknown", fetch).listCommands()).resolves.toEqual({ Commands: [] });
  });
});

describe("credentials providers", () => {
  it("a provider that throws fails the call with a CredentialsError naming it, its error as cause", async () => {
    const failure = Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" });
    const ssm = createSsmClient({ region: "us-east-1", endpoint: httpBase, credentials: async function fromCorporateVault() { throw failure; } });
    const error = await rejection(ssm.listCommands());
    expect(error).toMatchObject({ name: "CredentialsError", operation: "ListCommands" });
    expect(error.message).toBe("ListCommands: the credentials provider fromCorporateVault failed (CredentialsProviderError: Could not load credentials from any providers)");
    expect(error.cause).toBe(failure);
  });

  it.each([
    ["a session token with CR/LF", { accessKeyId: "ASIAEXAMPLE", secretAccessKey: "secret", sessionToken: "token\r\nX-Injected: yes" }, /sessionToken holds a character that cannot travel in an HTTP header/],
    ["an access key with a space", { accessKeyId: "AKID EXAMPLE", secretAccessKey: "secret" }, /accessKeyId holds a character/],
    ["an expiration that is not a Date", { accessKeyId: "AKID", secretAccessKey: "secret", expiration: "tomorrow" }, /expiration must be a valid Date/],
    ["nothing", undefined, /expected \{ accessKeyId, secretAccessKey, sessionToken\? \}, got undefined/],
  ])("a provider resolving %s fails with a CredentialsError before anything is sent", async (_what, resolved, message) => {
    const ssm = createSsmClient({ region: "us-east-1", endpoint: httpBase, credentials: async () => resolved as never });
    const error = await rejection(ssm.listCommands());
    expect(error.name).toBe("CredentialsError");
    expect(error.message).toMatch(message);
  });

  it("static credentials with CR/LF are refused when the client is made", () => {
    expect(() => createSsmClient({ region: "us-east-1", credentials: { accessKeyId: "a", secretAccessKey: "b", sessionToken: "t\r\n" } })).toThrow(/credentials: sessionToken holds a character/);
  });

  it("a header value with CR/LF is refused when the client is made", () => {
    expect(() => createSsmClient({ region: "us-east-1", credentials, headers: { prefer: "code=400\r\nX-Injected: yes" } })).toThrow(/headers: "prefer" must be/);
  });
});
