/** The journal's subscriber: what each AnswerEvent becomes in the caller's journal. */
import { describe, expect, it } from "vitest";
import type { AnswerEvent } from "../../../mock/src/journal/event.js";
import { bytesOf, entryOf, journalSubscriber } from "../../../mock/src/journal/record.js";
import { RequestJournal } from "../../../mock/src/journal/request-journal.js";

const AT = Date.UTC(2026, 2, 4, 10, 11, 12);
const AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260304/eu-west-1/ssm/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=(redacted)";

function event(more: Partial<AnswerEvent> = {}): AnswerEvent {
  return {
    requestId: "r-1",
    receivedAt: AT,
    method: "POST",
    path: "/",
    operation: "ListCommands",
    target: "AmazonSSM.ListCommands",
    service: "Amazon Simple Systems Manager (SSM)",
    input: { MaxResults: 7 },
    status: 200,
    errorName: undefined,
    answeredBy: "answer",
    source: "dataSet",
    auth: { checked: false },
    accessKeyId: "AKIDEXAMPLE",
    invocationId: "inv-1",
    attempt: 2,
    timings: { totalMs: 1.5, stages: { read: 0.1, answer: 1 } },
    headers: { authorization: AUTHORIZATION, "x-amz-date": "20260304T101102Z", "amz-sdk-request": "ttl=20260304T101200Z; attempt=2; max=3", "content-length": "15" },
    closed: undefined,
    ...more,
  };
}

describe("entryOf", () => {
  it("keeps the operation, the parsed input, the caller, the SDK's attempt and the timings", () => {
    const entry = entryOf(event());
    const bytes = bytesOf(event());
    expect(entry).toMatchObject({
      requestId: "r-1",
      receivedAt: "2026-03-04T10:11:12.000Z",
      operation: "ListCommands",
      input: { MaxResults: 7 },
      accessKeyId: "AKIDEXAMPLE",
      signature: null,
      sdk: { invocationId: "inv-1", attempt: 2, max: 3 },
      answeredBy: "data",
      status: 200,
      error: null,
      issues: null,
      timings: { totalMs: 1.5, stages: { read: 0.1, answer: 1 } },
    });
    expect(bytes).toBeGreaterThan(15 + AUTHORIZATION.length);
  });

  it("spells out the signature check: verdict, region, service, signed headers, clock skew", () => {
    expect(entryOf(event({ auth: { checked: true, ok: true, accessKeyId: "AKIDEXAMPLE" } })).signature).toEqual({
      valid: true,
      accessKeyId: "AKIDEXAMPLE",
      region: "eu-west-1",
      service: "ssm",
      signedHeaders: ["content-type", "host", "x-amz-date", "x-amz-target"],
      clockSkewMs: -10_000,
    });
    const refused = entryOf(event({ auth: { checked: true, ok: false, error: "InvalidSignatureException", accessKeyId: "AKIDEXAMPLE" }, answeredBy: "auth", status: 400, errorName: "InvalidSignatureException", input: undefined }));
    expect(refused).toMatchObject({ signature: { valid: false }, answeredBy: "refusal", error: "InvalidSignatureException", input: null });
  });

  it("names what answered", () => {
    const by = (more: Partial<AnswerEvent>): string => entryOf(event(more)).answeredBy;
    expect(by({ source: "generated" })).toBe("generated");
    expect(by({ source: "example" })).toBe("example");
    expect(by({ source: "example", status: 400, errorName: "ThrottlingException" })).toBe("example");
    expect(by({ source: "example", status: 400, errorName: "ThrottlingException", headers: { prefer: "example=ThrottlingException, failures=2" } })).toBe("fault");
    expect(by({ answeredBy: "validate", source: undefined, status: 400, errorName: "ValidationException" })).toBe("refusal");
    expect(by({ answeredBy: "route", operation: undefined, source: undefined, status: 400, errorName: "UnknownOperationException" })).toBe("refusal");
    expect(by({ answeredBy: "answer", status: 500, errorName: "InternalFailure" })).toBe("internal");
  });

  it("keeps a refused request's issues, and no input for a body that never parsed", () => {
    const issues = [{ path: "/MaxResults", rule: "maximum", message: "'/MaxResults' must be <= 50", params: { limit: 50 } }];
    expect(entryOf(event({ answeredBy: "validate", status: 400, errorName: "ValidationException", input: { MaxResults: 51 }, issues }))).toMatchObject({ input: { MaxResults: 51 }, issues });
    expect(entryOf(event({ answeredBy: "parse", status: 400, errorName: "SerializationException", input: {} })).input).toBeNull();
    expect(entryOf(event({ operation: undefined, input: undefined }))).toMatchObject({ operation: null, input: null });
  });
});

describe("journalSubscriber", () => {
  it("records answers in the journal of the event's caller; not the admin API's, not aborted requests", () => {
    const journals = new Map([["a", new RequestJournal()], ["b", new RequestJournal()]]);
    const record = journalSubscriber((e) => journals.get(e.accessKeyId!)!);
    record(event({ accessKeyId: "a" }));
    record(event({ accessKeyId: "b" }));
    record(event({ accessKeyId: "b", closed: "aborted" }));
    record(event({ accessKeyId: "a", answeredBy: "admin", path: "/_mock/requests", operation: undefined }));
    expect(journals.get("a")!.entries().map((e) => e.accessKeyId)).toEqual(["a"]);
    expect(journals.get("b")!.entries()).toHaveLength(1);
  });
});
