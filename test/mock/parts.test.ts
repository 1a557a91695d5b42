/**
 * The mock's parts, each with what it really receives: the router, `Prefer` parsing, the answer-source
 * choice, paging, the answer events, the admin router and the lazily loaded example source.
 */
import { describe, expect, it } from "vitest";
import { bundledModel, type IndexedOperation } from "aws-ops-contract/model";
import { createAdminAccess } from "../../mock/src/admin/access.js";
import { routeAdmin, adminMethodsAt } from "../../mock/src/admin/router.js";
import type { AdminRoute } from "../../mock/src/admin/types.js";
import { pageOf, pageSizeOf, pagingOf, TokenIssuer } from "../../mock/src/data/paging.js";
import { AnswerEvents, redactedHeaders } from "../../mock/src/journal/events.js";
import type { AnswerEvent } from "../../mock/src/journal/event.js";
import { Router } from "../../mock/src/operations.js";
import { parsePrefer } from "../../mock/src/prefer.js";
import { chooseSource } from "../../mock/src/sources/choose.js";
import { createExampleBuilder } from "../../mock/src/sources/example.js";
import { STAGES } from "../../mock/src/stages/index.js";
import type { RequestContext } from "../../mock/src/stages/types.js";

const { docs, operations } = bundledModel();
const op = (operationId: string): IndexedOperation => operations.find((o) => o.operationId === operationId)!;

describe("the stages", () => {
  it("run in the documented order", () => {
    expect(STAGES.map((stage) => stage.name)).toEqual(["read", "cors", "admin", "route", "body", "auth", "parse", "validate", "prefer", "faults", "delay", "answer"]);
  });
});

describe("Router", () => {
  const router = new Router(operations);

  it("routes AWS JSON by X-Amz-Target on POST /, REST JSON by method and path", () => {
    expect(router.route("POST", "/", "AmazonSSM.ListCommands")).toEqual({ kind: "operation", operation: op("ListCommands") });
    const rest = op("ListWorkflowStepExecutions");
    expect(router.route(rest.method, rest.path, undefined)).toEqual({ kind: "operation", operation: rest });
  });

  it("names what is wrong: the method, the target, the path", () => {
    expect(router.route("GET", "/", "AmazonSSM.ListCommands")).toMatchObject({ kind: "wrongMethod", protocol: "awsJson1_1", allow: ["POST"] });
    expect(router.route("POST", "/", "AmazonSSM.DeleteEverything")).toMatchObject({ kind: "unknownTarget", target: "AmazonSSM.DeleteEverything" });
    expect(router.route("POST", "/", undefined)).toMatchObject({ kind: "unknownTarget", target: undefined });
    const rest = op("ListWorkflowStepExecutions");
    expect(router.route("DELETE", rest.path, undefined)).toMatchObject({ kind: "wrongMethod", protocol: "restJson1", allow: [rest.method] });
    expect(router.route("POST", "/nowhere", undefined)).toEqual({ kind: "unknownPath", protocol: "restJson1" });
  });

  it("tells the protocol of a path before an operation is known", () => {
    expect(router.protocolOf("/")).toBe("awsJson1_1");
    expect(router.protocolOf("/ListWorkflowStepExecutions")).toBe("restJson1");
  });

  it("refuses two operations on one target", () => {
    expect(() => new Router([op("ListCommands"), op("ListCommands")])).toThrow(/Two operations answer X-Amz-Target AmazonSSM.ListCommands/);
  });
});

describe("parsePrefer", () => {
  it("reads every preference, quoted or not, from one header or several", () => {
    expect(parsePrefer('code=400, example="InvalidNextToken"')).toEqual({ ok: true, preferences: { code: 400, example: "InvalidNextToken" } });
    expect(parsePrefer(["dynamic=true", "seed=s1; x=y", "failures=2, delay=150"])).toEqual({ ok: true, preferences: { dynamic: true, seed: "s1", failures: 2, delay: 150 } });
  });

  it("ignores unknown preferences (RFC 7240) and refuses malformed known ones, naming the rule", () => {
    expect(parsePrefer("respond-async, wait=10")).toEqual({ ok: true, preferences: {} });
    expect(parsePrefer("code=4000")).toEqual({ ok: false, message: "Prefer: code must be an HTTP status such as 400 (got '4000')" });
    expect(parsePrefer("example=")).toMatchObject({ ok: false, message: expect.stringMatching(/needs an example name/) });
    expect(parsePrefer("dynamic=yes")).toMatchObject({ ok: false, message: expect.stringMatching(/dynamic must be true or false/) });
    expect(parsePrefer("failures=101")).toMatchObject({ ok: false, message: expect.stringMatching(/failures must be a whole number from 0 to 100/) });
    expect(parsePrefer("delay=-1")).toMatchObject({ ok: false, message: expect.stringMatching(/delay must be a whole number of milliseconds/) });
  });
});

describe("chooseSource", () => {
  const listCommands = op("ListCommands");

  it("no preference: the data set, falling back on the first success example", () => {
    expect(chooseSource(listCommands, {}, {}, false)).toEqual({ ok: true, source: { kind: "dataSet", fallback: { stripToken: false } } });
  });

  it("an error example: the example, named by its AWS error name", () => {
    expect(chooseSource(listCommands, { example: "ThrottlingException" }, {}, false)).toEqual({
      ok: true,
      source: { kind: "example", example: { code: 400, exampleKey: "ThrottlingException", errorName: "ThrottlingException", stripToken: false } },
    });
  });

  it("dynamic (asked or by default): generated data, unless an example is named", () => {
    expect(chooseSource(listCommands, { dynamic: true, seed: "x" }, {}, false)).toMatchObject({ ok: true, source: { kind: "generated", seed: "x" } });
    expect(chooseSource(listCommands, {}, {}, true)).toMatchObject({ ok: true, source: { kind: "generated" } });
    expect(chooseSource(listCommands, { dynamic: false }, {}, true)).toMatchObject({ ok: true, source: { kind: "dataSet" } });
    expect(chooseSource(listCommands, { dynamic: true, example: "FirstPage" }, {}, false)).toMatchObject({ ok: true, source: { kind: "example", example: { exampleKey: "FirstPage" } } });
  });

  it("a request that carries a token gets a last page from the examples", () => {
    expect(chooseSource(listCommands, { code: 200 }, { NextToken: "t" }, false)).toMatchObject({ ok: true, source: { kind: "example", example: { code: 200, exampleKey: "LastPage", stripToken: false } } });
  });

  it("refuses a status or an example the operation does not document, listing what it does", () => {
    const refused = chooseSource(listCommands, { code: 418 }, {}, false);
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/^Prefer: code=418 is not a response documented for ListCommands: 200 \(/) });
    expect(chooseSource(listCommands, { example: "Nope" }, {}, false)).toMatchObject({ ok: false, message: expect.stringMatching(/example=Nope is not an example/) });
  });
});

describe("paging", () => {
  const paging = pagingOf(op("ListCommands").pagination)!;

  it("takes its members and default page size from the model's pagination", () => {
    expect(paging).toEqual({ tokenMember: "NextToken", sizeMember: "MaxResults", defaultSize: op("ListCommands").pagination!.limit!.default ?? op("ListCommands").pagination!.limit!.maximum });
    expect(pagingOf(undefined)).toBeUndefined();
    expect(pageSizeOf(paging, { MaxResults: 7 })).toBe(7);
    expect(pageSizeOf(paging, { MaxResults: 0 })).toBe(paging.defaultSize);
    expect(pageSizeOf(undefined, {})).toBe(1);
  });

  it("pages through a list with tokens bound to the query and the data set", () => {
    const issuer = new TokenIssuer();
    const list = Array.from({ length: 5 }, (_, i) => i);
    const request = { generation: 1, query: "q", token: undefined, size: 2, envelopeBytes: 10, tokenMemberBytes: 14 };
    const first = pageOf(issuer, list, request, String)!;
    expect(first.items).toEqual(["0", "1"]);
    const second = pageOf(issuer, list, { ...request, token: first.nextToken }, String)!;
    expect(second.items).toEqual(["2", "3"]);
    const last = pageOf(issuer, list, { ...request, token: second.nextToken }, String)!;
    expect(last).toEqual({ items: ["4"], taken: [4] });
    expect(pageOf(issuer, list, { ...request, query: "other", token: first.nextToken }, String)).toBeUndefined();
    expect(pageOf(issuer, list, { ...request, generation: 2, token: first.nextToken }, String)).toBeUndefined();
    expect(pageOf(new TokenIssuer(), list, { ...request, token: first.nextToken }, String)).toBeUndefined();
  });

  it("skips the records jsonOf leaves out; a token holds a position in the list, so records that stay are seen once", () => {
    const issuer = new TokenIssuer();
    const list = Array.from({ length: 8 }, (_, i) => i);
    const request = { generation: 1, query: "q", token: undefined, size: 2, envelopeBytes: 10, tokenMemberBytes: 14 };
    let hidden = new Set([1, 2]);
    const jsonOf = (n: number): string | undefined => (hidden.has(n) ? undefined : String(n));
    const first = pageOf(issuer, list, request, jsonOf)!;
    expect(first).toMatchObject({ items: ["0", "3"], taken: [0, 3] });
    // Between pages, 2 comes back (before the token's position) and 5 leaves: neither shifts the others.
    hidden = new Set([5]);
    const second = pageOf(issuer, list, { ...request, token: first.nextToken }, jsonOf)!;
    expect(second.items).toEqual(["4", "6"]);
    const last = pageOf(issuer, list, { ...request, token: second.nextToken }, jsonOf)!;
    expect(last).toEqual({ items: ["7"], taken: [7] });
    // No token when nothing after the page would be shown.
    hidden = new Set([6, 7]);
    expect(pageOf(issuer, list, { ...request, token: first.nextToken }, jsonOf)!.nextToken).toBeUndefined();
  });
});

describe("AnswerEvents", () => {
  const event = { requestId: "r" } as AnswerEvent;

  it("gives each answer to every subscriber until it unsubscribes; one that throws stops no other", () => {
    const events = new AnswerEvents();
    const seen: string[] = [];
    events.subscribe(() => {
      throw new Error("a subscriber's bug");
    });
    const stop = events.subscribe((e) => seen.push(`a:${e.requestId}`));
    events.subscribe((e) => seen.push(`b:${e.requestId}`));
    events.emit(event);
    stop();
    events.emit(event);
    expect(seen).toEqual(["a:r", "b:r", "b:r"]);
    expect(events.size).toBe(2);
  });

  it("keeps no secret of the request headers", () => {
    const headers = redactedHeaders({
      authorization: "AWS4-HMAC-SHA256 Credential=AKID/20260304/us-east-1/ssm/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef",
      "x-amz-security-token": "SESSION",
      "x-amz-date": "20260304T101112Z",
      accept: ["a", "b"],
    });
    expect(headers).toEqual({
      authorization: "AWS4-HMAC-SHA256 Credential=AKID/20260304/us-east-1/ssm/aws4_request, SignedHeaders=host;x-amz-date, Signature=(redacted)",
      "x-amz-security-token": "(redacted)",
      "x-amz-date": "20260304T101112Z",
      accept: "a, b",
    });
  });
});

describe("the admin router", () => {
  const routes: AdminRoute[] = [{ path: "/_mock/thing", methods: { GET: () => ({ wire: { status: 200, headers: {}, body: "got" } }), DELETE: () => ({ wire: { status: 200, headers: {}, body: "gone" } }) } }];
  const access = createAdminAccess({ token: false });
  const context = (method: string, path: string, host = "127.0.0.1:4010") =>
    ({ method, path, req: { headers: { host }, socket: { localAddress: "127.0.0.1", localPort: 4010 } }, mock: { adminAccess: access } }) as unknown as RequestContext;

  it("answers with the route's action for the method", async () => {
    expect(await routeAdmin(routes, context("GET", "/_mock/thing"))).toMatchObject({ wire: { body: "got" } });
    expect(await routeAdmin(routes, context("DELETE", "/_mock/thing"))).toMatchObject({ wire: { body: "gone" } });
  });

  it("refuses what the access policy refuses, before any route: a foreign Host gets no action", async () => {
    const refused = await routeAdmin(routes, context("GET", "/_mock/thing", "rebind.example:4010"));
    expect(refused).toMatchObject({ wire: { status: 403, headers: { "x-amzn-ErrorType": "AccessDeniedException" } } });
    expect(await routeAdmin(routes, context("GET", "/_mock/other", "rebind.example:4010"))).toMatchObject({ wire: { status: 403 } });
  });

  it("405 naming the methods a path takes, 404 naming the admin paths", async () => {
    const wrong = await routeAdmin(routes, context("PUT", "/_mock/thing"));
    expect(wrong).toMatchObject({ wire: { status: 405, headers: { "x-amzn-ErrorType": "MethodNotAllowedException", allow: "GET, DELETE" } } });
    expect(JSON.parse((wrong as { wire: { body: string } }).wire.body).message).toBe("PUT is not allowed on /_mock/thing; use GET or DELETE");
    const unknown = await routeAdmin(routes, context("GET", "/_mock/other"));
    expect(unknown).toMatchObject({ wire: { status: 404, headers: { "x-amzn-ErrorType": "UnknownOperationException" } } });
    expect(JSON.parse((unknown as { wire: { body: string } }).wire.body).message).toMatch(/GET\/DELETE \/_mock\/thing/);
  });

  it("tells CORS preflights a path's methods", () => {
    expect(adminMethodsAt(routes, "/_mock/thing")).toEqual(["GET", "DELETE"]);
    expect(adminMethodsAt(routes, "/_mock/other")).toBeUndefined();
  });
});

describe("the documented-example source", () => {
  it("loads Prism on the first example asked for, not before, and answers it", async () => {
    const builder = createExampleBuilder(docs, operations);
    expect(builder.loaded).toBe(false);
    const listCommands = op("ListCommands");
    const answer = await builder.answer(listCommands, { code: 400, exampleKey: "InvalidNextToken", stripToken: false }, {});
    expect(builder.loaded).toBe(true);
    const documented = listCommands.responses.find((r) => r.status === 400)!.examples!.get("InvalidNextToken");
    expect(answer).toEqual({ ok: true, status: 400, headers: expect.any(Object), body: documented });
  });
});
