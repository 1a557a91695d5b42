/**
 * The mock's connections under clients that hold on: too many of them, headers or a body trickled
 * a byte at a time, an idle keep-alive connection, and a client that pipelines requests and never
 * reads the answers. Each is cut off within a bounded wait (a generous multiple of the limit the
 * mock is given), over loopback; none of these waits is an assertion on speed.
 */
import type { Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { parseMockArgs } from "../../mock/src/cli-args.js";
import { DEFAULT_CONNECTION_LIMITS, startMock, type AnswerEvent, type RunningMock, type StartMockOptions } from "../../mock/src/index.js";
import { checkingIntervalMs, createMockServer, resolveLimits } from "../../mock/src/server.js";
import { rawSocket, readUntilClose } from "../mock/wire.js";

const SSM_REQUEST =
  "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: AmazonSSM.ListCommands\r\nContent-Length: 2\r\n\r\n{}";

const mocks: RunningMock[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(mocks.splice(0).map((mock) => mock.close()));
});

async function mock(options: StartMockOptions = {}): Promise<RunningMock> {
  const running = await startMock({ port: 0, ...options });
  mocks.push(running);
  return running;
}

async function open(url: string): Promise<Socket> {
  const socket = await rawSocket(url);
  sockets.push(socket);
  socket.on("error", () => undefined);
  return socket;
}

/** Writes `text` a byte at a time, every `everyMs`, until the socket closes or `text` ends. */
async function trickle(socket: Socket, text: string, everyMs: number): Promise<void> {
  for (const byte of text) {
    if (socket.destroyed || !socket.writable) return;
    socket.write(byte);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Sends one request on an open connection and resolves with the first answer's bytes. */
function exchange(socket: Socket, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    const onData = (chunk: Buffer): void => {
      data += chunk.toString("latin1");
      if (/\r\n\r\n[\s\S]*\}$/.test(data)) {
        socket.off("data", onData);
        resolve(data);
      }
    };
    socket.on("data", onData);
    socket.once("close", () => reject(new Error(`connection closed; got: ${data.slice(0, 80)}`)));
    socket.write(request);
  });
}

function expectTimeoutAnswer(data: string): void {
  expect(data).toMatch(/^HTTP\/1.1 408 /);
  expect(data).toMatch(/\r\nx-amzn-ErrorType: RequestTimeoutException\r\n/);
  expect(data).toMatch(/\r\nx-amzn-RequestId: [0-9a-f-]{36}\r\n/);
  expect(JSON.parse(data.slice(data.indexOf("\r\n\r\n") + 4))).toMatchObject({ __type: "RequestTimeoutException", Message: expect.stringMatching(/did not arrive in time/) });
}

describe("how many connections", () => {
  it("maxConnections: connections past the limit are closed at once; freed room is used again", async () => {
    const running = await mock({ maxConnections: 4, keepAliveTimeoutMs: 60_000 });
    const held = [];
    for (let i = 0; i < 4; i++) {
      const socket = await open(running.url);
      expect(await exchange(socket, SSM_REQUEST)).toMatch(/^HTTP\/1.1 200 /);
      held.push(socket);
    }
    const extra = await open(running.url);
    extra.write(SSM_REQUEST);
    const refused = await readUntilClose(extra, 5_000);
    expect(refused).toEqual({ data: "", closed: true });

    held[0]!.destroy();
    // The server learns of the closed connection shortly; then a new one is served.
    let answer = "";
    for (let attempt = 0; attempt < 50 && !answer.startsWith("HTTP/1.1 200"); attempt++) {
      const socket = await open(running.url);
      answer = await exchange(socket, SSM_REQUEST).catch(() => "");
      if (!answer) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(answer).toMatch(/^HTTP\/1.1 200 /);
  });

  it("refuses limits Node would misread, naming them", async () => {
    await expect(startMock({ port: 0, maxConnections: 0 })).rejects.toThrow(/maxConnections must be a positive whole number \(got 0\)/);
    await expect(startMock({ port: 0, keepAliveTimeoutMs: 1.5 })).rejects.toThrow(/keepAliveTimeoutMs must be a positive whole number/);
    await expect(startMock({ port: 0, headersTimeoutMs: 5_000, requestTimeoutMs: 1_000 })).rejects.toThrow(/headersTimeoutMs \(5000\) must not exceed requestTimeoutMs \(1000\)/);
  });

  it("the bin takes --max-connections N (a whole number of at least 1)", () => {
    expect(parseMockArgs(["--max-connections", "8"], {})).toEqual({ help: false, options: { port: 4010, maxConnections: 8 } });
    for (const bad of ["0", "x", "-1", "1.5", ""]) {
      expect(() => parseMockArgs([`--max-connections=${bad}`], {}), bad).toThrow(/--max-connections must be a whole number of at least 1/);
    }
  });
});

describe("slow clients", () => {
  it(`the default ${DEFAULT_CONNECTION_LIMITS.headersTimeoutMs} ms headers timeout is checked every second, so a trickling client is cut off within 10% of it`, () => {
    // Node's own check (every 30 s) let such a client hold the socket about 29 s. What the check
    // then does is the next test's, with a short timeout.
    const limits = resolveLimits();
    const server = createMockServer(() => undefined, { limits, protocolOf: () => "awsJson1_1" });
    expect(server.headersTimeout).toBe(DEFAULT_CONNECTION_LIMITS.headersTimeoutMs);
    expect(server.requestTimeout).toBe(DEFAULT_CONNECTION_LIMITS.requestTimeoutMs);
    expect(checkingIntervalMs(limits)).toBeLessThanOrEqual(DEFAULT_CONNECTION_LIMITS.headersTimeoutMs / 10);
  });

  it("headersTimeoutMs: slow headers get a 408 RequestTimeoutException and a closed connection, and the answer's event", async () => {
    const running = await mock({ headersTimeoutMs: 400, requestTimeoutMs: 5_000 });
    const events: AnswerEvent[] = [];
    running.events.subscribe((event) => events.push(event));
    const socket = await open(running.url);
    void trickle(socket, SSM_REQUEST, 100);
    const { data, closed } = await readUntilClose(socket, 5_000);
    expect(closed).toBe(true);
    expectTimeoutAnswer(data);
    expect(data).toContain("headers must arrive within 400 ms");
    const requestId = /\r\nx-amzn-RequestId: (\S+)\r\n/.exec(data)?.[1];
    expect(events).toMatchObject([{ requestId, status: 408, errorName: "RequestTimeoutException", answeredBy: "server", operation: undefined }]);
  });

  it("requestTimeoutMs: a body trickled a byte at a time (never idle long enough for the body timeout) gets a 408", async () => {
    const running = await mock({ headersTimeoutMs: 400, requestTimeoutMs: 1_000 });
    const socket = await open(running.url);
    const head = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: AmazonSSM.ListCommands\r\nContent-Length: 200\r\n\r\n";
    socket.write(head);
    void trickle(socket, `{"NextToken": "${"a".repeat(180)}"}`, 100);
    const { data, closed } = await readUntilClose(socket, 8_000);
    expect(closed).toBe(true);
    expectTimeoutAnswer(data);
    expect(data).toContain("whole request within 1000 ms");
  });

  it("keepAliveTimeoutMs: an idle keep-alive connection is closed", async () => {
    const running = await mock({ keepAliveTimeoutMs: 200 });
    const socket = await open(running.url);
    expect(await exchange(socket, SSM_REQUEST)).toMatch(/^HTTP\/1.1 200 /);
    // Node adds one second to the advertised keep-alive timeout; the default (5 s) would take 6.
    const { closed } = await readUntilClose(socket, 4_000);
    expect(closed).toBe(true);
  });
});

describe("a client that pipelines requests and never reads", () => {
  it("is disconnected once its unread answers stall the socket, instead of holding it forever", async () => {
    // One connection at most, so that a probe connection is served only once the mock has let
    // the non-reading client go: that shows it without timing how long the stall took.
    const running = await mock({ maxConnections: 1, socketTimeoutMs: 500, headersTimeoutMs: 500, requestTimeoutMs: 1_000 });
    const socket = await open(running.url);
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    socket.pause();
    // About 7.5 MB of requests whose answers (about 80 MB) far exceed all that loopback TCP may
    // buffer for a reader that stopped (net.ipv4.tcp_rmem allows up to 32 MiB, tcp_wmem 4 MiB).
    const count = 60_000;
    socket.write(SSM_REQUEST.repeat(count));

    let probe = "";
    for (let attempt = 0; attempt < 300 && !probe.startsWith("HTTP/1.1 200"); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const other = await open(running.url);
      probe = await exchange(other, SSM_REQUEST).catch(() => "");
      other.destroy();
    }
    expect(probe, "the mock never let the non-reading client go").toMatch(/^HTTP\/1.1 200 /);

    // Now read: a mock that hung up handed over at most what was buffered, and the connection
    // ends (if it has not already: the reset can fail the client's pending write); one that held
    // on (or ignored maxConnections) answers every request.
    let answered = 0;
    let tail = "";
    socket.on("data", (chunk: Buffer) => {
      const text = tail + chunk.toString("latin1");
      answered += text.split("HTTP/1.1 200 ").length - 1;
      tail = text.slice(-12);
    });
    socket.resume();
    let timer: NodeJS.Timeout | undefined;
    const ended = await Promise.race([closed.then(() => true), new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 30_000)))]);
    clearTimeout(timer);
    expect(ended).toBe(true);
    expect(answered).toBeLessThan(count);
  }, 120_000);
});
