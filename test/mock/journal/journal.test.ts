/** The request journal's parts: the bounded ring, redaction, the filters and the journal itself. */
import { describe, expect, it } from "vitest";
import { REDACTED, redactAuthorization, redactHeaders } from "../../../mock/src/journal/redact.js";
import { Ring } from "../../../mock/src/journal/ring.js";
import { applyFilter, checkFilter, parseFilterQuery } from "../../../mock/src/journal/filters.js";
import { DEFAULT_JOURNAL_SIZE, RequestJournal } from "../../../mock/src/journal/request-journal.js";
import { entry } from "./support.js";

const KNOWN = new Set(["ListCommands", "ListCommandInvocations", "GetMaintenanceWindowExecution", "DescribeAutomationStepExecutions", "ListWorkflowStepExecutions"]);

describe("Ring", () => {
  it("keeps the newest items up to its capacity, oldest first", () => {
    const ring = new Ring<number>(3);
    for (let i = 1; i <= 7; i++) ring.push(i);
    expect(ring.toArray()).toEqual([5, 6, 7]);
    expect(ring.size).toBe(3);
  });

  it("drops the oldest items while their weight is over the bound, but always keeps the newest", () => {
    const ring = new Ring<string>(10, 100);
    ring.push("a", 40);
    ring.push("b", 40);
    ring.push("c", 40);
    expect(ring.toArray()).toEqual(["b", "c"]);
    expect(ring.totalWeight).toBe(80);
    ring.push("huge", 500);
    expect(ring.toArray()).toEqual(["huge"]);
    expect(ring.totalWeight).toBe(500);
  });

  it("holds no reference to what it dropped or cleared", () => {
    const ring = new Ring<object>(2);
    ring.push({ n: 1 });
    ring.push({ n: 2 });
    ring.push({ n: 3 });
    ring.clear();
    expect(ring.size).toBe(0);
    expect(ring.totalWeight).toBe(0);
    expect((ring as unknown as { items: unknown[] }).items.every((item) => item === undefined)).toBe(true);
  });

  it("refuses a capacity that is not a positive whole number", () => {
    expect(() => new Ring(0)).toThrow(/positive whole number/);
    expect(() => new Ring(1.5)).toThrow(/positive whole number/);
  });
});

describe("redaction", () => {
  const signed = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260304/us-east-1/ssm/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

  it("keeps who signed and how, never the signature", () => {
    const redacted = redactAuthorization(signed);
    expect(redacted).toBe(`AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260304/us-east-1/ssm/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=${REDACTED}`);
    expect(redacted).not.toContain("5d672d79");
  });

  it("hides other schemes' credentials whole", () => {
    expect(redactAuthorization("Basic dXNlcjpwYXNz")).toBe(`Basic ${REDACTED}`);
    expect(redactAuthorization("opaque-secret")).toBe(REDACTED);
  });

  it("hides session tokens, cookies and anything named like a credential; keeps the rest", () => {
    const headers = redactHeaders({
      Authorization: signed,
      "x-amz-security-token": "FwoGZXIvYXdzEJr//////////SESSION",
      cookie: ["a=1", "b=2"],
      "x-api-key": "k-123",
      "x-mock-token": "t-456",
      "x-amz-target": "AmazonSSM.ListCommands",
      "amz-sdk-invocation-id": "5e4b1d6c-0000-4000-8000-000000000001",
      absent: undefined,
    });
    expect(headers).toEqual({
      authorization: expect.stringContaining(`Signature=${REDACTED}`),
      "x-amz-security-token": REDACTED,
      cookie: REDACTED,
      "x-api-key": REDACTED,
      "x-mock-token": REDACTED,
      "x-amz-target": "AmazonSSM.ListCommands",
      "amz-sdk-invocation-id": "5e4b1d6c-0000-4000-8000-000000000001",
    });
    expect(JSON.stringify(headers)).not.toMatch(/SESSION|k-123|t-456|a=1|5d672d79/);
  });
});

describe("filters", () => {
  const journal = new RequestJournal();
  journal.record(entry("ListCommands", { MaxResults: 7 }, { receivedAt: "2026-03-04T10:00:00.000Z", accessKeyId: "AKID1", sdk: { invocationId: "inv-1", attempt: 1, max: 3 } }), 10);
  journal.record(entry("ListCommands", {}, { receivedAt: "2026-03-04T10:00:05.000Z", status: 400, error: "ThrottlingException", answeredBy: "fault", sdk: { invocationId: "inv-2", attempt: 1, max: 3 } }), 10);
  journal.record(entry("GetMaintenanceWindowExecution", { WindowExecutionId: "x" }, { receivedAt: "2026-03-04T10:00:10.000Z", status: 400, error: "DoesNotExistException" }), 10);
  journal.record(entry(null, null, { receivedAt: "2026-03-04T10:00:15.000Z", status: 400, error: "UnknownOperationException", answeredBy: "refusal" }), 10);
  const ids = (filter: Parameters<typeof applyFilter>[1]): number[] => journal.entries(filter).map((e) => e.id);

  it("selects by operation, time, ID, status, error, source, caller and SDK call", () => {
    expect(ids({})).toEqual([1, 2, 3, 4]);
    expect(ids({ operation: "ListCommands" })).toEqual([1, 2]);
    expect(ids({ operation: ["ListCommands", "GetMaintenanceWindowExecution"] })).toEqual([1, 2, 3]);
    expect(ids({ since: "2026-03-04T10:00:05Z" })).toEqual([2, 3, 4]);
    expect(ids({ since: new Date("2026-03-04T10:00:05Z"), until: Date.parse("2026-03-04T10:00:15Z") })).toEqual([2, 3]);
    expect(ids({ after: 2 })).toEqual([3, 4]);
    expect(ids({ status: 400 })).toEqual([2, 3, 4]);
    expect(ids({ error: null })).toEqual([1]);
    expect(ids({ error: "ThrottlingException" })).toEqual([2]);
    expect(ids({ answeredBy: "refusal" })).toEqual([4]);
    expect(ids({ accessKeyId: "AKID1" })).toEqual([1]);
    expect(ids({ invocationId: "inv-2" })).toEqual([2]);
    expect(ids({ limit: 2 })).toEqual([3, 4]);
  });

  it("reads the same filters from a query string", () => {
    const parsed = parseFilterQuery(new URLSearchParams("operation=ListCommands,GetMaintenanceWindowExecution&since=2026-03-04T10:00:05Z&status=400&limit=5&error="), KNOWN);
    expect(parsed).toEqual({ ok: true, filter: { operation: ["ListCommands", "GetMaintenanceWindowExecution"], since: "2026-03-04T10:00:05Z", status: 400, limit: 5, error: null } });
    if (parsed.ok) expect(journal.entries({ ...parsed.filter, error: "DoesNotExistException" }).map((e) => e.id)).toEqual([3]);
  });

  it("refuses an unknown parameter or a malformed value, naming it and the rule", () => {
    const refused = (query: string): string => {
      const parsed = parseFilterQuery(new URLSearchParams(query), KNOWN);
      return parsed.ok ? "accepted" : parsed.message;
    };
    expect(refused("operation=ListThings")).toMatch(/'operation' must name operations this mock serves .*got 'ListThings'/);
    expect(refused("since=yesterday")).toMatch(/'since' must be an ISO 8601 time/);
    expect(refused("limit=0")).toMatch(/'limit' must be a whole number, at least 1/);
    expect(refused("status=42")).toMatch(/'status' must be an HTTP status/);
    expect(refused("answeredBy=prism")).toMatch(/'answeredBy' must be one of data, example/);
    expect(refused("operaton=ListCommands")).toMatch(/'operaton' is not a filter of \/_mock\/requests; the filters are operation, since/);
    expect(() => checkFilter({ since: "soon" })).toThrow(/since/);
    expect(() => checkFilter({ limit: -1 })).toThrow(/limit/);
  });
});

describe("RequestJournal", () => {
  it("keeps a documented number of entries by default, the newest, numbered on", () => {
    const journal = new RequestJournal();
    for (let i = 0; i < DEFAULT_JOURNAL_SIZE + 5; i++) journal.record(entry("ListCommands", { MaxResults: (i % 50) + 1 }), 100);
    const all = journal.entries();
    expect(all).toHaveLength(DEFAULT_JOURNAL_SIZE);
    expect(all[0]!.id).toBe(6);
    expect(all.at(-1)!.id).toBe(DEFAULT_JOURNAL_SIZE + 5);
    expect(journal.dropped).toBe(5);
  });

  it("stays within its byte bound, and keeps counting IDs after a clear", () => {
    const journal = new RequestJournal({ size: 100, maxBytes: 1000 });
    for (let i = 0; i < 30; i++) journal.record(entry("ListCommands", {}), 300);
    expect(journal.size).toBe(3);
    journal.clear();
    expect(journal.entries()).toEqual([]);
    expect(journal.dropped).toBe(0);
    expect(journal.record(entry("ListCommands", {}), 1)).toBe(31);
  });

  it("keeps nothing with size 0, and refuses a bad size", () => {
    const off = new RequestJournal({ size: 0 });
    off.record(entry("ListCommands", {}), 1);
    expect(off.enabled).toBe(false);
    expect(off.entries()).toEqual([]);
    expect(() => new RequestJournal({ size: -1 })).toThrow(/journal.size/);
    expect(() => new RequestJournal({ maxBytes: 0 })).toThrow(/journal.maxBytes/);
  });
});
