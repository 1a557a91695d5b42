import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createSsmClient, isCallError, isServiceError, ServiceError } from "../../src/index.js";
import { amzJson, documentedErrors, options, recordingFetch, successExample } from "./support.js";

const WINDOW_EXECUTION_ID = "14bea65d-5ccc-462d-a2f3-e99c8EXAMPLE";
const AUTOMATION_EXECUTION_ID = "4105a4fc-f944-11e6-9d32-0a1b2EXAMPLE";

describe("SSM client: the AWS JSON 1.1 wire", () => {
  it("sends POST / with X-Amz-Target, application/x-amz-json-1.1, the JSON input and a SigV4 signature", async () => {
    const { fetch, calls } = recordingFetch(() => amzJson({ Commands: [] }));
    const ssm = createSsmClient(options(fetch));
    await ssm.listCommands({ MaxResults: 5, Filters: [{ key: "Status", value: "Success" }] });
    expect(calls).toHaveLength(1);
    const { request, body } = calls[0]!;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://ssm.eu-west-1.amazonaws.com/");
    expect(new URL(request.url).hash).toBe("");
    expect(request.headers.get("x-amz-target")).toBe("AmazonSSM.ListCommands");
    expect(request.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(request.headers.get("x-amz-date")).toBe("20260304T050607Z");
    expect(request.headers.get("authorization")).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20260304\/eu-west-1\/ssm\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
    expect(JSON.parse(body)).toEqual({ MaxResults: 5, Filters: [{ key: "Status", value: "Success" }] });
  });

  it.each([
    ["listCommands", "ListCommands", undefined],
    ["listCommandInvocations", "ListCommandInvocations", { Details: true }],
    ["getMaintenanceWindowExecution", "GetMaintenanceWindowExecution", { WindowExecutionId: WINDOW_EXECUTION_ID }],
    ["describeAutomationStepExecutions", "DescribeAutomationStepExecutions", { AutomationExecutionId: AUTOMATION_EXECUTION_ID }],
  ] as const)("%s sends X-Amz-Target AmazonSSM.%s to / and {} when there is no input", async (method, operation, input) => {
    const { fetch, calls } = recordingFetch(() => amzJson({}));
    const ssm = createSsmClient(options(fetch));
    await (ssm[method] as (input: unknown) => Promise<unknown>)(input);
    expect(new URL(calls[0]!.request.url).pathname).toBe("/");
    expect(calls[0]!.request.headers.get("x-amz-target")).toBe(`AmazonSSM.${operation}`);
    expect(JSON.parse(calls[0]!.body)).toEqual(input ?? {});
  });

  it("a real HTTP server sees POST / (no fragment, no encoded path key) with the headers", async () => {
    const seen: Array<Record<string, string | undefined>> = [];
    const server = createServer((req, res) => {
      seen.push({ method: req.method, url: req.url, target: req.headers["x-amz-target"] as string, type: req.headers["content-type"], auth: req.headers.authorization });
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1" }).end(JSON.stringify({ Commands: [] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const ssm = createSsmClient({ region: "us-east-1", endpoint: `http://127.0.0.1:${port}`, credentials: { accessKeyId: "a", secretAccessKey: "b" } });
      await expect(ssm.listCommands()).resolves.toEqual({ Commands: [] });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen).toEqual([
      { method: "POST", url: "/", target: "AmazonSSM.ListCommands", type: "application/x-amz-json-1.1", auth: expect.stringContaining("/us-east-1/ssm/aws4_request") },
    ]);
  });

  it("an endpoint with a path keeps it: POST <path>/", async () => {
    const { fetch, calls } = recordingFetch(() => amzJson({}));
    await createSsmClient(options(fetch, { endpoint: "http://127.0.0.1:4010/prefix/" })).listCommands();
    expect(calls[0]!.request.url).toBe("http://127.0.0.1:4010/prefix/");
  });

  it("signs with a session token and calls an async credential provider for each request", async () => {
    const { fetch, calls } = recordingFetch(() => amzJson({}));
    let provided = 0;
    const ssm = createSsmClient(
      options(fetch, {
        credentials: async () => {
          provided++;
          return { accessKeyId: `AKID${provided}`, secretAccessKey: "secret", sessionToken: "TOKEN" };
        },
      }),
    );
    await ssm.listCommands();
    await ssm.listCommands();
    expect(provided).toBe(2);
    expect(calls[1]!.request.headers.get("x-amz-security-token")).toBe("TOKEN");
    expect(calls[1]!.request.headers.get("authorization")).toContain("Credential=AKID2/");
    expect(calls[1]!.request.headers.get("authorization")).toContain("x-amz-security-token");
  });

  it("rejects bad options with an error naming the option", () => {
    expect(() => createSsmClient({ region: "", credentials: { accessKeyId: "a", secretAccessKey: "b" } })).toThrow(/region/);
    expect(() => createSsmClient({ region: "us-east-1", credentials: null as never })).toThrow(/credentials/);
    expect(() => createSsmClient({ region: "us-east-1", credentials: { accessKeyId: "", secretAccessKey: "b" } })).toThrow(/accessKeyId/);
    expect(() => createSsmClient({ region: "us-east-1", endpoint: "not a url", credentials: { accessKeyId: "a", secretAccessKey: "b" } })).toThrow(/endpoint/);
  });

  it("a credential provider that returns nothing usable fails the call with a clear error", async () => {
    const { fetch, calls } = recordingFetch(() => amzJson({}));
    const ssm = createSsmClient(options(fetch, { credentials: async () => ({ accessKeyId: "a" }) as never }));
    await expect(ssm.listCommands()).rejects.toThrow(/credentials.secretAccessKey must be a non-empty string/);
    expect(calls).toHaveLength(0);
  });
});

describe("SSM client: parsing", () => {
  it("returns the typed output as received; timestamps stay epoch-second numbers", async () => {
    const page = successExample("ssm", "ListCommands", "LastPage");
    const { fetch } = recordingFetch(() => amzJson(page));
    const out = await createSsmClient(options(fetch)).listCommands();
    expect(out).toEqual(page);
    expect(typeof out.Commands?.[0]?.RequestedDateTime).toBe("number");
    expect(new Date(out.Commands![0]!.RequestedDateTime! * 1000).getUTCFullYear()).toBeGreaterThan(2000);
  });

  it("parses a 200 body whatever its exact content type", async () => {
    const example = successExample("ssm", "GetMaintenanceWindowExecution", "DocumentSample");
    const { fetch } = recordingFetch(() => new Response(JSON.stringify(example), { headers: { "content-type": "application/x-amz-json-1.1; charset=utf-8" } }));
    await expect(createSsmClient(options(fetch)).getMaintenanceWindowExecution({ WindowExecutionId: WINDOW_EXECUTION_ID })).resolves.toEqual(example);
  });
});

describe("SSM client: every documented error becomes a typed ServiceError", () => {
  const methods = {
    ListCommands: (c: ReturnType<typeof createSsmClient>) => c.listCommands(),
    ListCommandInvocations: (c: ReturnType<typeof createSsmClient>) => c.listCommandInvocations(),
    GetMaintenanceWindowExecution: (c: ReturnType<typeof createSsmClient>) => c.getMaintenanceWindowExecution({ WindowExecutionId: WINDOW_EXECUTION_ID }),
    DescribeAutomationStepExecutions: (c: ReturnType<typeof createSsmClient>) => c.describeAutomationStepExecutions({ AutomationExecutionId: AUTOMATION_EXECUTION_ID }),
  } as Record<string, (c: ReturnType<typeof createSsmClient>) => Promise<unknown>>;
  const errors = documentedErrors("ssm");

  it("covers every operation and the documented names", () => {
    expect(new Set(errors.map((e) => e.operation))).toEqual(new Set(Object.keys(methods)));
    expect(errors.length).toBeGreaterThanOrEqual(20);
  });

  it.each(errors.map((e) => [e.operation, e.name, e.status, e.body] as const))("%s answers %s (HTTP %i)", async (operation, name, status, body) => {
    const { fetch } = recordingFetch(() => amzJson(body, { status, headers: { "x-amzn-RequestId": "req-123" } }));
    const error = await methods[operation]!(createSsmClient(options(fetch, { validateResponses: true }))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(isServiceError(error)).toBe(true);
    if (!isServiceError(error)) return;
    expect(error.name).toBe(name);
    expect(error.status).toBe(status);
    expect(error.requestId).toBe("req-123");
    expect(error.operation).toBe(operation);
    expect(error.message).toBe((body as { Message?: string }).Message ?? `${operation} failed with HTTP ${status} ${name}`);
  });

  it("takes the name after a namespace# prefix, and from x-amzn-ErrorType before a ':'", async () => {
    const answers = [
      amzJson({ __type: "com.amazonaws.ssm#InvalidNextToken", Message: "bad token" }, { status: 400 }),
      amzJson({ Message: "slow down" }, { status: 400, headers: { "x-amzn-ErrorType": "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/" } }),
      new Response("<html>bad gateway</html>", { status: 502 }),
    ];
    const { fetch } = recordingFetch((_r, _b, i) => answers[i]!);
    const ssm = createSsmClient(options(fetch));
    const first = await ssm.listCommands().catch((e: unknown) => e);
    expect(isServiceError(first, "InvalidNextToken")).toBe(true);
    expect(isServiceError(first, "InvalidCommandId")).toBe(false);
    const second = await ssm.listCommands().catch((e: unknown) => e);
    expect(isServiceError(second) && second.name).toBe("ThrottlingException");
    const third = await ssm.listCommands().catch((e: unknown) => e);
    expect(isServiceError(third) && [third.name, third.status, third.message]).toEqual(["UnknownError", 502, "<html>bad gateway</html>"]);
  });

  it("an error whose status is 500 keeps it", async () => {
    const { fetch } = recordingFetch(() => amzJson({ __type: "InternalServerError", Message: "boom" }, { status: 500 }));
    const error = await createSsmClient(options(fetch)).listCommands().catch((e: unknown) => e);
    expect(isServiceError(error, "InternalServerError") && error.status).toBe(500);
  });
});

describe("SSM client: paginators", () => {
  it("paginateListCommands passes NextToken back and ends on the page without one", async () => {
    const first = successExample("ssm", "ListCommands", "FirstPage") as { NextToken: string };
    const last = successExample("ssm", "ListCommands", "LastPage");
    expect(first.NextToken).toBeTruthy();
    const { fetch, calls } = recordingFetch((_r, _b, i) => amzJson(i === 0 ? first : last));
    const pages = [];
    for await (const page of createSsmClient(options(fetch)).paginateListCommands({ MaxResults: 2 })) pages.push(page);
    expect(pages).toEqual([first, last]);
    expect(calls.map((c) => JSON.parse(c.body))).toEqual([{ MaxResults: 2 }, { MaxResults: 2, NextToken: first.NextToken }]);
  });

  it.each([
    ["paginateListCommandInvocations", "ListCommandInvocationsResult", {}],
    ["paginateDescribeAutomationStepExecutions", "DescribeAutomationStepExecutionsResult", { AutomationExecutionId: AUTOMATION_EXECUTION_ID }],
  ] as const)("%s follows three tokens and ends", async (method, _shape, input) => {
    const { fetch, calls } = recordingFetch((_r, _b, i) => amzJson(i < 3 ? { NextToken: `token-${i + 1}` } : {}));
    const ssm = createSsmClient(options(fetch));
    let count = 0;
    for await (const _page of (ssm[method] as (input: unknown) => AsyncIterable<unknown>)(input)) count++;
    expect(count).toBe(4);
    expect(calls.map((c) => (JSON.parse(c.body) as { NextToken?: string }).NextToken)).toEqual([undefined, "token-1", "token-2", "token-3"]);
  });

  it.each([
    ["the token it was given", ["same", "same"], 2],
    ["a token it gave two pages before (A, B, A)", ["A", "B", "A", "B"], 3],
  ] as const)("stops with a PaginationLoopError when the service hands back %s, instead of looping", async (_label, tokens, repeatedAt) => {
    const { fetch, calls } = recordingFetch((_r, _b, i) => amzJson({ NextToken: tokens[i] }));
    const pages: unknown[] = [];
    const run = async () => {
      for await (const page of createSsmClient(options(fetch)).paginateListCommands()) pages.push(page);
    };
    const error = await run().catch((e: unknown) => e);
    expect(isCallError(error, "PaginationLoopError")).toBe(true);
    expect(error).toMatchObject({ operation: "ListCommands", message: expect.stringMatching(/^ListCommands: page \d answered NextToken "(same|A)", a token already followed/) });
    expect(pages).toHaveLength(repeatedAt);
    expect(calls).toHaveLength(repeatedAt);
  });

  it("a paginator surfaces a ServiceError from any page", async () => {
    const { fetch } = recordingFetch((_r, _b, i) => (i === 0 ? amzJson({ NextToken: "t" }) : amzJson({ __type: "InvalidNextToken" }, { status: 400 })));
    const pages: unknown[] = [];
    const run = async () => {
      for await (const page of createSsmClient(options(fetch)).paginateListCommands()) pages.push(page);
    };
    await expect(run()).rejects.toSatisfy((e: unknown) => isServiceError(e, "InvalidNextToken"));
    expect(pages).toHaveLength(1);
  });
});

describe("SSM client: opt-in response validation", () => {
  const bad = { Commands: [{ CommandId: "short", Status: "Exploded", RequestedDateTime: "2020-02-21T00:22:23Z" }] };

  it("off by default: a body that breaks the contract is returned as received", async () => {
    const { fetch } = recordingFetch(() => amzJson(bad));
    await expect(createSsmClient(options(fetch)).listCommands()).resolves.toEqual(bad);
  });

  it("on: fails with a ContractValidationError listing path, rule and message", async () => {
    const { fetch } = recordingFetch(() => amzJson(bad));
    const error = await createSsmClient(options(fetch, { validateResponses: { mode: "strict" } })).listCommands().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ContractValidationError", operation: "ListCommands", kind: "response" });
    const { issues, message } = error as { issues: Array<{ path: string; rule: string }>; message: string };
    expect(issues.map((i) => [i.path, i.rule])).toEqual(
      expect.arrayContaining([
        ["/Commands/0/CommandId", "minLength"],
        ["/Commands/0/Status", "enum"],
        ["/Commands/0/RequestedDateTime", "type"],
      ]),
    );
    expect(message).toContain("/Commands/0/RequestedDateTime [type]");
  });

  it("on: a valid body passes, and an error body that breaks the contract is reported with the ServiceError as cause", async () => {
    const page = successExample("ssm", "ListCommands", "FirstPage");
    const answers = [amzJson(page), amzJson({ __type: "InvalidNextToken", Unexpected: 1 }, { status: 400 })];
    const { fetch } = recordingFetch((_r, _b, i) => answers[i]!);
    const ssm = createSsmClient(options(fetch, { validateResponses: { mode: "strict" } }));
    await expect(ssm.listCommands()).resolves.toEqual(page);
    const error = await ssm.listCommands().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ContractValidationError", kind: "error", issues: [{ path: "/Unexpected", rule: "additionalProperties" }] });
    expect(isServiceError((error as Error).cause, "InvalidNextToken")).toBe(true);
  });
});
