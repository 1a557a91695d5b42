/**
 * Type tests (vitest typecheck, run by `npm test`): the bodies are the generated types, and a
 * misspelt member, a wrong type or a missing required member does not compile.
 */
import { describe, expectTypeOf, it } from "vitest";
import { fromCognitoIdentityPool, fromIni, fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { type ClientOptions, createImageBuilderClient, createSsmClient, isServiceError, type OperationErrorName, ServiceError } from "../../src/index.js";
import type { ImageBuilderSchemas, OperationInput, OperationOutput, SsmSchemas } from "../../src/types.js";
import { assertValid, validate } from "../../src/validate.js";

const credentials = { accessKeyId: "a", secretAccessKey: "b" };
const ssm = createSsmClient({ region: "us-east-1", credentials });
const imagebuilder = createImageBuilderClient({ region: "us-east-1", credentials });

describe("SSM request bodies", () => {
  it("take the generated request types", () => {
    expectTypeOf(ssm.listCommands).parameter(0).toEqualTypeOf<SsmSchemas["ListCommandsRequest"] | undefined>();
    expectTypeOf(ssm.getMaintenanceWindowExecution).parameter(0).toEqualTypeOf<SsmSchemas["GetMaintenanceWindowExecutionRequest"]>();
    expectTypeOf<OperationInput<"DescribeAutomationStepExecutions">>().toEqualTypeOf<SsmSchemas["DescribeAutomationStepExecutionsRequest"]>();
  });

  it("reject a misspelt member, a wrong type, a wrong enum value and a missing required member", () => {
    // @ts-expect-error misspelt member (MaxResult)
    void ssm.listCommands({ MaxResult: 5 });
    // @ts-expect-error wrong type (MaxResults is a number)
    void ssm.listCommands({ MaxResults: "5" });
    // @ts-expect-error not a CommandFilterKey
    void ssm.listCommands({ Filters: [{ key: "Colour", value: "x" }] });
    // @ts-expect-error missing required WindowExecutionId
    void ssm.getMaintenanceWindowExecution({});
    // @ts-expect-error missing required AutomationExecutionId
    void ssm.paginateDescribeAutomationStepExecutions({ MaxResults: 5 });
    void ssm.listCommands({ MaxResults: 5, Filters: [{ key: "Status", value: "Success" }] });
  });
});

describe("a misspelt member is a type error in a call of every operation", () => {
  it("through the client's methods and paginators", () => {
    // @ts-expect-error misspelt member (MaxResult)
    void ssm.listCommands({ MaxResult: 5 });
    // @ts-expect-error misspelt member (CommandID)
    void ssm.listCommandInvocations({ CommandID: "x" });
    // @ts-expect-error misspelt member (WindowExecutionID)
    void ssm.getMaintenanceWindowExecution({ WindowExecutionId: "x", WindowExecutionID: "x" });
    // @ts-expect-error misspelt member (ReverseOrdr)
    void ssm.describeAutomationStepExecutions({ AutomationExecutionId: "x", ReverseOrdr: true });
    // @ts-expect-error misspelt member (maxResult)
    void imagebuilder.listWorkflowStepExecutions({ workflowExecutionId: "wf-1", maxResult: 5 });
    // @ts-expect-error misspelt member (NextTokn)
    void ssm.paginateListCommandInvocations({ NextTokn: "t" });
    // @ts-expect-error misspelt member (nextTokn)
    void imagebuilder.paginateListWorkflowStepExecutions({ workflowExecutionId: "wf-1", nextTokn: "t" });
  });

  it("the request bodies are typed: member types and required members", () => {
    void ssm.listCommands({ MaxResults: 5 });
    // @ts-expect-error wrong body member type (MaxResults is a number)
    void ssm.listCommands({ MaxResults: "5" });
    // @ts-expect-error wrong body member type (Details is a boolean)
    void ssm.listCommandInvocations({ Details: "yes" });
    // @ts-expect-error misspelt required body member (WindowExecutionID)
    void ssm.getMaintenanceWindowExecution({ WindowExecutionID: "x" });
    // @ts-expect-error misspelt required body member (AutomationExecutionID)
    void ssm.describeAutomationStepExecutions({ AutomationExecutionID: "x" });
    void imagebuilder.listWorkflowStepExecutions({ workflowExecutionId: "wf-1" });
    // @ts-expect-error misspelt required body member (workflowExecutionID)
    void imagebuilder.listWorkflowStepExecutions({ workflowExecutionID: "wf-1" });
  });

  it("per-call options take a signal and nothing misspelt", () => {
    const signal = new AbortController().signal;
    void ssm.listCommands({}, { signal });
    void ssm.paginateListCommands(undefined, { signal });
    void imagebuilder.paginateListWorkflowStepExecutions({ workflowExecutionId: "wf-1" }, { signal });
    // @ts-expect-error misspelt option (signl)
    void ssm.getMaintenanceWindowExecution({ WindowExecutionId: "x" }, { signl: signal });
  });
});

describe("SSM response bodies", () => {
  it("are the generated result types; timestamps are numbers", async () => {
    const out = await ssm.listCommands();
    expectTypeOf(out).toEqualTypeOf<SsmSchemas["ListCommandsResult"]>();
    expectTypeOf<OperationOutput<"ListCommandInvocations">>().toEqualTypeOf<SsmSchemas["ListCommandInvocationsResult"]>();
    expectTypeOf(out.Commands).toEqualTypeOf<SsmSchemas["Command"][] | undefined>();
    expectTypeOf(out.Commands![0]!.RequestedDateTime).toEqualTypeOf<number | undefined>();
    // @ts-expect-error misspelt member of the output
    void out.Command;
  });

  it("paginators yield the pages", async () => {
    for await (const page of ssm.paginateListCommands({ MaxResults: 2 })) {
      expectTypeOf(page).toEqualTypeOf<SsmSchemas["ListCommandsResult"]>();
    }
  });
});

describe("Image Builder bodies", () => {
  it("are typed with application/json", async () => {
    // @ts-expect-error missing required workflowExecutionId
    void imagebuilder.listWorkflowStepExecutions({ maxResults: 5 });
    // @ts-expect-error misspelt member (workflowExecutionID)
    void imagebuilder.listWorkflowStepExecutions({ workflowExecutionID: "wf-1" });
    const out = await imagebuilder.listWorkflowStepExecutions({ workflowExecutionId: "wf-1" });
    expectTypeOf(out).toEqualTypeOf<ImageBuilderSchemas["ListWorkflowStepExecutionsResponse"]>();
    expectTypeOf(out.steps![0]!.startTime).toEqualTypeOf<string | undefined>();
  });
});

describe("errors", () => {
  it("isServiceError narrows by documented name, and a misspelt name does not compile", () => {
    const err: unknown = new Error("x");
    if (isServiceError(err, "InvalidNextToken")) {
      expectTypeOf(err.name).toEqualTypeOf<"InvalidNextToken">();
      expectTypeOf(err.status).toEqualTypeOf<number>();
      expectTypeOf(err.requestId).toEqualTypeOf<string | undefined>();
    }
    // @ts-expect-error misspelt error name
    void isServiceError(err, "InvalidNextTokn");
    expectTypeOf<"DoesNotExistException" | "ValidationException" | "ThrottlingException" | "InternalServerError">().toMatchTypeOf<OperationErrorName<"GetMaintenanceWindowExecution">>();
    // @ts-expect-error another operation's error
    expectTypeOf<"InvalidNextToken">().toMatchTypeOf<OperationErrorName<"GetMaintenanceWindowExecution">>();
    expectTypeOf<ServiceError<"ForbiddenException">["name"]>().toEqualTypeOf<"ForbiddenException">();
  });

  it("the errors common to every action are names isServiceError takes and narrows, for every operation", () => {
    const err: unknown = new Error("x");
    if (isServiceError(err, "InvalidSignatureException")) expectTypeOf(err.name).toEqualTypeOf<"InvalidSignatureException">();
    if (isServiceError(err, "UnrecognizedClientException")) expectTypeOf(err.name).toEqualTypeOf<"UnrecognizedClientException">();
    type Common =
      | "AccessDeniedException"
      | "ExpiredTokenException"
      | "IncompleteSignature"
      | "IncompleteSignatureException"
      | "InternalFailure"
      | "InvalidAction"
      | "InvalidClientTokenId"
      | "InvalidSignatureException"
      | "MalformedHttpRequestException"
      | "MissingAuthenticationToken"
      | "MissingAuthenticationTokenException"
      | "NotAuthorized"
      | "OptInRequired"
      | "RequestAbortedException"
      | "RequestEntityTooLargeException"
      | "RequestExpired"
      | "RequestTimeoutException"
      | "SerializationException"
      | "ServiceUnavailable"
      | "ThrottlingException"
      | "UnknownOperationException"
      | "UnrecognizedClientException"
      | "ValidationError"
      | "ValidationException";
    expectTypeOf<Common>().toMatchTypeOf<OperationErrorName<"ListCommands">>();
    expectTypeOf<Common>().toMatchTypeOf<OperationErrorName<"GetMaintenanceWindowExecution">>();
    expectTypeOf<Common>().toMatchTypeOf<OperationErrorName<"ListWorkflowStepExecutions">>();
    expectTypeOf<Exclude<OperationErrorName<"GetMaintenanceWindowExecution">, Common>>().toEqualTypeOf<"DoesNotExistException" | "InternalServerError">();
  });
});

describe("credentials", () => {
  it("the SDK's credential providers are credentials the clients take", () => {
    expectTypeOf(fromNodeProviderChain()).toMatchTypeOf<ClientOptions["credentials"]>();
    expectTypeOf(fromIni({ profile: "reports" })).toMatchTypeOf<ClientOptions["credentials"]>();
    expectTypeOf(fromCognitoIdentityPool({ identityPoolId: "us-east-1:x", clientConfig: { region: "us-east-1" } })).toMatchTypeOf<ClientOptions["credentials"]>();
    // @ts-expect-error credentials without a secret
    void createSsmClient({ region: "us-east-1", credentials: { accessKeyId: "a" } });
  });
});

describe("validate", () => {
  it("takes operation names and kinds only, and assertValid narrows", () => {
    // @ts-expect-error unknown operation
    void validate("ListCommandz", "request", {});
    // @ts-expect-error unknown kind
    void validate("ListCommands", "reply", {});
    const body: unknown = {};
    assertValid("ListWorkflowStepExecutions", "response", body);
    expectTypeOf(body).toEqualTypeOf<ImageBuilderSchemas["ListWorkflowStepExecutionsResponse"]>();
  });
});
