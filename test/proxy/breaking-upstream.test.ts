/**
 * An upstream that breaks the contract on purpose (a member the contract does not know, a wrong
 * type, an error the operation does not document, a 500 that is not JSON): each is reported with
 * its operation, direction, member path, rule and kind, and the caller still gets the upstream's
 * answer unchanged: status, headers and body bytes. Loopback only.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import * as ssm from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProxy, type AnswerEvent, type ProxyExchange, type RunningProxy } from "../../mock/src/index.js";

interface Scripted {
  status: number;
  headers: Record<string, string>;
  body: string;
}
let next: Scripted;
/** Answers the next requests itself when set (raw header lists, bytes). */
let upstreamRaw: ((res: ServerResponse) => void) | undefined;
const received: Array<{ headers: IncomingMessage["headers"]; body: string }> = [];
let upstream: Server;
let proxy: RunningProxy;
const exchanges: ProxyExchange[] = [];
const logged: string[] = [];

const COMMAND = { CommandId: "0831e1a8-a1ac-4257-a1fd-c831bEXAMPLE", DocumentName: "AWS-RunShellScript", Status: "Success", RequestedDateTime: 1720404000.5 };
const SSM_JSON = { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "11111111-2222-4333-8444-555555555555", "x-upstream-marker": "kept" };

beforeAll(async () => {
  upstream = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
      if (upstreamRaw) return upstreamRaw(res);
      res.writeHead(next.status, next.headers);
      res.end(next.body);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const { port } = upstream.address() as AddressInfo;
  proxy = await startProxy({ region: "us-east-1", port: 0, endpointUrl: `http://127.0.0.1:${port}`, credentials: { accessKeyId: "AKIDPROXY", secretAccessKey: "proxy/secret" }, onExchange: (e) => exchanges.push(e), log: (line) => logged.push(line) });
});
afterAll(async () => {
  await proxy?.close();
  await new Promise((resolve) => upstream?.close(resolve));
});

/** One ListCommands through the proxy, raw, with the answer as the caller gets it. */
async function call(scripted: Scripted, body = "{}") {
  next = scripted;
  const before = exchanges.length;
  const res = await fetch(proxy.url, { method: "POST", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands" }, body });
  const text = await res.text();
  return { res, text, violations: exchanges.slice(before).flatMap((e) => e.violations) };
}

const SCENARIOS: Array<[string, Scripted, object[]]> = [
  [
    "an unknown member (not breaking in the compatible mode)",
    { status: 200, headers: SSM_JSON, body: JSON.stringify({ Commands: [{ ...COMMAND, ExecutionRoleHint: "x" }] }) },
    [{ operation: "ListCommands", direction: "answer", path: "/Commands/*/ExecutionRoleHint", rule: "additionalProperties", kind: "string", breaking: false, status: 200 }],
  ],
  [
    "a wrong type",
    { status: 200, headers: SSM_JSON, body: JSON.stringify({ Commands: [{ ...COMMAND, TargetCount: "2" }] }) },
    [{ operation: "ListCommands", direction: "answer", path: "/Commands/*/TargetCount", rule: "type", kind: "string", breaking: true, status: 200 }],
  ],
  [
    "an undocumented error",
    { status: 400, headers: SSM_JSON, body: JSON.stringify({ __type: "com.amazonaws.ssm#OpsItemLimitExceededException", Message: "x" }) },
    [{ operation: "ListCommands", direction: "answer", path: "", rule: "undocumentedError", kind: "string", breaking: true, status: 400, error: "OpsItemLimitExceededException" }],
  ],
  [
    "a 500 that is not JSON",
    { status: 500, headers: { "content-type": "text/html", "x-upstream-marker": "kept" }, body: "<html><body>500 Internal Server Error</body></html>" },
    [
      { operation: "ListCommands", direction: "answer", path: "", rule: "mediaType", kind: "string", breaking: true, status: 500 },
      { operation: "ListCommands", direction: "answer", path: "", rule: "json", kind: "text", breaking: true, status: 500 },
    ],
  ],
];

describe("a contract-breaking upstream", () => {
  it.each(SCENARIOS)("%s is reported, and the answer passes through unchanged", async (_name, scripted, expected) => {
    const { res, text, violations } = await call(scripted);
    expect(violations).toEqual(expected);
    expect(res.status).toBe(scripted.status);
    expect(text).toBe(scripted.body);
    for (const [name, value] of Object.entries(scripted.headers)) expect(res.headers.get(name)).toBe(value);
    // Nothing of the proxy's own is added (the mock's CORS headers, its Date).
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("a compressed answer passes through compressed (the proxy checks a decoded copy), with its headers' case and order", async () => {
    const body = JSON.stringify({ Commands: [COMMAND] });
    next = { status: 200, headers: {}, body: "" };
    const zipped = gzipSync(body);
    upstreamRaw = (res) => {
      res.writeHead(200, ["Content-Type", "application/x-amz-json-1.1", "Content-Encoding", "gzip", "X-Upstream-Marker", "first", "X-Upstream-Marker", "second"]);
      res.end(zipped);
    };
    try {
      const before = exchanges.length;
      const raw = await new Promise<{ headers: string[]; body: Buffer }>((resolve, reject) => {
        const req = httpRequest(proxy.url, { method: "POST", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve({ headers: res.rawHeaders, body: Buffer.concat(chunks) }));
        });
        req.on("error", reject);
        req.end("{}");
      });
      expect(raw.body.equals(zipped)).toBe(true);
      expect(raw.headers.slice(0, 8)).toEqual(["Content-Type", "application/x-amz-json-1.1", "Content-Encoding", "gzip", "X-Upstream-Marker", "first", "X-Upstream-Marker", "second"]);
      expect(exchanges.slice(before)).toEqual([{ operation: "ListCommands", status: 200, violations: [] }]);
    } finally {
      upstreamRaw = undefined;
    }
  });

  it("the SDK gets what the upstream said: the unknown member dropped, the undocumented error by its name, the 500 as a server error", async () => {
    const client = new ssm.SSMClient({ endpoint: proxy.url, region: "us-east-1", credentials: { accessKeyId: "AKIDCALLER", secretAccessKey: "caller" }, maxAttempts: 1 });
    next = SCENARIOS[0]![1];
    expect((await client.send(new ssm.ListCommandsCommand({}))).Commands?.[0]?.CommandId).toBe(COMMAND.CommandId);
    next = SCENARIOS[2]![1];
    await expect(client.send(new ssm.ListCommandsCommand({}))).rejects.toMatchObject({ name: "OpsItemLimitExceededException", $metadata: { httpStatusCode: 400 } });
    next = SCENARIOS[3]![1];
    await expect(client.send(new ssm.ListCommandsCommand({}))).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
  });

  it("what reaches the upstream is signed by the proxy, with the caller's body unchanged", async () => {
    await call(SCENARIOS[0]![1], '{"MaxResults":7}');
    const last = received.at(-1)!;
    expect(last.body).toBe('{"MaxResults":7}');
    expect(last.headers["authorization"]).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDPROXY\/\d{8}\/us-east-1\/ssm\/aws4_request/);
    expect(last.headers["x-amz-target"]).toBe("AmazonSSM.ListCommands");
  });

  it("an upstream that cannot be reached gets a 5xx in the protocol's format, counted as unanswered", async () => {
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, "127.0.0.1", resolve));
    const { port } = dead.address() as AddressInfo;
    await new Promise((resolve) => dead.close(resolve));
    const lonely = await startProxy({ region: "us-east-1", port: 0, endpointUrl: `http://127.0.0.1:${port}`, credentials: { accessKeyId: "A", secretAccessKey: "B" } });
    try {
      const res = await fetch(lonely.url, { method: "POST", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands" }, body: "{}" });
      expect(res.status).toBe(502);
      expect(await res.json()).toMatchObject({ __type: "InternalFailure", Message: expect.stringMatching(/could not reach http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/) });
      expect(lonely.report().operations["ListCommands"]).toEqual({ forwarded: 1, statuses: {}, unanswered: 1 });
    } finally {
      await lonely.close();
    }
  });

  it("a recording of an answer that breaks the contract is written, and the summary says the mock refuses it as it is", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "proxy-breaking-")), "recording.json");
    const recording = await startProxy({ region: "us-east-1", port: 0, endpointUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`, credentials: { accessKeyId: "A", secretAccessKey: "B" }, record: file });
    next = SCENARIOS[1]![1];
    await fetch(recording.url, { method: "POST", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands" }, body: "{}" });
    await recording.close();
    expect(JSON.parse(readFileSync(file, "utf8")).Commands[0].TargetCount).toBe("2");
    expect(recording.summary()).toMatch(/Recording: 1 Commands, .* written to \S+; the mock refuses it as it is:\n.*'\/TargetCount' breaks 'type'/s);
  });

  it("each forwarded answer's AnswerEvent carries its violations; the proxy's own refusals none", async () => {
    const seen: AnswerEvent[] = [];
    const stop = proxy.events.subscribe((event) => seen.push(event));
    await call(SCENARIOS[1]![1]);
    await fetch(proxy.url, { method: "POST", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.SendCommand" }, body: "{}" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop();
    expect(seen.map((e) => [e.operation, e.status, e.answeredBy, e.source, e.violations?.map((v) => `${v.path} ${v.rule}`)])).toEqual([
      ["ListCommands", 200, "answer", "proxy", ["/Commands/*/TargetCount type"]],
      [undefined, 400, "route", undefined, undefined],
    ]);
  });

  it("a body that is not JSON is refused as the mock refuses it (SerializationException), not forwarded; a preflight is answered", async () => {
    const before = received.length;
    const res = await fetch(proxy.url, { method: "POST", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands" }, body: "{not json" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ __type: "SerializationException" });
    const preflight = await fetch(proxy.url, { method: "OPTIONS", headers: { origin: "http://localhost:5173", "access-control-request-method": "POST", "access-control-request-headers": "x-amz-target" } });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get("access-control-allow-headers")).toBe("x-amz-target");
    expect(received.length).toBe(before);
  });

  it("the report counts every violation seen, with no value from any body", () => {
    const report = proxy.report();
    expect(report.summary.distinct).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(report)).not.toMatch(/Internal Server Error|ExecutionRoleHint":|"x"|AKIDPROXY|proxy\/secret/);
    expect(proxy.summary()).toMatch(/breaking {2}ListCommands answer 200: \/Commands\/\*\/TargetCount type \(string\)/);
    expect(logged.some((line) => / POST \/ AmazonSSM\.ListCommands 200 .* \(1 violation\)$/.test(line))).toBe(true);
    expect(logged.join("\n")).not.toMatch(/proxy\/secret|Signature=/);
  });
});
