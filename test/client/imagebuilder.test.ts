import { describe, expect, it } from "vitest";
import { createImageBuilderClient, isServiceError, ServiceError } from "../../src/index.js";
import { documentedErrors, options, recordingFetch, restJson, successExample } from "./support.js";

const WORKFLOW_EXECUTION_ID = "wf-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

describe("Image Builder client: the REST JSON wire", () => {
  it("sends POST /ListWorkflowStepExecutions, application/json, the JSON input, signed for imagebuilder", async () => {
    const { fetch, calls } = recordingFetch(() => restJson({ steps: [] }));
    await createImageBuilderClient(options(fetch)).listWorkflowStepExecutions({ workflowExecutionId: WORKFLOW_EXECUTION_ID, maxResults: 3 });
    const { request, body } = calls[0]!;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://imagebuilder.eu-west-1.amazonaws.com/ListWorkflowStepExecutions");
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(request.headers.get("x-amz-target")).toBeNull();
    expect(request.headers.get("authorization")).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20260304\/eu-west-1\/imagebuilder\/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-type;host;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    expect(JSON.parse(body)).toEqual({ workflowExecutionId: WORKFLOW_EXECUTION_ID, maxResults: 3 });
  });

  it("returns the typed output; startTime/endTime stay the strings of the wire", async () => {
    const page = successExample("imagebuilder", "ListWorkflowStepExecutions", "LastPage");
    const { fetch } = recordingFetch(() => restJson(page));
    const out = await createImageBuilderClient(options(fetch)).listWorkflowStepExecutions({ workflowExecutionId: WORKFLOW_EXECUTION_ID });
    expect(out).toEqual(page);
    expect(typeof out.steps?.[0]?.startTime).toBe("string");
  });
});

describe("Image Builder client: every documented error becomes a typed ServiceError", () => {
  const errors = documentedErrors("imagebuilder");
  it("covers the seven errors the operation documents, and the 24 common errors beside them (ValidationException among them)", () => {
    expect(errors.filter((e) => e.common).length).toBe(24);
    expect(errors.filter((e) => !e.common).map((e) => e.name).sort()).toEqual([
      "CallRateLimitExceededException",
      "ClientException",
      "ForbiddenException",
      "InvalidPaginationTokenException",
      "InvalidRequestException",
      "ServiceException",
      "ServiceUnavailableException",
    ]);
  });

  it.each(errors.map((e) => [e.name, e.status, e.body] as const))("%s (HTTP %i), named by x-amzn-ErrorType", async (name, status, body) => {
    const { fetch } = recordingFetch(() => restJson(body, { status, headers: { "x-amzn-ErrorType": name, "x-amzn-RequestId": "req-ib" } }));
    const client = createImageBuilderClient(options(fetch, { validateResponses: true }));
    const error = await client.listWorkflowStepExecutions({ workflowExecutionId: WORKFLOW_EXECUTION_ID }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    if (!isServiceError(error)) return;
    expect([error.name, error.status, error.requestId, error.message]).toEqual([name, status, "req-ib", (body as { message: string }).message]);
  });
});

describe("Image Builder client: paginator", () => {
  it("follows nextToken and ends on the page without one", async () => {
    const first = successExample("imagebuilder", "ListWorkflowStepExecutions", "FirstPage") as { nextToken: string };
    const last = successExample("imagebuilder", "ListWorkflowStepExecutions", "LastPage");
    const { fetch, calls } = recordingFetch((_r, _b, i) => restJson(i === 0 ? first : last));
    const pages = [];
    const client = createImageBuilderClient(options(fetch));
    for await (const page of client.paginateListWorkflowStepExecutions({ workflowExecutionId: WORKFLOW_EXECUTION_ID })) pages.push(page);
    expect(pages).toEqual([first, last]);
    expect(calls.map((c) => JSON.parse(c.body))).toEqual([
      { workflowExecutionId: WORKFLOW_EXECUTION_ID },
      { workflowExecutionId: WORKFLOW_EXECUTION_ID, nextToken: first.nextToken },
    ]);
  });
});
