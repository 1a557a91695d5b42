/**
 * Type tests of `aws-ops-contract/fetch`: openapi-fetch's calls are typed by the generated paths,
 * so the body, the X-Amz-Target header and the answer's `data` and `error` are the spec's, and a
 * misspelt member, a wrong path key or a wrong target does not compile.
 */
import { describe, expectTypeOf, it } from "vitest";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import createClient, { type Middleware } from "openapi-fetch";
import { awsSigV4Middleware, createImageBuilderFetchClient, createSsmFetchClient, type SsmPaths } from "../../src/fetch.js";
import type { ImageBuilderSchemas, SsmSchemas } from "../../src/types.js";

const credentials = { accessKeyId: "a", secretAccessKey: "b" };
const ssm = createSsmFetchClient({ region: "us-east-1", credentials });
const imagebuilder = createImageBuilderFetchClient({ region: "us-east-1", credentials: fromNodeProviderChain() });
const target = { header: { "X-Amz-Target": "AmazonSSM.ListCommands" } } as const;

describe("openapi-fetch clients typed by the generated paths", () => {
  it("answer the spec's result as data and its error body as error", async () => {
    const { data, error } = await ssm.POST("/#X-Amz-Target=AmazonSSM.ListCommands", { params: target, body: { MaxResults: 5 } });
    expectTypeOf(data).toEqualTypeOf<SsmSchemas["ListCommandsResult"] | undefined>();
    expectTypeOf(error).toMatchTypeOf<SsmSchemas["ErrorResponse"] | undefined>();
    const steps = await imagebuilder.POST("/ListWorkflowStepExecutions", { body: { workflowExecutionId: "wf-1" } });
    expectTypeOf(steps.data).toEqualTypeOf<ImageBuilderSchemas["ListWorkflowStepExecutionsResponse"] | undefined>();
  });

  it("reject a misspelt member, a wrong type and a missing required member", () => {
    // @ts-expect-error misspelt member (MaxResult)
    void ssm.POST("/#X-Amz-Target=AmazonSSM.ListCommands", { params: target, body: { MaxResult: 5 } });
    // @ts-expect-error wrong type (MaxResults is a number)
    void ssm.POST("/#X-Amz-Target=AmazonSSM.ListCommands", { params: target, body: { MaxResults: "5" } });
    void ssm.POST("/#X-Amz-Target=AmazonSSM.GetMaintenanceWindowExecution", {
      params: { header: { "X-Amz-Target": "AmazonSSM.GetMaintenanceWindowExecution" } },
      // @ts-expect-error missing required WindowExecutionId
      body: {},
    });
    // @ts-expect-error misspelt member (workflowExecutionID)
    void imagebuilder.POST("/ListWorkflowStepExecutions", { body: { workflowExecutionID: "wf-1" } });
  });

  it("reject a path key the spec does not have, and a target that is not the path key's", () => {
    // @ts-expect-error no such operation in the spec
    void ssm.POST("/#X-Amz-Target=AmazonSSM.SendCommand", { body: {} });
    // @ts-expect-error the header must name the path key's operation
    void ssm.POST("/#X-Amz-Target=AmazonSSM.ListCommands", { params: { header: { "X-Amz-Target": "AmazonSSM.ListCommandInvocations" } }, body: {} });
    // @ts-expect-error the AWS JSON operations declare X-Amz-Target as a required header parameter
    void ssm.POST("/#X-Amz-Target=AmazonSSM.ListCommands", { body: {} });
  });

  it("awsSigV4Middleware is an openapi-fetch Middleware, for a client of one's own", () => {
    const own = createClient<SsmPaths>({ baseUrl: "http://127.0.0.1:4010" });
    const middleware = awsSigV4Middleware({ service: "ssm", region: "us-east-1", credentials });
    expectTypeOf(middleware).toEqualTypeOf<Middleware>();
    own.use(middleware);
    // @ts-expect-error only the two services of the contract
    awsSigV4Middleware({ service: "ec2", credentials });
  });
});
