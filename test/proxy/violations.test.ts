/**
 * The violations of requests and upstream answers, from what the upstream really sends (status, raw
 * headers, body bytes), and the report that counts them. A violation names the operation, the
 * direction, the member path, the rule and the value's kind, never the value.
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { bundledModel } from "aws-ops-contract/model";
import { ViolationReport } from "../../mock/src/proxy/report.js";
import { answerViolations, normalizePath, upstreamErrorName, requestViolations, type Violation } from "../../mock/src/proxy/violations.js";

const op = (id: string) => bundledModel().operations.find((o) => o.operationId === id)!;
const SSM = ["Content-Type", "application/x-amz-json-1.1", "x-amzn-RequestId", "7f2e0000-0000-4000-8000-000000000000"];
const answer = (status: number, body: string | Buffer, rawHeaders = SSM) => ({ status, rawHeaders, body: Buffer.isBuffer(body) ? body : Buffer.from(body) });
const COMMAND = { CommandId: "0831e1a8-a1ac-4257-a1fd-c831bEXAMPLE", DocumentName: "AWS-RunShellScript", Status: "Success", RequestedDateTime: 1720404000.5 };
const strip = (list: Violation[]) => list.map(({ path, rule, kind, breaking }) => ({ path, rule, kind, breaking }));

describe("answer violations", () => {
  it("a valid page has none, also gzip-encoded", () => {
    const body = JSON.stringify({ Commands: [COMMAND] });
    expect(answerViolations(op("ListCommands"), answer(200, body), "compatible")).toEqual([]);
    expect(answerViolations(op("ListCommands"), answer(200, gzipSync(body), [...SSM, "Content-Encoding", "gzip"]), "compatible")).toEqual([]);
  });

  it("an unknown member is reported, not breaking in the compatible mode and breaking in the strict one; an unknown enum value likewise", () => {
    const body = JSON.stringify({ Commands: [{ ...COMMAND, Secretish: "do-not-copy-me" }, { ...COMMAND, CommandId: "1831e1a8-a1ac-4257-a1fd-c831bEXAMPLE", Status: "Hibernating" }] });
    const compatible = answerViolations(op("ListCommands"), answer(200, body), "compatible");
    expect(strip(compatible)).toEqual([
      { path: "/Commands/*/Secretish", rule: "additionalProperties", kind: "string", breaking: false },
      { path: "/Commands/*/Status", rule: "enum", kind: "string", breaking: false },
    ]);
    expect(compatible[0]).toMatchObject({ operation: "ListCommands", direction: "answer", status: 200 });
    expect(JSON.stringify(compatible)).not.toMatch(/do-not-copy-me|Hibernating/);
    expect(answerViolations(op("ListCommands"), answer(200, body), "strict").every((v) => v.breaking)).toBe(true);
  });

  it("a wrong type names the member and the kind sent", () => {
    const body = JSON.stringify({ Commands: [{ ...COMMAND, RequestedDateTime: "2024-07-08T02:00:00Z" }] });
    expect(strip(answerViolations(op("ListCommands"), answer(200, body), "compatible"))).toEqual([{ path: "/Commands/*/RequestedDateTime", rule: "type", kind: "string", breaking: true }]);
  });

  it("an error the operation does not document, by __type or by x-amzn-ErrorType", () => {
    const ssm = answerViolations(op("ListCommands"), answer(400, JSON.stringify({ __type: "com.amazonaws.ssm#TooManyTagsError", message: "x" })), "compatible");
    expect(ssm).toContainEqual(expect.objectContaining({ rule: "undocumentedError", error: "TooManyTagsError", status: 400, breaking: true }));
    const rest = answerViolations(op("ListWorkflowStepExecutions"), answer(409, '{"message":"x"}', ["Content-Type", "application/json", "x-amzn-ErrorType", "ResourceInUseException:http://internal.amazon.com/"]), "compatible");
    expect(rest.map((v) => [v.rule, v.error])).toEqual(expect.arrayContaining([["status", undefined], ["undocumentedError", "ResourceInUseException"]]));
  });

  it("a documented error is fine; at another status than documented it is reported", () => {
    const body = JSON.stringify({ __type: "InvalidNextToken", Message: "The specified token isn't valid." });
    expect(answerViolations(op("ListCommands"), answer(400, body), "compatible")).toEqual([]);
    expect(strip(answerViolations(op("ListCommands"), answer(500, body), "compatible"))).toEqual([{ path: "", rule: "status", kind: "number", breaking: true }]);
  });

  it("a 500 that is not JSON (a load balancer's page) is reported as such", () => {
    const found = answerViolations(op("ListCommands"), answer(500, "<html>Internal Server Error</html>", ["Content-Type", "text/html"]), "compatible");
    expect(found.map((v) => [v.rule, v.kind])).toEqual([["mediaType", "string"], ["json", "text"]]);
    expect(answerViolations(op("ListCommands"), answer(502, ""), "compatible").map((v) => [v.rule, v.kind])).toEqual([["status", "number"], ["json", "empty"]]);
  });

  it("reads the error name as the SDKs do, and only what has the form of one", () => {
    expect(upstreamErrorName(400, ["X-Amzn-ErrorType", "ThrottlingException:http://x"], "{}")).toBe("ThrottlingException");
    expect(upstreamErrorName(400, [], '{"__type":"com.amazonaws#InvalidFilterKey"}')).toBe("InvalidFilterKey");
    expect(upstreamErrorName(400, [], '{"message":"x"}')).toBeUndefined();
    expect(upstreamErrorName(400, [], '{"__type":"password is hunter2"}')).toBeUndefined();
  });
});

describe("request violations", () => {
  it("a request breaking the contract, an empty body, and a body that is not JSON", () => {
    expect(strip(requestViolations(op("ListCommands"), Buffer.from('{"MaxResults":0,"Extra":true}'), "compatible"))).toEqual([
      { path: "/Extra", rule: "additionalProperties", kind: "boolean", breaking: false },
      { path: "/MaxResults", rule: "minimum", kind: "number", breaking: true },
    ]);
    expect(requestViolations(op("ListCommands"), Buffer.alloc(0), "compatible")).toEqual([]);
    expect(strip(requestViolations(op("GetMaintenanceWindowExecution"), Buffer.alloc(0), "compatible"))).toEqual([{ path: "/WindowExecutionId", rule: "required", kind: "missing", breaking: true }]);
    expect(strip(requestViolations(op("ListCommands"), Buffer.from("[1]"), "compatible"))).toEqual([{ path: "", rule: "json", kind: "array", breaking: true }]);
  });

  it("normalizePath writes list indexes as * and keeps map keys", () => {
    expect(normalizePath("/Commands/12/Parameters/0", { Commands: Array(13).fill({ Parameters: { "0": [] } }) })).toBe("/Commands/*/Parameters/0");
  });
});

describe("ViolationReport", () => {
  it("counts each distinct violation once, with the forwarded answers, and summarises", () => {
    let now = Date.UTC(2026, 0, 1);
    const report = new ViolationReport({ validation: "compatible", region: "us-east-1", endpoints: { ssm: "https://ssm.us-east-1.amazonaws.com/" } }, () => now);
    const unknown: Violation = { operation: "ListCommands", direction: "answer", path: "/Commands/*/New", rule: "additionalProperties", kind: "string", breaking: false, status: 200 };
    const wrong: Violation = { ...unknown, path: "/Commands/*/Status", rule: "type", kind: "number", breaking: true };
    report.add([unknown, unknown]);
    now += 1000;
    report.add([wrong]);
    report.forwarded("ListCommands", 200);
    report.forwarded("ListCommands", 200);
    report.forwarded("ListCommands", undefined);
    report.refused();
    report.finish();
    const json = report.toJSON();
    expect(json.summary).toEqual({ violations: 3, distinct: 2, breaking: 1 });
    expect(json.violations[0]).toMatchObject({ ...unknown, count: 2, firstSeen: "2026-01-01T00:00:00.000Z" });
    expect(json.violations[1]).toMatchObject({ count: 1, firstSeen: "2026-01-01T00:00:01.000Z" });
    expect(json.operations["ListCommands"]).toEqual({ forwarded: 3, statuses: { "200": 2 }, unanswered: 1 });
    expect(json).toMatchObject({ refused: 1, finishedAt: "2026-01-01T00:00:01.000Z", format: "aws-ops-contract-proxy-report/1" });
    expect(report.summary()).toMatch(/3 requests forwarded, 1 refused; 3 contract violations \(2 distinct, 1 breaking, compatible validation\)\n {2}compatible {2}ListCommands answer 200: \/Commands\/\*\/New additionalProperties \(string\) x2\n {2}breaking {2}ListCommands answer 200: \/Commands\/\*\/Status type \(number\) x1/);
  });
});
