/**
 * CORS over HTTP, as a browser meets it: preflights for both services get 200 allowing any origin,
 * POST and the requested headers (as AWS's endpoints answer them); every other answer, errors
 * included, carries Access-Control-Allow-Origin and exposes the request ID, the error type and Date.
 * A plain OPTIONS (not a preflight) is still refused. The browser side is test/browser/.
 */
import { describe, expect, inject, it } from "vitest";
import { startMock } from "../../mock/src/index.js";
import { send, ssmHeaders } from "./wire.js";

const url = inject("mockUrl");
const ORIGIN = "http://127.0.0.1:9";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** What the SDK v3 browser build and this package's client ask for, plus the mock's Prefer. */
const REQUESTED = "authorization,content-type,x-amz-date,x-amz-target,x-amz-security-token,x-amz-content-sha256,x-amz-user-agent,amz-sdk-invocation-id,amz-sdk-request,prefer";

const preflight = (path: string, headers: Record<string, string> = {}) =>
  send(url, { method: "OPTIONS", path, headers: { origin: ORIGIN, "access-control-request-method": "POST", ...headers } });

const exposed = (headers: Headers): string[] => (headers.get("access-control-expose-headers") ?? "").split(",").map((name) => name.trim().toLowerCase());

describe("CORS preflight", () => {
  it.each([
    ["SSM", "/"],
    ["Image Builder", "/ListWorkflowStepExecutions"],
  ])("%s: 200, any origin, POST, the requested headers echoed, cached for two days", async (_label, path) => {
    const answer = await preflight(path, { "access-control-request-headers": REQUESTED });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe("");
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(answer.headers.get("access-control-allow-methods")).toBe("POST");
    expect(answer.headers.get("access-control-allow-headers")).toBe(REQUESTED);
    expect(answer.headers.get("access-control-max-age")).toBe("172800");
    expect(exposed(answer.headers)).toEqual(expect.arrayContaining(["x-amzn-requestid", "x-amzn-errortype", "date"]));
    // `*` without credentials, as AWS: nothing origin-specific to vary on, no cookies.
    expect(answer.headers.get("access-control-allow-credentials")).toBeNull();
    expect(answer.headers.get("vary")).toBeNull();
    expect(answer.headers.get("x-amzn-requestid")).toMatch(UUID);
  });

  it("keeps header names as asked (case, order), and drops what is not a header name", async () => {
    const answer = await preflight("/", { "access-control-request-headers": "X-Amz-Target, Content-Type ,bad header,Prefer" });
    expect(answer.headers.get("access-control-allow-headers")).toBe("X-Amz-Target,Content-Type,Prefer");
  });

  it("without Access-Control-Request-Headers, allows no extra header", async () => {
    const answer = await preflight("/");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("access-control-allow-headers")).toBeNull();
  });

  it("the mock's data endpoint is not AWS's: a page of an origin nobody named is refused at the preflight, with no grant", async () => {
    // A mock started with admin: { origins } grants that origin GET, PUT and DELETE (test/reliability/admin-access.test.ts).
    const answer = await preflight("/_mock/data", { "access-control-request-method": "PUT", "access-control-request-headers": "content-type" });
    expect(answer.status).toBe(403);
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    expect(answer.headers.get("access-control-allow-methods")).toBeNull();
  });

  it("an answer written before any handler runs (headers too large) carries the CORS headers too", async () => {
    const answer = await send(url, { headers: { ...ssmHeaders("ListCommands"), origin: ORIGIN, "x-big": "a".repeat(20_000) }, body: "{}" }).catch((error: unknown) => error);
    expect(answer).toMatchObject({ status: 431 });
    const { headers } = answer as { headers: Headers };
    expect(headers.get("access-control-allow-origin")).toBe("*");
    expect(exposed(headers)).toEqual(expect.arrayContaining(["x-amzn-requestid", "x-amzn-errortype"]));
  });

  it("a path the mock does not serve is preflighted too, so the page can read the 404 that follows", async () => {
    const answer = await preflight("/NoSuchOperation", { "access-control-request-headers": "content-type" });
    expect(answer.status).toBe(200);
    const followed = await send(url, { path: "/NoSuchOperation", headers: { origin: ORIGIN, "content-type": "application/json" }, body: "{}" });
    expect(followed.status).toBe(404);
    expect(followed.errorName).toBe("UnknownOperationException");
    expect(followed.headers.get("access-control-allow-origin")).toBe("*");
  });
});

it("the mock's log shows preflights as it shows other requests", async () => {
  const lines: string[] = [];
  const mock = await startMock({ port: 0, log: (line) => lines.push(line) });
  try {
    const answer = await send(mock.url, { method: "OPTIONS", path: "/", headers: { origin: ORIGIN, "access-control-request-method": "POST" } });
    await send(mock.url, { method: "OPTIONS", path: "/" });
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^\\S+Z OPTIONS / preflight 200 [\\d.]+ms ${answer.headers.get("x-amzn-requestid")}$`)),
      expect.stringMatching(/^\S+Z OPTIONS \/ MethodNotAllowedException 405 /),
    ]);
  } finally {
    await mock.close();
  }
});

describe("a plain OPTIONS is not a preflight", () => {
  it.each([
    ["no Origin", { "access-control-request-method": "POST" }],
    ["no Access-Control-Request-Method", { origin: ORIGIN }],
    ["neither", {}],
  ])("%s: 405 MethodNotAllowedException, as before", async (_label, headers: Record<string, string>) => {
    const ssm = await send(url, { method: "OPTIONS", path: "/", headers });
    expect(ssm.status).toBe(405);
    expect(ssm.errorName).toBe("MethodNotAllowedException");
    const rest = await send(url, { method: "OPTIONS", path: "/ListWorkflowStepExecutions", headers });
    expect(rest.status).toBe(405);
    expect(rest.errorName).toBe("MethodNotAllowedException");
  });
});

describe("every answer carries CORS headers", () => {
  const expectCors = (headers: Headers): void => {
    expect(headers.get("access-control-allow-origin")).toBe("*");
    expect(exposed(headers)).toEqual(expect.arrayContaining(["x-amzn-requestid", "x-amzn-errortype", "date"]));
    // What is exposed is really there to read.
    expect(headers.get("x-amzn-requestid")).toMatch(UUID);
    expect(headers.get("date")).toEqual(expect.any(String));
  };

  it("an SSM success", async () => {
    const answer = await send(url, { headers: ssmHeaders("ListCommands", { origin: ORIGIN }), body: "{}" });
    expect(answer.status).toBe(200);
    expectCors(answer.headers);
  });

  it("an SSM error injected with Prefer", async () => {
    const answer = await send(url, { headers: ssmHeaders("ListCommands", { origin: ORIGIN, prefer: "code=400, example=InvalidCommandId" }), body: "{}" });
    expect(answer.status).toBe(400);
    expect(answer.errorName).toBe("InvalidCommandId");
    expectCors(answer.headers);
  });

  it("an Image Builder error, whose name is in the exposed x-amzn-ErrorType", async () => {
    const answer = await send(url, { path: "/ListWorkflowStepExecutions", headers: { origin: ORIGIN, "content-type": "application/json" }, body: "{}" });
    expect(answer.status).toBe(400);
    expect(answer.headers.get("x-amzn-errortype")).toBe("ValidationException");
    expectCors(answer.headers);
  });

  it("the mock's own refusals (405, bad JSON) and answers to requests without Origin", async () => {
    expectCors((await send(url, { method: "GET", path: "/", headers: { origin: ORIGIN } })).headers);
    expectCors((await send(url, { headers: ssmHeaders("ListCommands"), body: "{not json" })).headers);
    expectCors((await send(url, { method: "OPTIONS", path: "/" })).headers);
  });
});
