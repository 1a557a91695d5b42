/**
 * The journal's, verification's, reset's and records' admin routes over plain HTTP, as a test in
 * another language drives them: answers, filters, refusals by name, and the caller `?accessKeyId=`
 * selects when isolation is on.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../mock/src/index.js";
import { command, commandId, dataSet, invocation, instanceId } from "./data-fixtures.js";

let mock: RunningMock;
let isolated: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, data: dataSet(5) });
  isolated = await startMock({ port: 0, data: dataSet(5), isolation: "accessKeyId" });
});
afterAll(async () => {
  await mock?.close();
  await isolated?.close();
});

async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { method, headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers }, ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, type: response.headers.get("x-amzn-errortype"), allow: response.headers.get("allow"), json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}
const listCommands = (base: string, body: unknown, accessKeyId?: string) =>
  fetch(base, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands", ...(accessKeyId ? { authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260304/us-east-1/ssm/aws4_request, SignedHeaders=host, Signature=00` } : {}) },
    body: JSON.stringify(body),
  }).then((r) => r.json() as Promise<Record<string, unknown>>);

describe("GET and DELETE /_mock/requests", () => {
  it("answers {requests: [...]} with operation, input, status and error, filtered by query", async () => {
    await call(mock.url, "DELETE", "/_mock/requests");
    await listCommands(mock.url, { MaxResults: 2 });
    await fetch(mock.url, { method: "POST", headers: { "x-amz-target": "AmazonSSM.ListThings", "content-type": "application/x-amz-json-1.1" }, body: "{}" });
    const all = await call(mock.url, "GET", "/_mock/requests");
    expect(all.status).toBe(200);
    expect((all.json["requests"] as Record<string, unknown>[]).map((e) => [e["operation"], e["input"], e["status"], e["error"]])).toEqual([
      ["ListCommands", { MaxResults: 2 }, 200, null],
      [null, null, 400, "UnknownOperationException"],
    ]);
    const only = await call(mock.url, "GET", "/_mock/requests?operation=ListCommands&status=200");
    expect((only.json["requests"] as unknown[]).length).toBe(1);
    expect((await call(mock.url, "GET", "/_mock/requests?error=UnknownOperationException")).json["requests"]).toHaveLength(1);
  });

  it("refuses an unknown filter or a malformed value, naming it", async () => {
    const typo = await call(mock.url, "GET", "/_mock/requests?operations=ListCommands");
    expect(typo).toMatchObject({ status: 400, type: "ValidationException" });
    expect(String(typo.json["message"])).toContain("'operations' is not a filter of /_mock/requests");
    expect((await call(mock.url, "GET", "/_mock/requests?since=yesterday")).status).toBe(400);
  });

  it("DELETE empties it, and the admin API's own requests are never in it", async () => {
    await listCommands(mock.url, {});
    const cleared = await call(mock.url, "DELETE", "/_mock/requests");
    expect(cleared.status).toBe(200);
    expect(cleared.json["cleared"]).toBeGreaterThan(0);
    await call(mock.url, "GET", "/_mock/requests");
    expect((await call(mock.url, "GET", "/_mock/requests")).json["requests"]).toEqual([]);
  });

  it("answers other methods 405 with Allow, and preflights with the route's methods", async () => {
    expect(await call(mock.url, "PATCH", "/_mock/requests")).toMatchObject({ status: 405, type: "MethodNotAllowedException", allow: "GET, DELETE" });
    expect(await call(mock.url, "GET", "/_mock/verify")).toMatchObject({ status: 405, allow: "POST" });
    const asked = { method: "OPTIONS", headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" } };
    // A page of another origin is let in only when named (admin/access.ts); a named one gets the route's methods.
    const refused = await fetch(`${mock.url}/_mock/reset`, asked);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    const named = await startMock({ port: 0, admin: { origins: ["http://localhost:5173"] } });
    try {
      const preflight = await fetch(`${named.url}/_mock/reset`, asked);
      expect(preflight.status).toBe(200);
      expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    } finally {
      await named.close();
    }
  });
});

describe("POST /_mock/verify", () => {
  it("refuses a body that is not JSON, or not a verification", async () => {
    expect(await call(mock.url, "POST", "/_mock/verify", "{not json")).toMatchObject({ status: 400, type: "SerializationException" });
    const bad = await call(mock.url, "POST", "/_mock/verify", { operation: "ListCommands", times: -1 });
    expect(bad).toMatchObject({ status: 400, type: "ValidationException" });
    expect(String(bad.json["message"])).toContain("'times'");
  });
});

describe("/_mock/data/<Collection>: one record", () => {
  it("adds, reads, replaces and removes a command by its CommandId", async () => {
    const added = await call(mock.url, "PUT", "/_mock/data/Commands", command(40));
    expect(added).toMatchObject({ status: 201, json: { created: true, counts: { Commands: 6 } } });
    expect(await call(mock.url, "PUT", "/_mock/data/Commands", { ...command(40), Comment: "again" })).toMatchObject({ status: 200, json: { created: false } });
    expect(await call(mock.url, "GET", `/_mock/data/Commands?CommandId=${commandId(40)}`)).toMatchObject({ status: 200, json: { Comment: "again" } });
    expect((await listCommands(mock.url, { CommandId: commandId(40) }))["Commands"]).toHaveLength(1);
    expect(await call(mock.url, "DELETE", `/_mock/data/Commands?CommandId=${commandId(40)}`)).toMatchObject({ status: 200, json: { counts: { Commands: 5 } } });
    expect(await call(mock.url, "DELETE", `/_mock/data/Commands?CommandId=${commandId(40)}`)).toMatchObject({ status: 404, type: "ResourceNotFoundException" });
  });

  it("finds an invocation by CommandId and InstanceId, and names a missing ID member", async () => {
    const path = `/_mock/data/CommandInvocations?CommandId=${commandId(1)}&InstanceId=${instanceId(1)}`;
    expect(await call(mock.url, "GET", path)).toMatchObject({ status: 200, json: { CommandId: commandId(1) } });
    const missing = await call(mock.url, "DELETE", `/_mock/data/CommandInvocations?CommandId=${commandId(1)}`);
    expect(missing).toMatchObject({ status: 400, type: "ValidationException" });
    expect(String(missing.json["message"])).toContain("missing InstanceId");
    expect(await call(mock.url, "PUT", "/_mock/data/CommandInvocations", invocation(1))).toMatchObject({ status: 200, json: { created: false } });
  });

  it("refuses an invalid record, naming the member, and changes nothing", async () => {
    const refused = await call(mock.url, "PUT", "/_mock/data/Commands", { ...command(41), Status: "Bogus" });
    expect(refused).toMatchObject({ status: 400, type: "InvalidDataSetException" });
    expect(String(refused.json["message"])).toContain("'/Status' breaks 'enum'");
    expect(await call(mock.url, "GET", `/_mock/data/Commands?CommandId=${commandId(41)}`)).toMatchObject({ status: 404 });
    expect(await call(mock.url, "GET", "/_mock/data/Widgets")).toMatchObject({ status: 404, type: "UnknownOperationException" });
  });
});

describe("?accessKeyId= with isolation", () => {
  it("selects the caller's own state for every admin route", async () => {
    await call(isolated.url, "PUT", "/_mock/data/Commands?accessKeyId=k1", command(50));
    expect((await listCommands(isolated.url, {}, "k1"))["Commands"]).toHaveLength(6);
    expect((await listCommands(isolated.url, {}, "k2"))["Commands"]).toHaveLength(5);
    const k1 = await call(isolated.url, "GET", "/_mock/requests?accessKeyId=k1");
    expect((k1.json["requests"] as { accessKeyId: string }[]).map((e) => e.accessKeyId)).toEqual(["k1"]);
    expect(await call(isolated.url, "POST", "/_mock/verify?accessKeyId=k2", { operation: "ListCommands", times: 1 })).toMatchObject({ status: 200 });
    expect(await call(isolated.url, "POST", "/_mock/reset?accessKeyId=k1")).toMatchObject({ status: 200, json: { counts: { Commands: 5 } } });
    expect((await call(isolated.url, "GET", "/_mock/requests?accessKeyId=k1")).json["requests"]).toEqual([]);
    expect((await call(isolated.url, "GET", "/_mock/requests?accessKeyId=k2")).json["requests"]).toHaveLength(1);
    // The shared state (unsigned requests, admin requests without a caller) saw none of it.
    expect((await call(isolated.url, "GET", "/_mock/requests")).json["requests"]).toEqual([]);
  });
});
