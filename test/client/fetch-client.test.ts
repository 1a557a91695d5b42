/**
 * `aws-ops-contract/fetch`: openapi-fetch clients typed by the generated paths, with the SigV4
 * middleware. An injected fetch records what openapi-fetch sends (the wire's path, headers and body,
 * the signature recomputed by the AWS SDK v3 signer), for both entry points (node:crypto and
 * WebCrypto signers); then the five operations against the mock with signatures checked.
 */
import createClient from "openapi-fetch";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_CREDENTIALS, startMock } from "../../mock/src/index.js";
import type { paths as SsmPaths } from "../../generated/types/ssm.js";
import * as browser from "../../src/fetch.browser.js";
import * as node from "../../src/fetch.js";
import { amzJson, credentials, documentedErrors, frozen, recordingFetch, restJson, sdkAuthorization } from "./support.js";

const WINDOW_EXECUTION_ID = "9fac7dd9-ff21-42a5-96ad-bbc4b0e0e0e0";
const AUTOMATION_EXECUTION_ID = "4105a4fc-f944-11e6-9d32-0123456789ab";
const WORKFLOW_EXECUTION_ID = "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b";
const temporary = { accessKeyId: "ASIAEXAMPLE", secretAccessKey: "secret/with+chars", sessionToken: "FQoGZXIvYXdzEXAMPLE//token=" };

afterEach(() => void vi.restoreAllMocks());

const ENTRIES: Array<[string, typeof node, boolean]> = [
  ["fetch.browser.ts (aws4fetch on WebCrypto)", browser, true],
  ["fetch.ts (node:crypto)", node, false],
];

describe.each(ENTRIES)("the openapi-fetch clients of %s", (_label, entry, webCrypto) => {
  it("SSM ListCommands: the path key becomes POST / with X-Amz-Target and the AWS JSON media type, signed as the SDK signs it", async () => {
    const { fetch, calls } = recordingFetch(() => amzJson({ Commands: [] }));
    const ssm = entry.createSsmFetchClient({ region: "ap-southeast-2", credentials, fetch, now: () => frozen, headers: { prefer: "example=Empty" } });
    const signs = vi.spyOn(crypto.subtle, "sign");
    const { data, error, response } = await ssm.POST("/#X-Amz-Target=AmazonSSM.ListCommands", {
      params: { header: { "X-Amz-Target": "AmazonSSM.ListCommands" } },
      body: { Filters: [{ key: "DocumentName", value: "AWS-RunShellScript" }], MaxResults: 10 },
    });
    expect({ data, error, status: response.status }).toEqual({ data: { Commands: [] }, error: undefined, status: 200 });
    if (webCrypto) expect(signs).toHaveBeenCalled();
    else expect(signs).not.toHaveBeenCalled();
    expect(calls).toHaveLength(1);
    const { request, body } = calls[0]!;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://ssm.ap-southeast-2.amazonaws.com/");
    expect(request.headers.get("x-amz-target")).toBe("AmazonSSM.ListCommands");
    expect(request.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(request.headers.get("prefer")).toBe("example=Empty");
    expect(request.headers.get("x-amz-date")).toBe("20260304T050607Z");
    expect(JSON.parse(body)).toEqual({ Filters: [{ key: "DocumentName", value: "AWS-RunShellScript" }], MaxResults: 10 });
    const authorization = request.headers.get("authorization");
    expect(authorization).toMatch(/SignedHeaders=content-type;host;prefer;x-amz-date;x-amz-target,/);
    expect(authorization).toBe(await sdkAuthorization(request, body, "ssm", "ap-southeast-2", credentials, frozen));
    // The same request with another body would carry another signature.
    expect(authorization).not.toBe(await sdkAuthorization(request, body.replace("10", "11"), "ssm", "ap-southeast-2", credentials, frozen));
  });

  it("SSM with temporary credentials from a provider, on an endpoint with a port: the token is sent and signed", async () => {
    const { fetch, calls } = recordingFetch(() => amzJson({ WindowExecutionId: WINDOW_EXECUTION_ID }));
    let asked = 0;
    const ssm = entry.createSsmFetchClient({ region: "eu-west-1", endpoint: "http://127.0.0.1:4010", credentials: async () => (asked++, temporary), fetch, now: () => frozen });
    for (let i = 0; i < 2; i++) {
      const { data } = await ssm.POST("/#X-Amz-Target=AmazonSSM.GetMaintenanceWindowExecution", {
        params: { header: { "X-Amz-Target": "AmazonSSM.GetMaintenanceWindowExecution" } },
        body: { WindowExecutionId: WINDOW_EXECUTION_ID },
      });
      expect(data?.WindowExecutionId).toBe(WINDOW_EXECUTION_ID);
    }
    expect(asked).toBe(1);
    const { request, body } = calls[1]!;
    expect(request.url).toBe("http://127.0.0.1:4010/");
    expect(request.headers.get("x-amz-security-token")).toBe(temporary.sessionToken);
    expect(request.headers.get("authorization")).toBe(await sdkAuthorization(request, body, "ssm", "eu-west-1", temporary, frozen));
  });

  it("Image Builder ListWorkflowStepExecutions: POST /ListWorkflowStepExecutions as application/json, no X-Amz-Target, signed for imagebuilder", async () => {
    const { fetch, calls } = recordingFetch(() => restJson({ steps: [] }));
    const imagebuilder = entry.createImageBuilderFetchClient({ region: "us-east-2", credentials, fetch, now: () => frozen });
    const { data } = await imagebuilder.POST("/ListWorkflowStepExecutions", { body: { workflowExecutionId: WORKFLOW_EXECUTION_ID, maxResults: 5 } });
    expect(data).toEqual({ steps: [] });
    const { request, body } = calls[0]!;
    expect(request.url).toBe("https://imagebuilder.us-east-2.amazonaws.com/ListWorkflowStepExecutions");
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(request.headers.has("x-amz-target")).toBe(false);
    expect(JSON.parse(body)).toEqual({ workflowExecutionId: WORKFLOW_EXECUTION_ID, maxResults: 5 });
    expect(request.headers.get("authorization")).toBe(await sdkAuthorization(request, body, "imagebuilder", "us-east-2", credentials, frozen));
  });

  it("an error answer is openapi-fetch's { error } with the AWS error body", async () => {
    const { fetch } = recordingFetch(() => amzJson({ __type: "InvalidNextToken", Message: "The specified token isn't valid." }, { status: 400 }));
    const ssm = entry.createSsmFetchClient({ region: "eu-west-1", credentials, fetch });
    const { data, error, response } = await ssm.POST("/#X-Amz-Target=AmazonSSM.ListCommands", { params: { header: { "X-Amz-Target": "AmazonSSM.ListCommands" } }, body: { NextToken: "x" } });
    expect({ data, error, status: response.status }).toEqual({ data: undefined, error: { __type: "InvalidNextToken", Message: "The specified token isn't valid." }, status: 400 });
  });

  it("a per-request fetch (openapi-fetch's own option) is signed too", async () => {
    const client = recordingFetch(() => amzJson({}));
    const own = recordingFetch(() => amzJson({ StepExecutions: [] }));
    const ssm = entry.createSsmFetchClient({ region: "eu-west-1", credentials, fetch: client.fetch, now: () => frozen });
    const { data } = await ssm.POST("/#X-Amz-Target=AmazonSSM.DescribeAutomationStepExecutions", {
      params: { header: { "X-Amz-Target": "AmazonSSM.DescribeAutomationStepExecutions" } },
      body: { AutomationExecutionId: AUTOMATION_EXECUTION_ID },
      fetch: own.fetch,
    });
    expect(data).toEqual({ StepExecutions: [] });
    expect([client.calls.length, own.calls.length]).toEqual([0, 1]);
    const { request, body } = own.calls[0]!;
    expect(request.headers.get("authorization")).toBe(await sdkAuthorization(request, body, "ssm", "eu-west-1", credentials, frozen));
  });

  it("awsSigV4Middleware on a client of one's own: a call with no X-Amz-Target header gets the path key's", async () => {
    const { fetch, calls } = recordingFetch(() => amzJson({ CommandInvocations: [] }));
    const own = createClient<SsmPaths>({ baseUrl: "http://127.0.0.1:4010", fetch });
    own.use(entry.awsSigV4Middleware({ service: "ssm", region: "us-west-2", credentials, now: () => frozen }));
    // The generic request() takes the header as optional: the middleware sets it from the path key.
    const { data } = await own.request("post", "/#X-Amz-Target=AmazonSSM.ListCommandInvocations", { body: {} } as never);
    expect(data).toEqual({ CommandInvocations: [] });
    const { request, body } = calls[0]!;
    expect([request.url, request.headers.get("x-amz-target"), request.headers.get("content-type")]).toEqual([
      "http://127.0.0.1:4010/",
      "AmazonSSM.ListCommandInvocations",
      "application/x-amz-json-1.1",
    ]);
    expect(request.headers.get("authorization")).toBe(await sdkAuthorization(request, body, "ssm", "us-west-2", credentials, frozen));
  });

  it("an X-Amz-Target header that contradicts the path key is refused before anything is sent", async () => {
    const { fetch, calls } = recordingFetch(() => amzJson({}));
    const ssm = entry.createSsmFetchClient({ region: "eu-west-1", credentials, fetch });
    await expect(
      ssm.POST("/#X-Amz-Target=AmazonSSM.ListCommands", { params: { header: { "X-Amz-Target": "AmazonSSM.SendCommand" as "AmazonSSM.ListCommands" } }, body: {} }),
    ).rejects.toThrow(/ssm ListCommands: params\.header\["X-Amz-Target"\] must be "AmazonSSM\.ListCommands".*got "AmazonSSM\.SendCommand"/);
    expect(calls).toHaveLength(0);
  });

  it("a credentials provider that fails rejects the call with a CredentialsError naming it", async () => {
    const { fetch, calls } = recordingFetch(() => amzJson({}));
    const ssm = entry.createSsmFetchClient({ region: "eu-west-1", credentials: async function vault() { throw new Error("locked"); }, fetch });
    const call = ssm.POST("/#X-Amz-Target=AmazonSSM.ListCommands", { params: { header: { "X-Amz-Target": "AmazonSSM.ListCommands" } }, body: {} });
    await expect(call).rejects.toSatisfy((e: unknown) => entry.isCallError(e) && e.name === "CredentialsError" && /vault failed \(Error: locked\)/.test(e.message));
    expect(calls).toHaveLength(0);
  });

  it("options are checked at creation with the fast client's rules", () => {
    expect(() => entry.createSsmFetchClient({ region: "Not A Region", credentials })).toThrow(/^ssm client: region must be an AWS Region code/);
    expect(() => entry.createImageBuilderFetchClient({ region: "us-east-1", credentials, endpoint: "ftp://x" })).toThrow(/^imagebuilder client: endpoint must be an absolute http\(s\) URL/);
    expect(() => entry.createSsmFetchClient({ region: "us-east-1", credentials: { accessKeyId: "", secretAccessKey: "x" } })).toThrow(/credentials: accessKeyId must be a non-empty string/);
    expect(() => entry.awsSigV4Middleware({ service: "ec2" as "ssm", region: "us-east-1", credentials })).toThrow(/service must be "ssm" or "imagebuilder", got "ec2"/);
  });
});

describe("the openapi-fetch clients against the mock (signatures checked)", () => {
  let mock: Awaited<ReturnType<typeof startMock>>;
  beforeAll(async () => {
    mock = await startMock({ port: 0, auth: "sigv4", log: () => undefined });
  }, 60_000);
  afterAll(async () => void (await mock?.close()));
  const signedWith = (extra: Partial<node.FetchClientOptions> = {}) => ({ region: "us-east-1", endpoint: mock.url, credentials: DEFAULT_CREDENTIALS, ...extra });

  it.each(ENTRIES)("all five operations answer { data } (%s)", async (_label, entry) => {
    const ssm = entry.createSsmFetchClient(signedWith());
    const imagebuilder = entry.createImageBuilderFetchClient(signedWith());
    const commands = await ssm.POST("/#X-Amz-Target=AmazonSSM.ListCommands", { params: { header: { "X-Amz-Target": "AmazonSSM.ListCommands" } }, body: { MaxResults: 2 } });
    const invocations = await ssm.POST("/#X-Amz-Target=AmazonSSM.ListCommandInvocations", { params: { header: { "X-Amz-Target": "AmazonSSM.ListCommandInvocations" } }, body: {} });
    const window = await ssm.POST("/#X-Amz-Target=AmazonSSM.GetMaintenanceWindowExecution", {
      params: { header: { "X-Amz-Target": "AmazonSSM.GetMaintenanceWindowExecution" } },
      body: { WindowExecutionId: WINDOW_EXECUTION_ID },
    });
    const steps = await ssm.POST("/#X-Amz-Target=AmazonSSM.DescribeAutomationStepExecutions", {
      params: { header: { "X-Amz-Target": "AmazonSSM.DescribeAutomationStepExecutions" } },
      body: { AutomationExecutionId: AUTOMATION_EXECUTION_ID },
    });
    const workflow = await imagebuilder.POST("/ListWorkflowStepExecutions", { body: { workflowExecutionId: WORKFLOW_EXECUTION_ID } });
    for (const answer of [commands, invocations, window, steps, workflow]) expect({ status: answer.response.status, error: answer.error }).toEqual({ status: 200, error: undefined });
    expect(commands.data?.Commands).toHaveLength(2);
    expect(Array.isArray(invocations.data?.CommandInvocations)).toBe(true);
    expect(window.data?.WindowExecutionId).toBe(WINDOW_EXECUTION_ID);
    expect(Array.isArray(steps.data?.StepExecutions)).toBe(true);
    expect(workflow.data?.workflowExecutionId).toBe(WORKFLOW_EXECUTION_ID);
    expect(workflow.data).toEqual(expect.objectContaining({ steps: expect.any(Array) }));
  });

  it("Prefer: code=400, example=InvalidNextToken answers { error } with the AWS error body", async () => {
    const ssm = node.createSsmFetchClient(signedWith({ headers: { prefer: "code=400, example=InvalidNextToken" } }));
    const { data, error, response } = await ssm.POST("/#X-Amz-Target=AmazonSSM.ListCommands", { params: { header: { "X-Amz-Target": "AmazonSSM.ListCommands" } }, body: {} });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    // The spec's documented InvalidNextToken example, as the mock answers it.
    const documented = documentedErrors("ssm").find((e) => e.operation === "ListCommands" && e.name === "InvalidNextToken")!;
    expect(documented.status).toBe(400);
    expect(error).toEqual(documented.body);
  });

  it("the mock refuses a request signed with the wrong secret: the signature is what it checks", async () => {
    const ssm = node.createSsmFetchClient(signedWith({ credentials: { ...DEFAULT_CREDENTIALS, secretAccessKey: "not-the-secret" } }));
    const { data, error, response } = await ssm.POST("/#X-Amz-Target=AmazonSSM.ListCommands", { params: { header: { "X-Amz-Target": "AmazonSSM.ListCommands" } }, body: {} });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ __type: "InvalidSignatureException" });
  });
});
