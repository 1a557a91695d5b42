/**
 * The admin API (`/_mock/`) answers only who it should: not a browser page of another origin unless
 * the user names it, not a Host the mock was not started on (DNS rebinding), and with `--auth sigv4`
 * only a signed request or one carrying the printed token. The AWS routes keep answering as AWS
 * does. Loopback only.
 */
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exposureWarning } from "../../mock/src/admin/access.js";
import { NodeSha256 } from "../../mock/src/auth/sha256.js";
import { DEFAULT_CREDENTIALS, startMock, type RunningMock } from "../../mock/src/index.js";
import { send, type WireAnswer } from "./wire.js";

const PAGE = "http://localhost:5173";
const ADMIN_PATHS = ["/_mock/data"];

const ask = (mock: RunningMock, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<WireAnswer> =>
  send(mock.url, { name: `${method} ${path}`, method, path, headers: { host: new URL(mock.url).host, ...headers }, ...(body === undefined ? {} : { body }) });
const errorName = (answer: WireAnswer): string | undefined => (answer.headers["x-amzn-errortype"] as string | undefined) ?? (JSON.parse(answer.body || "{}") as { __type?: string }).__type;

describe("without --auth: browsers and Host", () => {
  let mock: RunningMock;
  let open: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
    open = await startMock({ port: 0, admin: { origins: [PAGE], hosts: ["mock"] } });
  });
  afterAll(async () => {
    await mock?.close();
    await open?.close();
  });

  it.each(ADMIN_PATHS)("%s: a page of another origin is refused, preflight and request, and gets no CORS grant", async (path) => {
    const preflight = await ask(mock, "OPTIONS", path, { origin: PAGE, "access-control-request-method": "PUT" });
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
    expect(preflight.status).toBe(403);
    for (const method of ["GET", "PUT", "DELETE"]) {
      const answer = await ask(mock, method, path, { origin: PAGE, "content-type": "application/json" }, method === "PUT" ? "{}" : undefined);
      expect(answer.status, method).toBe(403);
      expect(errorName(answer), method).toBe("AccessDeniedException");
      expect(answer.headers["access-control-allow-origin"], method).toBeUndefined();
    }
    // Not replaced: the default data set is still served.
    expect(JSON.parse((await ask(mock, "GET", "/_mock/data")).body).Commands.length).toBeGreaterThan(0);
  });

  it("the AWS routes still answer any origin, as AWS does", async () => {
    const preflight = await ask(mock, "OPTIONS", "/", { origin: PAGE, "access-control-request-method": "POST", "access-control-request-headers": "x-amz-target" });
    expect(preflight.status).toBe(200);
    expect(preflight.headers["access-control-allow-origin"]).toBe("*");
    const answer = await ask(mock, "POST", "/", { origin: PAGE, "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands" }, "{}");
    expect(answer.status).toBe(200);
    expect(answer.headers["access-control-allow-origin"]).toBe("*");
  });

  it("an origin the user named gets its own grant, not *", async () => {
    const preflight = await ask(open, "OPTIONS", "/_mock/data", { origin: PAGE, "access-control-request-method": "PUT" });
    expect(preflight.status).toBe(200);
    expect(preflight.headers["access-control-allow-origin"]).toBe(PAGE);
    expect(preflight.headers["access-control-allow-methods"]).toMatch(/PUT/);
    const answer = await ask(open, "GET", "/_mock/data", { origin: PAGE });
    expect(answer.status).toBe(200);
    expect(answer.headers["access-control-allow-origin"]).toBe(PAGE);
    expect(String(answer.headers["vary"])).toMatch(/Origin/);
    expect((await ask(open, "GET", "/_mock/data", { origin: "http://localhost:6000" })).status).toBe(403);
  });

  it("a Host the mock was not started on is refused (DNS rebinding); loopback names and named hosts pass", async () => {
    const { port } = new URL(mock.url);
    const rebound = await ask(mock, "GET", "/_mock/data", { host: `rebind.attacker.example:${port}` });
    expect(rebound.status).toBe(403);
    expect(errorName(rebound)).toBe("AccessDeniedException");
    expect(rebound.body).toContain("rebind.attacker.example");
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) expect((await ask(mock, "GET", "/_mock/data", { host })).status, host).toBe(200);
    expect((await ask(open, "GET", "/_mock/data", { host: `mock:${new URL(open.url).port}` })).status).toBe(200);
    // The AWS routes answer any Host, as AWS's endpoints answer their aliases.
    const aws = await ask(mock, "POST", "/", { host: `rebind.attacker.example:${port}`, "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands" }, "{}");
    expect(aws.status).toBe(200);
  });
});

describe("with --auth sigv4: the admin API wants the printed token", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, auth: "sigv4" });
  });
  afterAll(() => mock?.close());

  it("unsigned GET, PUT and DELETE /_mock/data are refused, and nothing is replaced", async () => {
    for (const method of ["GET", "PUT", "DELETE"]) {
      const answer = await ask(mock, method, "/_mock/data", { "content-type": "application/json" }, method === "PUT" ? '{"Commands":[]}' : undefined);
      expect(answer.status, method).toBe(403);
      expect(errorName(answer), method).toBe("MissingAuthenticationTokenException");
    }
    expect((await ask(mock, "GET", "/_mock/data", { authorization: `Bearer ${mock.adminToken}` })).status).toBe(200);
    expect(JSON.parse((await ask(mock, "GET", "/_mock/data", { authorization: `Bearer ${mock.adminToken}` })).body).Commands.length).toBeGreaterThan(0);
  });

  it("the printed token passes, a wrong one does not", async () => {
    expect(mock.adminToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const put = await ask(mock, "PUT", "/_mock/data", { authorization: `Bearer ${mock.adminToken}`, "content-type": "application/json" }, '{"Commands":[]}');
    expect(put.status).toBe(200);
    const wrong = await ask(mock, "DELETE", "/_mock/data", { authorization: `Bearer ${"x".repeat(32)}` });
    expect(wrong.status).toBe(403);
  });

  it("a SigV4 signature is no substitute for the token (the admin API takes the token, as the README says)", async () => {
    const { host, hostname, port } = new URL(mock.url);
    const signer = new SignatureV4({ service: "ssm", region: "us-east-1", credentials: DEFAULT_CREDENTIALS, sha256: NodeSha256 });
    const request = await signer.sign({ method: "DELETE", protocol: "http:", hostname, port: Number(port), path: "/_mock/data", query: {}, headers: { host } });
    const answer = await ask(mock, "DELETE", "/_mock/data", request.headers as Record<string, string>);
    expect(answer.status).toBe(403);
    expect(errorName(answer)).toBe("MissingAuthenticationTokenException");
    expect(answer.body).toContain("Authorization: Bearer <token>");
  });

  it("without --auth there is no token", async () => {
    const open = await startMock({ port: 0 });
    try {
      expect(open.adminToken).toBeUndefined();
    } finally {
      await open.close();
    }
  });
});

describe("binding a non-loopback interface", () => {
  it("is warned about, saying what becomes reachable; loopback is not", () => {
    expect(exposureWarning("127.0.0.1", "http://127.0.0.1:4010")).toBeUndefined();
    expect(exposureWarning("::1", "http://[::1]:4010")).toBeUndefined();
    const warning = exposureWarning("0.0.0.0", "http://0.0.0.0:4010");
    expect(warning).toMatch(/other machines can reach http:\/\/0\.0\.0\.0:4010, its AWS routes and its admin API \(\/_mock\/: the data set/);
    expect(warning).toContain("--auth sigv4");
    expect(exposureWarning("localhost", "http://localhost:4010")).toBeUndefined();
  });
});
