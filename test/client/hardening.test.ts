/**
 * Answers no real service gives, and servers that never finish: each call must reject with a
 * `CallError` naming the operation (and the status when there was one), on the default Node
 * transport and on an injected `fetch` (one that honours the request's signal, and one that ignores
 * it), against real servers on 127.0.0.1. Nothing here allocates more than a few MiB.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type AddressInfo, createServer as createNetServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallError, type ClientOptions, createImageBuilderClient, createSsmClient, isCallError } from "../../src/index.js";

const AMZ_JSON = { "content-type": "application/x-amz-json-1.1" };

interface Seen {
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** A loopback server whose route (the endpoint path) picks the answer; it records what it receives. */
async function listen(route: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<{ server: Server; base: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      seen.push({ url: req.url!, headers: req.headers, body });
      route(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** Bytes the /huge route managed to write before the client closed the connection. */
const written: Record<string, number> = {};
/** Connections the client closed while the server was still writing. */
let closedEarly = 0;
const HUGE_LIMIT = 32 * 1024 * 1024; // the server gives up here: the client must have stopped long before

let main: Awaited<ReturnType<typeof listen>>;
let other: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  other = await listen((_req, res) => res.writeHead(200, AMZ_JSON).end('{"Commands":[{"CommandId":"from-the-other-host"}]}'));
  main = await listen((req, res) => {
    const route = req.url!.split("/")[1]!;
    switch (route) {
      case "huge": {
        // Streams JSON-looking bytes without end, as fast as the client reads them.
        res.writeHead(200, AMZ_JSON);
        const id = req.url!.split("/")[2]!;
        written[id] = 0;
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        res.write("{");
        const pump = (): void => {
          while (!res.destroyed && written[id]! < HUGE_LIMIT) {
            written[id]! += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          if (!res.destroyed) res.end("}");
        };
        res.on("close", () => {
          if (!res.writableFinished) closedEarly++;
        });
        return pump();
      }
      case "announced-huge":
        // Announces 1 GiB, sends a little, then nothing: refused on the header alone.
        res.writeHead(200, { ...AMZ_JSON, "content-length": String(1024 ** 3) });
        return void res.write("{");
      case "silent":
        return; // never answers
      case "endless":
        res.writeHead(200, AMZ_JSON);
        return void res.write('{"Commands":['); // never ends the body
      case "trickle": {
        // One byte every 20 ms, for longer than any test waits: idle timeouts never fire on this.
        res.writeHead(200, AMZ_JSON);
        const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(" ")), 20);
        return void res.on("close", () => clearInterval(timer));
      }
      case "redirect": {
        const status = Number(req.url!.split("/")[2]);
        return void res.writeHead(status, { location: `${other.base}/`, "content-type": "text/html" }).end("<a>moved</a>");
      }
      case "empty":
        return void res.writeHead(200, AMZ_JSON).end();
      case "no-content":
        return void res.writeHead(204).end();
      case "invalid-json":
        return void res.writeHead(200, AMZ_JSON).end('{"Commands": [');
      case "array":
        return void res.writeHead(200, AMZ_JSON).end("[]");
      case "html":
        return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<html><body>Captive portal</body></html>");
      case "ok":
        return void res.writeHead(200, AMZ_JSON).end('{"Commands":[]}');
      case "proxy-page":
        // A proxy's error page: HTML, far longer than a message should be.
        return void res.writeHead(502, { "content-type": "text/html" }).end(`<html>${"x".repeat(8192)}</html>`);
      case "status-600":
        return void res.writeHead(600, AMZ_JSON).end("{}");
      default:
        return void res.writeHead(404).end();
    }
  });
});

afterAll(async () => {
  for (const { server } of [main, other]) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** The ways a request can leave: the default transport, and injected fetches. */
const TRANSPORTS: Array<[string, ClientOptions["fetch"]]> = [
  ["the Node transport", undefined],
  ["an injected fetch", (request) => fetch(request)],
  // Sends what it is given but drops the signal: the client must still end the call.
  ["an injected fetch that ignores the signal", (request) => fetch(request.url, { method: request.method, headers: request.headers, body: request.body, duplex: "half", redirect: request.redirect } as RequestInit)],
];

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };
const ssm = (route: string, fetch: ClientOptions["fetch"], extra: Partial<ClientOptions> = {}) =>
  createSsmClient({ region: "us-east-1", endpoint: `${main.base}/${route}`, credentials, ...(fetch ? { fetch } : {}), ...extra });

/** The rejection of a call that must fail. */
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
  describe("a huge answer", () => {
    it("streaming past maxResponseBytes rejects naming the operation, and the connection is closed early", async () => {
      const id = String(Math.random()).slice(2);
      const before = closedEarly;
      const error = await rejection(ssm(`huge/${id}`, fetch, { maxResponseBytes: 256 * 1024 }).listCommands());
      expect(error.name).toBe("ResponseTooLargeError");
      expect(error.operation).toBe("ListCommands");
      expect(error.message).toMatch(/^ListCommands: the answer's body \(\d+ bytes or more\) is larger than the client's maxResponseBytes \(262144\)$/);
      await expect.poll(() => closedEarly).toBeGreaterThan(before);
      // The server stopped long before its own limit: the client closed the connection, it did not read on.
      expect(written[id]).toBeGreaterThan(0);
      expect(written[id]!).toBeLessThan(HUGE_LIMIT / 2);
    });

    it("a Content-Length over maxResponseBytes is refused on the header alone", async () => {
      const error = await rejection(ssm("announced-huge", fetch, { maxResponseBytes: 1024 }).listCommands());
      expect(error).toMatchObject({ name: "ResponseTooLargeError", operation: "ListCommands" });
      expect(error.message).toContain(`(${1024 ** 3} bytes or more)`);
    });
  });

  describe("timeouts and cancel", () => {
    it.each(["silent", "endless", "trickle"])("a server that is %s: timeoutMs rejects with TimeoutError", async (route) => {
      const error = await rejection(ssm(route, fetch, { timeoutMs: 300 }).listCommands());
      expect(error).toMatchObject({ name: "TimeoutError", operation: "ListCommands", message: "ListCommands: no complete answer within 300 ms (the client's timeoutMs)" });
    });

    it("the per-call signal aborts a call in flight with AbortError, the reason as cause", async () => {
      const controller = new AbortController();
      const call = ssm("endless", fetch).listCommands({}, { signal: controller.signal });
      setTimeout(() => controller.abort(new Error("user went away")), 100);
      const error = await rejection(call);
      expect(error).toMatchObject({ name: "AbortError", operation: "ListCommands", message: "ListCommands: aborted by the caller's signal" });
      expect((error.cause as Error).message).toBe("user went away");
    });
  });

  describe("redirects", () => {
    it.each([301, 302, 303, 307, 308])("HTTP %i is a RedirectError naming status and Location; the other host receives nothing", async (status) => {
      other.seen.length = 0;
      const client = ssm(`redirect/${status}`, fetch, { credentials: { ...credentials, sessionToken: "SECRET-SESSION-TOKEN" } });
      const error = await rejection(client.listCommands({ MaxResults: 5 }));
      expect(error).toMatchObject({ name: "RedirectError", operation: "ListCommands", status });
      expect(error.message).toContain(`HTTP ${status} redirecting to ${other.base}/`);
      expect(other.seen).toEqual([]);
    });
  });

  describe("odd answers", () => {
    it.each([
      ["empty", 200, "HTTP 200 with an empty body: expected a JSON object"],
      ["no-content", 204, "HTTP 204: expected 200 with a JSON object"],
      ["invalid-json", 200, "HTTP 200: the body is not valid JSON"],
      ["array", 200, "HTTP 200 with a JSON array: expected a JSON object"],
      ["html", 200, "HTTP 200 with Content-Type text/html; charset=utf-8: expected a JSON object"],
    ] as const)("%s is an InvalidResponseError naming the operation and status", async (route, status, message) => {
      const error = await rejection(ssm(route, fetch).listCommands());
      expect(error).toMatchObject({ name: "InvalidResponseError", operation: "ListCommands", status });
      expect(error.message).toContain(`ListCommands: ${message}`);
    });

    it("the Image Builder client names its operation too", async () => {
      const client = createImageBuilderClient({ region: "us-east-1", endpoint: `${main.base}/html`, credentials, ...(fetch ? { fetch } : {}) });
      const error = await rejection(client.listWorkflowStepExecutions({ workflowExecutionId: "wf-1" }));
      expect(error).toMatchObject({ name: "InvalidResponseError", operation: "ListWorkflowStepExecutions", status: 200 });
    });
  });

  it("a well-formed answer still resolves", async () => {
    await expect(ssm("ok", fetch).listCommands()).resolves.toEqual({ Commands: [] });
  });
});


describe("every method and paginator takes a signal", () => {
  const WINDOW = "14bea65d-5ccc-462d-a2f3-e99c8EXAMPLE";
  const AUTOMATION = "4105a4fc-f944-11e6-9d32-0a1b2EXAMPLE";
  const WORKFLOW = "wf-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  const calls: Array<[string, string, (endpoint: string, signal: AbortSignal) => Promise<unknown>]> = [];
  const ssmAt = (endpoint: string) => createSsmClient({ region: "us-east-1", endpoint, credentials });
  const ibAt = (endpoint: string) => createImageBuilderClient({ region: "us-east-1", endpoint, credentials });
  const drain = async (pages: AsyncIterable<unknown>): Promise<unknown[]> => {
    const out: unknown[] = [];
    for await (const page of pages) out.push(page);
    return out;
  };
  calls.push(
    ["listCommands", "ListCommands", (e, signal) => ssmAt(e).listCommands({}, { signal })],
    ["listCommandInvocations", "ListCommandInvocations", (e, signal) => ssmAt(e).listCommandInvocations({}, { signal })],
    ["getMaintenanceWindowExecution", "GetMaintenanceWindowExecution", (e, signal) => ssmAt(e).getMaintenanceWindowExecution({ WindowExecutionId: WINDOW }, { signal })],
    ["describeAutomationStepExecutions", "DescribeAutomationStepExecutions", (e, signal) => ssmAt(e).describeAutomationStepExecutions({ AutomationExecutionId: AUTOMATION }, { signal })],
    ["listWorkflowStepExecutions", "ListWorkflowStepExecutions", (e, signal) => ibAt(e).listWorkflowStepExecutions({ workflowExecutionId: WORKFLOW }, { signal })],
    ["paginateListCommands", "ListCommands", (e, signal) => drain(ssmAt(e).paginateListCommands({}, { signal }))],
    ["paginateListCommandInvocations", "ListCommandInvocations", (e, signal) => drain(ssmAt(e).paginateListCommandInvocations({}, { signal }))],
    [
      "paginateDescribeAutomationStepExecutions",
      "DescribeAutomationStepExecutions",
      (e, signal) => drain(ssmAt(e).paginateDescribeAutomationStepExecutions({ AutomationExecutionId: AUTOMATION }, { signal })),
    ],
    ["paginateListWorkflowStepExecutions", "ListWorkflowStepExecutions", (e, signal) => drain(ibAt(e).paginateListWorkflowStepExecutions({ workflowExecutionId: WORKFLOW }, { signal }))],
  );

  it.each(calls)("%s: an aborted signal rejects at once, and nothing is sent", async (_method, operation, run) => {
    const sent = main.seen.length;
    const error = await rejection(run(`${main.base}/ok`, AbortSignal.abort(new Error("already gone"))));
    expect(error).toMatchObject({ name: "AbortError", operation });
    expect(main.seen.length).toBe(sent);
  });

  it.each(calls)("%s: aborting while the server is silent rejects", async (_method, operation, run) => {
    const controller = new AbortController();
    const call = run(`${main.base}/silent`, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(rejection(call)).resolves.toMatchObject({ name: "AbortError", operation });
  });
});

describe("the limits are checked when the client is made", () => {
  it.each([
    ["timeoutMs", 0],
    ["timeoutMs", -1],
    ["timeoutMs", 1.5],
    ["timeoutMs", 2 ** 31],
    ["maxResponseBytes", 0],
    ["maxResponseBytes", "1024"],
    ["maxResponseBytes", 2 ** 30],
  ] as const)("%s %j is refused with a TypeError naming the option", (name, value) => {
    expect(() => createSsmClient({ region: "us-east-1", credentials, [name]: value as number })).toThrow(new RegExp(`^ssm client: ${name} must be an integer from 1 to \\d+, got ${JSON.stringify(value).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  });
});

describe("answers and arguments no call can use", () => {
  it("a status outside 200-599 is an InvalidResponseError naming it (Node transport)", async () => {
    const error = await rejection(ssm("status-600", undefined).listCommands());
    expect(error).toMatchObject({ name: "InvalidResponseError", operation: "ListCommands", status: 600 });
  });

  it("a 101 Switching Protocols is an InvalidResponseError at once, not a wait for timeoutMs (Node transport)", async () => {
    const raw = createNetServer((socket) => {
      socket.once("data", () => socket.end("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n"));
    });
    await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
    try {
      const client = createSsmClient({ region: "us-east-1", endpoint: `http://127.0.0.1:${(raw.address() as AddressInfo).port}`, credentials, timeoutMs: 60_000 });
      const error = await rejection(client.listCommands());
      expect(error).toMatchObject({ name: "InvalidResponseError", operation: "ListCommands", status: 101 });
    } finally {
      await new Promise<void>((resolve) => raw.close(() => resolve()));
    }
  });

  it("a non-JSON error body becomes a message of at most about 1 KB", async () => {
    const error = (await ssm("proxy-page", undefined).listCommands().catch((e: unknown) => e)) as Error;
    expect(error.name).toBe("UnknownError");
    expect(error.message.startsWith("<html>")).toBe(true);
    expect(error.message.length).toBeLessThanOrEqual(1025);
  });

  it("a signal that is not an AbortSignal is a TypeError naming the option", async () => {
    await expect(ssm("ok", undefined).listCommands({}, { signal: new AbortController() as unknown as AbortSignal })).rejects.toThrow(/^ssm client: options.signal must be an AbortSignal, got \[object AbortController\]$/);
  });

  it.each(["http://user:pass@127.0.0.1:4010", "http://127.0.0.1:4010/?x=1", "http://127.0.0.1:4010/#frag"])("the endpoint %s is refused when the client is made", (endpoint) => {
    expect(() => createSsmClient({ region: "us-east-1", endpoint, credentials })).toThrow(/^ssm client: endpoint must not carry user info, a query or a fragment/);
  });
});

it("isCallError narrows by name", async () => {
  const error = await ssm("array", undefined).listCommands().catch((e: unknown) => e);
  expect(isCallError(error)).toBe(true);
  expect(isCallError(error, "InvalidResponseError")).toBe(true);
  expect(isCallError(error, "TimeoutError")).toBe(false);
  expect(isCallError(new Error("x"))).toBe(false);
});

it("a credential provider that never settles cannot hold the call past timeoutMs", async () => {
  const client = createSsmClient({ region: "us-east-1", endpoint: `${main.base}/ok`, credentials: () => new Promise(() => undefined), timeoutMs: 200 });
  await expect(rejection(client.listCommands())).resolves.toMatchObject({ name: "TimeoutError", operation: "ListCommands" });
});
