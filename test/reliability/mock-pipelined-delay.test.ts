/**
 * Pipelined `Prefer: delay` requests on one connection are bounded: the connection holds at most
 * MAX_DELAYED_PER_CONNECTION answers back at once, the next ones get the protocol's throttling
 * error (queued behind the held ones, in order), and a client on another connection is answered
 * meanwhile. Loopback only; counts and the order of events, no wall-clock assertion.
 */
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_DELAYED_PER_CONNECTION } from "../../mock/src/faults/delays.js";
import { startMock, type RunningMock } from "../../mock/src/index.js";
import { send } from "./wire.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
});
afterAll(() => mock?.close());

const PIPELINED = 200;

/** Splits a stream of HTTP/1.1 answers (each with Content-Length) into status and body. */
function answersIn(text: string): { status: number; body: string }[] {
  const out: { status: number; body: string }[] = [];
  let rest = text;
  for (;;) {
    const head = rest.indexOf("\r\n\r\n");
    if (head === -1) return out;
    const headers = rest.slice(0, head);
    const length = Number(/content-length: (\d+)/i.exec(headers)?.[1] ?? 0);
    if (rest.length < head + 4 + length) return out;
    out.push({ status: Number(headers.slice(9, 12)), body: rest.slice(head + 4, head + 4 + length) });
    rest = rest.slice(head + 4 + length);
  }
}

describe("pipelined delayed answers", () => {
  it(`one connection holds at most ${MAX_DELAYED_PER_CONNECTION}; the rest are throttled; another client is answered meanwhile`, async () => {
    const { hostname, port, host } = new URL(mock.url);
    const body = "{}";
    const one = `POST / HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: AmazonSSM.ListCommands\r\nPrefer: delay=1000\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    const events: string[] = [];
    const socket = connect(Number(port), hostname);
    socket.on("error", () => undefined);
    let text = "";
    const all = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${answersIn(text).length} of ${PIPELINED} answers arrived`)), 60_000);
      socket.on("data", (chunk: Buffer) => {
        if (text === "") events.push("first delayed answer");
        text += chunk.toString("latin1");
        if (answersIn(text).length >= PIPELINED) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    await new Promise<void>((resolve) => socket.write(one.repeat(PIPELINED), () => resolve()));

    // Another client, on its own connection, while the pipeline waits.
    const other = await send(mock.url, { name: "ListCommands", method: "POST", path: "/", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands" }, body: "{}" });
    events.push("other client answered");
    expect(other.status).toBe(200);

    await all;
    socket.destroy();
    expect(events[0]).toBe("other client answered");
    const answers = answersIn(text);
    expect(answers).toHaveLength(PIPELINED);
    // In order: the first held answers are the data set's, the next one is the throttling error.
    expect(answers.slice(0, MAX_DELAYED_PER_CONNECTION).map((a) => a.status)).toEqual(Array(MAX_DELAYED_PER_CONNECTION).fill(200));
    expect(answers[MAX_DELAYED_PER_CONNECTION]!.status).toBe(400);
    expect(JSON.parse(answers[MAX_DELAYED_PER_CONNECTION]!.body)).toMatchObject({ __type: "ThrottlingException" });
    const throttled = answers.filter((a) => a.status === 400).length;
    expect(throttled).toBeGreaterThan(0);
    expect(answers.every((a) => a.status === 200 || JSON.parse(a.body).__type === "ThrottlingException")).toBe(true);
  }, 90_000);
});
