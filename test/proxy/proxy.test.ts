/**
 * The proxy end to end, on loopback only. The real service is stood in for by the mock itself,
 * checking SigV4 with OTHER credentials than the callers': a call gets through only when the proxy
 * signed it again with its own (taken from the SDK's credential chain, here the environment). The
 * SDK v3 clients call the proxy with the callers' credentials, which the proxy checks as the mock does.
 */
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ssm from "@aws-sdk/client-ssm";
import * as imagebuilder from "@aws-sdk/client-imagebuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImageBuilderClient, createSsmClient } from "../../src/index.js";
import { startMock, startProxy, type ProxyExchange, type RunningMock, type RunningProxy } from "../../mock/src/index.js";

const UPSTREAM = { accessKeyId: "AKIDUPSTREAM", secretAccessKey: "upstream/secret/key" };
const CALLER = { accessKeyId: "AKIDCALLER", secretAccessKey: "caller/secret/key" };
const WORKFLOW = "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b";
const AUTOMATION = "4105a4fc-f944-11e6-9d32-0123456789ab";
const WINDOW = "9fac7dd9-ff21-42a5-96ad-bbc4b0e0e0e0";
const dir = mkdtempSync(join(tmpdir(), "proxy-"));

const config = (endpoint: string, credentials = CALLER) => ({ endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
const clients = (endpoint: string, credentials = CALLER) => ({ ssm: new ssm.SSMClient(config(endpoint, credentials)), imagebuilder: new imagebuilder.ImagebuilderClient(config(endpoint, credentials)) });

/** The five operations, called as an SDK user would (the listings paged to the end). */
async function callAll(endpoint: string, credentials = CALLER) {
  const c = clients(endpoint, credentials);
  const commands = [];
  for await (const page of ssm.paginateListCommands({ client: c.ssm, pageSize: 1 }, {})) commands.push(...(page.Commands ?? []));
  const invocations = [];
  for await (const page of ssm.paginateListCommandInvocations({ client: c.ssm, pageSize: 1 }, { Details: true })) invocations.push(...(page.CommandInvocations ?? []));
  const brief = await c.ssm.send(new ssm.ListCommandInvocationsCommand({}));
  const window = await c.ssm.send(new ssm.GetMaintenanceWindowExecutionCommand({ WindowExecutionId: WINDOW }));
  const steps = await c.ssm.send(new ssm.DescribeAutomationStepExecutionsCommand({ AutomationExecutionId: AUTOMATION }));
  const workflow = await c.imagebuilder.send(new imagebuilder.ListWorkflowStepExecutionsCommand({ workflowExecutionId: WORKFLOW }));
  const { $metadata: _m1, ...windowOut } = window;
  const { $metadata: _m2, NextToken: _t, ...stepsOut } = steps;
  const { $metadata: _m3, requestId: _r, ...workflowOut } = workflow;
  return { commands, invocations, brief: brief.CommandInvocations, window: windowOut, steps: stepsOut, workflow: workflowOut };
}

let upstream: RunningMock;
let proxy: RunningProxy;
const exchanges: ProxyExchange[] = [];
const saved = { ...process.env };

beforeAll(async () => {
  upstream = await startMock({ port: 0, auth: { type: "sigv4", credentials: [UPSTREAM] } });
  // The proxy's credentials come from the SDK's chain: here the environment (nothing else is looked at).
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: UPSTREAM.accessKeyId, AWS_SECRET_ACCESS_KEY: UPSTREAM.secretAccessKey, AWS_EC2_METADATA_DISABLED: "true" });
  delete process.env["AWS_SESSION_TOKEN"];
  delete process.env["AWS_PROFILE"];
  proxy = await startProxy({
    region: "us-east-1",
    port: 0,
    endpointUrl: upstream.url,
    auth: { type: "sigv4", credentials: [CALLER] },
    record: join(dir, "recording.json"),
    report: join(dir, "report.json"),
    redact: [],
    onExchange: (exchange) => exchanges.push(exchange),
  });
});
afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
  Object.assign(process.env, saved);
  for (const name of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_EC2_METADATA_DISABLED"]) if (!(name in saved)) delete process.env[name];
});

describe("the proxy in front of a signature-checking upstream", () => {
  it("takes its credentials from the chain, and only the re-signed calls get through (the callers' keys are unknown upstream)", async () => {
    expect(proxy.credentialsFrom).toBe("chain");
    await expect(clients(upstream.url).ssm.send(new ssm.ListCommandsCommand({}))).rejects.toMatchObject({ name: "UnrecognizedClientException" });
    const direct = await callAll(upstream.url, UPSTREAM);
    const through = await callAll(proxy.url);
    expect(through).toEqual(direct);
    expect(through.commands.length).toBeGreaterThan(1);
    expect(exchanges.length).toBeGreaterThanOrEqual(through.commands.length + through.invocations.length + 4);
    expect(exchanges.every((e) => e.status === 200 && e.violations.length === 0)).toBe(true);
  });

  it("this package's client goes through it as through the mock, with its own signer", async () => {
    const client = createSsmClient({ region: "us-east-1", endpoint: proxy.url, credentials: CALLER });
    const pages = [];
    for await (const page of client.paginateListCommands({ MaxResults: 1 })) pages.push(page);
    const direct = await clients(upstream.url, UPSTREAM).ssm.send(new ssm.ListCommandsCommand({}));
    expect(pages.flatMap((page) => page.Commands ?? []).map((c) => c.CommandId)).toEqual(direct.Commands!.map((c) => c.CommandId));
    const workflow = await createImageBuilderClient({ region: "us-east-1", endpoint: proxy.url, credentials: CALLER }).listWorkflowStepExecutions({ workflowExecutionId: WORKFLOW });
    expect(workflow.steps?.length).toBeGreaterThan(0);
  });

  it("checks the callers' signatures as the mock does: a wrong secret is refused and never forwarded", async () => {
    const before = exchanges.length;
    await expect(clients(proxy.url, { ...CALLER, secretAccessKey: "wrong" }).ssm.send(new ssm.ListCommandsCommand({}))).rejects.toMatchObject({ name: "InvalidSignatureException" });
    await expect(clients(proxy.url, UPSTREAM).ssm.send(new ssm.ListCommandsCommand({}))).rejects.toMatchObject({ name: "UnrecognizedClientException" });
    expect(exchanges.length).toBe(before);
  });

  it("forwards only the five operations: anything else gets the protocol's error", async () => {
    const before = exchanges.length;
    const other = await fetch(proxy.url, { method: "POST", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.SendCommand" }, body: "{}" });
    expect(other.status).toBe(400);
    expect(await other.json()).toMatchObject({ __type: "UnknownOperationException" });
    const path = await fetch(`${proxy.url}/ListImages`, { method: "POST", body: "{}" });
    expect(path.status).toBe(404);
    expect(path.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    expect(exchanges.length).toBe(before);
  });

  it("reports a request that breaks the contract, and passes on the service's own answer to it", async () => {
    const before = exchanges.length;
    await expect(clients(proxy.url).ssm.send(new ssm.ListCommandsCommand({ MaxResults: 0 }))).rejects.toMatchObject({ name: "ValidationException", message: expect.stringContaining("maxResults") });
    expect(exchanges.slice(before)).toEqual([
      { operation: "ListCommands", status: 400, violations: [{ operation: "ListCommands", direction: "request", path: "/MaxResults", rule: "minimum", kind: "number", breaking: true }] },
    ]);
  });

  it("records a data set that, loaded into the mock, answers the same calls with the same answers", async () => {
    await proxy.close();
    const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8"));
    expect(report).toMatchObject({ format: "aws-ops-contract-proxy-report/1", region: "us-east-1", validation: "compatible", refused: expect.any(Number) });
    expect(report.operations.ListCommands.statuses).toMatchObject({ "200": expect.any(Number), "400": 1 });
    expect(report.violations).toEqual([expect.objectContaining({ operation: "ListCommands", path: "/MaxResults", rule: "minimum", count: 1 })]);
    const replay = await startMock({ port: 0, data: join(dir, "recording.json") });
    try {
      expect(await callAll(replay.url)).toEqual(await callAll(upstream.url, UPSTREAM));
    } finally {
      await replay.close();
    }
  });
});
