/** The spec describes the real wire: paths, headers, media types, timestamps, errors, servers, auth. */
import { describe, expect, it } from "vitest";
import { type OpenApiDoc, deref, loadSpec } from "./load.js";

// The OpenAPI documents are walked as untyped JSON here; the assertions are the types.
type Obj = any;
const ssm = loadSpec("ssm");
const imagebuilder = loadSpec("imagebuilder");
const SSM_JSON = "application/x-amz-json-1.1";

/** The errors each source document lists, with the HTTP status on the wire. */
const DOCUMENTED_ERRORS: Record<string, Record<string, string>> = {
  ListCommands: { InternalServerError: "500", InvalidCommandId: "400", InvalidInstanceId: "400", InvalidFilterKey: "400", InvalidNextToken: "400" },
  ListCommandInvocations: { InternalServerError: "500", InvalidCommandId: "400", InvalidInstanceId: "400", InvalidFilterKey: "400", InvalidNextToken: "400" },
  GetMaintenanceWindowExecution: { DoesNotExistException: "400", InternalServerError: "500" },
  DescribeAutomationStepExecutions: { AutomationExecutionNotFoundException: "400", InvalidNextToken: "400", InvalidFilterKey: "400", InvalidFilterValue: "400", InternalServerError: "500" },
  ListWorkflowStepExecutions: { CallRateLimitExceededException: "429", ClientException: "400", ForbiddenException: "403", InvalidPaginationTokenException: "400", InvalidRequestException: "400", ServiceException: "500", ServiceUnavailableException: "503" },
};
/** The errors common to every action (AWS's Common Errors list, and the JSON fronts' wire names). */
const COMMON_ERRORS = [
  "AccessDeniedException", "ExpiredTokenException", "IncompleteSignature", "IncompleteSignatureException", "InternalFailure", "InvalidAction",
  "InvalidClientTokenId", "InvalidSignatureException", "MalformedHttpRequestException", "MissingAuthenticationToken", "MissingAuthenticationTokenException",
  "NotAuthorized", "OptInRequired", "RequestAbortedException", "RequestEntityTooLargeException", "RequestExpired", "RequestTimeoutException",
  "SerializationException", "ServiceUnavailable", "ThrottlingException", "UnknownOperationException", "UnrecognizedClientException", "ValidationError", "ValidationException",
];
const PAGINATED = { ListCommands: "NextToken", ListCommandInvocations: "NextToken", DescribeAutomationStepExecutions: "NextToken", ListWorkflowStepExecutions: "nextToken" } as Record<string, string>;

const operations = (doc: OpenApiDoc) =>
  Object.entries(doc.paths).map(([path, item]) => ({ path, methods: Object.keys(item), op: (item as Obj)["post"] as Obj }));

describe("SSM: AWS JSON 1.1 binding", () => {
  const ops = operations(ssm);

  it("has the four operations, each at /#X-Amz-Target=AmazonSSM.<Operation>, POST only", () => {
    expect(ops.map((o) => o.op.operationId).sort()).toEqual(["DescribeAutomationStepExecutions", "GetMaintenanceWindowExecution", "ListCommandInvocations", "ListCommands"]);
    for (const { path, methods, op } of ops) {
      expect(path).toBe(`/#X-Amz-Target=AmazonSSM.${op.operationId}`);
      expect(methods).toEqual(["post"]);
    }
  });

  it.each(ops.map((o) => [o.op.operationId, o.op] as const))("%s: required single-value X-Amz-Target header and the x-amz-json-1.1 media type", (name, op) => {
    const headers = (op.parameters as Obj[]).filter((p) => p.in === "header");
    expect(headers).toHaveLength(1);
    expect(headers[0]).toMatchObject({ name: "X-Amz-Target", required: true, schema: { type: "string", enum: [`AmazonSSM.${name}`] } });
    expect(op.requestBody.required).toBe(true);
    expect(Object.keys(op.requestBody.content)).toEqual([SSM_JSON]);
    for (const response of Object.values(op.responses)) {
      expect(Object.keys(deref<Obj>(ssm, response).content)).toEqual([SSM_JSON]);
    }
  });

  it("writes timestamps as epoch-second numbers", () => {
    expect(ssm.components.schemas["DateTime"]).toMatchObject({ type: "number" });
    const timestamps: string[] = [];
    for (const [name, schema] of Object.entries(ssm.components.schemas as Record<string, Obj>)) {
      for (const [member, prop] of Object.entries((schema.properties ?? {}) as Record<string, Obj>)) {
        if (/(Time|DateTime|ExpiresAfter)$/.test(member)) {
          timestamps.push(`${name}.${member}`);
          expect(prop.$ref, `${name}.${member}`).toBe("#/components/schemas/DateTime");
        }
      }
    }
    expect(timestamps.length).toBeGreaterThanOrEqual(9);
  });

  it("error bodies carry __type and Message", () => {
    expect(ssm.components.schemas["ErrorResponse"]).toMatchObject({ required: ["__type"], properties: { __type: { type: "string" }, Message: { type: "string" } } });
  });
});

describe("Image Builder: REST JSON binding", () => {
  it("has POST /ListWorkflowStepExecutions with application/json both ways", () => {
    const [only, ...rest] = operations(imagebuilder);
    expect(rest).toEqual([]);
    expect(only!.path).toBe("/ListWorkflowStepExecutions");
    expect(only!.methods).toEqual(["post"]);
    expect(Object.keys(only!.op.requestBody.content)).toEqual(["application/json"]);
    for (const response of Object.values(only!.op.responses)) expect(Object.keys(deref<Obj>(imagebuilder, response).content)).toEqual(["application/json"]);
  });

  it("every error response names the error in a required x-amzn-ErrorType header, with a {message} body", () => {
    const op = operations(imagebuilder)[0]!.op;
    for (const [status, response] of Object.entries(op.responses as Obj)) {
      if (status === "200") continue;
      const r = deref<Obj>(imagebuilder, response);
      expect(deref<Obj>(imagebuilder, r.headers["x-amzn-ErrorType"]).required, status).toBe(true);
      expect(r.content["application/json"].schema.$ref).toBe("#/components/schemas/ErrorResponse");
    }
    expect(imagebuilder.components.schemas["ErrorResponse"]).toMatchObject({ properties: { message: { type: "string" } } });
  });

  it("keeps its timestamps as strings", () => {
    expect(imagebuilder.components.schemas["DateTime"]).toMatchObject({ type: "string" });
  });
});

describe.each([
  ["ssm", ssm, "https://ssm.{region}.amazonaws.com", "ssm"],
  ["imagebuilder", imagebuilder, "https://imagebuilder.{region}.amazonaws.com", "imagebuilder"],
] as const)("%s: servers and auth", (_api, doc, url, service) => {
  it("has a regional server with a region variable", () => {
    expect((doc as Obj)["servers"]).toEqual([expect.objectContaining({ url, variables: { region: expect.objectContaining({ default: "us-east-1" }) } })]);
  });
  it("requires the SigV4 security scheme", () => {
    expect((doc as Obj)["security"]).toEqual([{ sigv4: [] }]);
    const scheme = (doc as Obj)["components"].securitySchemes.sigv4;
    expect(scheme).toMatchObject({ type: "apiKey", in: "header", name: "Authorization", "x-amazon-apigateway-authtype": "awsSigv4" });
    expect(scheme.description).toContain(`service name \`${service}\``);
  });
});

describe.each([
  ...operations(ssm).map((o) => [o.op.operationId, ssm, o.op] as const),
  ...operations(imagebuilder).map((o) => [o.op.operationId, imagebuilder, o.op] as const),
])("%s: documented errors and examples", (name, doc, op) => {
  it("answers every documented error with its wire status and a named example", () => {
    for (const [error, status] of Object.entries(DOCUMENTED_ERRORS[name]!)) {
      const response = deref<Obj>(doc, op.responses[status]);
      const media = Object.values(response.content)[0] as Obj;
      expect(Object.keys(media.examples), `${error} under ${status}`).toContain(error);
      const value = deref<Obj>(doc, media.examples[error]).value;
      if (doc === ssm) expect(value.__type).toBe(error);
      else expect(value.message).toBeTypeOf("string");
    }
  });

  it("has no error status the documents do not give, but those of the common errors", () => {
    const statuses = new Set([...Object.values(DOCUMENTED_ERRORS[name]!), "200", "400"]);
    const onlyCommon = (status: string): boolean => {
      const media = Object.values(deref<Obj>(doc, op.responses[status]).content)[0] as Obj;
      return Object.values(media.examples).every((example) => deref<Obj>(doc, example)["x-aws-common-error"] === true);
    };
    expect(Object.keys(op.responses).filter((s) => !statuses.has(s) && !onlyCommon(s))).toEqual([]);
  });

  it("lists every common error, each example marked x-aws-common-error, and no documented error marked", () => {
    const marked = new Map<string, boolean>();
    for (const [status, response] of Object.entries(op.responses)) {
      if (Number(status) < 400) continue;
      const media = Object.values(deref<Obj>(doc, response).content)[0] as Obj;
      for (const [error, example] of Object.entries(media.examples as Obj)) marked.set(error, deref<Obj>(doc, example)["x-aws-common-error"] === true);
    }
    for (const error of COMMON_ERRORS) expect(marked.get(error), error).toBe(true);
    for (const error of Object.keys(DOCUMENTED_ERRORS[name]!)) expect(marked.get(error), error).toBe(false);
  });

  it("carries request and response examples; a list operation's first example ends the pages", () => {
    expect(Object.keys(op.requestBody.content[Object.keys(op.requestBody.content)[0]!].examples).length).toBeGreaterThan(0);
    const examples = Object.values(op.responses["200"].content[Object.keys(op.responses["200"].content)[0]!].examples).map((e) => deref<Obj>(doc, e).value);
    const token = PAGINATED[name];
    if (!token) return;
    expect(examples[0]![token]).toBeUndefined();
    const items = (v: Obj) => (Object.values(v).find(Array.isArray) ?? []) as unknown[];
    expect(examples.some((v) => v[token] !== undefined && items(v).length >= 2), "a multi-item page with a token").toBe(true);
  });
});

it("operationIds are the AWS operation names and unique", () => {
  const ids = [...operations(ssm), ...operations(imagebuilder)].map((o) => o.op.operationId);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.sort()).toEqual(Object.keys(DOCUMENTED_ERRORS).sort());
});
