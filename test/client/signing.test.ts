/**
 * The client signs with aws4fetch (browsers) or @smithy/signature-v4 on node:crypto (Node.js); the
 * official AWS SDK v3 signer (@smithy/signature-v4 with @aws-crypto/sha256-js) must compute the same
 * Authorization header for the same request, credentials and clock, whichever signer runs.
 */
import { ALWAYS_UNSIGNABLE_HEADERS } from "@smithy/signature-v4";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as browser from "../../src/index.browser.js";
import * as node from "../../src/index.js";
import type { ClientOptions, Credentials } from "../../src/index.js";
import { NEVER_SIGNED } from "../../src/client/never-signed.js";
import { webCryptoSigner } from "../../src/client/sign-web.js";
import type { Signer } from "../../src/client/types/wire.js";
import { nodeSigner } from "../../src/client/sign-node.js";
import { amzJson, frozen, recordingFetch, restJson, sdkAuthorization } from "./support.js";

/** Counts WebCrypto HMACs (aws4fetch signs with crypto.subtle; the Node signer uses node:crypto). */
const webCryptoSigns = () => vi.spyOn(crypto.subtle, "sign");
afterEach(() => void vi.restoreAllMocks());

const cases: Array<{ label: string; credentials: Credentials; endpoint?: string; date: Date }> = [
  { label: "static credentials", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" }, date: frozen },
  {
    label: "temporary credentials, a local endpoint with a port, another day",
    credentials: { accessKeyId: "ASIAEXAMPLE", secretAccessKey: "secret/with+chars", sessionToken: "FQoGZXIvYXdzEXAMPLE//token=" },
    endpoint: "http://127.0.0.1:4010",
    date: new Date("2031-12-31T23:59:59.999Z"),
  },
  {
    label: "an endpoint with a base path that needs encoding (a space, dot segments, an encoded octet)",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
    endpoint: "http://127.0.0.1:4010/base path/./v1/%41*(x)",
    date: frozen,
  },
];

/** The two ways the client signs, by entry point (the package's export conditions), and whether WebCrypto must do the HMACs. */
const PATHS: Array<[string, typeof node, boolean]> = [
  ["aws4fetch in the client (index.browser.ts, the browser condition)", browser, true],
  ["@smithy/signature-v4 on node:crypto in the client (index.ts, the default condition)", node, false],
];

describe.each(PATHS)("SigV4: %s equals the AWS SDK v3 signer", (_label, entry, webCrypto) => {
  const ssmClient = (options: ClientOptions) => entry.createSsmClient(options);

  it.each(cases)("SSM ListCommands, $label", async ({ credentials, endpoint, date }) => {
    const { fetch, calls } = recordingFetch(() => amzJson({}));
    const ssm = ssmClient({ region: "ap-southeast-2", credentials, fetch, now: () => date, ...(endpoint ? { endpoint } : {}) });
    const signs = webCryptoSigns();
    await ssm.listCommands({ Filters: [{ key: "DocumentName", value: "AWS-RunShellScript" }], MaxResults: 10 });
    // The signer this path names did the work.
    if (webCrypto) expect(signs).toHaveBeenCalled();
    else expect(signs).not.toHaveBeenCalled();
    const { request, body } = calls[0]!;
    const expected = await sdkAuthorization(request, body, "ssm", "ap-southeast-2", credentials, date);
    expect(request.headers.get("authorization")).toBe(expected);
  });

  it("Image Builder ListWorkflowStepExecutions", async () => {
    const credentials = cases[0]!.credentials;
    const { fetch, calls } = recordingFetch(() => restJson({}));
    const client = entry.createImageBuilderClient({ region: "us-east-2", credentials, fetch, now: () => frozen });
    const signs = webCryptoSigns();
    await client.listWorkflowStepExecutions({ workflowExecutionId: "wf-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" });
    expect(signs.mock.calls.length > 0).toBe(webCrypto);
    const { request, body } = calls[0]!;
    expect(request.headers.get("authorization")).toBe(await sdkAuthorization(request, body, "imagebuilder", "us-east-2", credentials, frozen));
  });

  it("the comparison bites: another body, date or key gives another signature", async () => {
    const credentials = cases[0]!.credentials;
    const { fetch, calls } = recordingFetch(() => amzJson({}));
    await ssmClient({ region: "eu-west-1", credentials, fetch, now: () => frozen }).listCommands({ MaxResults: 10 });
    const { request, body } = calls[0]!;
    const actual = request.headers.get("authorization");
    expect(actual).toBe(await sdkAuthorization(request, body, "ssm", "eu-west-1", credentials, frozen));
    expect(actual).not.toBe(await sdkAuthorization(request, body.replace("10", "11"), "ssm", "eu-west-1", credentials, frozen));
    expect(actual).not.toBe(await sdkAuthorization(request, body, "ssm", "eu-west-1", credentials, new Date(frozen.getTime() + 1000)));
    expect(actual).not.toBe(await sdkAuthorization(request, body, "ssm", "eu-west-1", { ...credentials, secretAccessKey: "other" }, frozen));
  });
});

describe("SigV4: each signer on its own equals the AWS SDK v3 signer", () => {
  const signers: Array<[string, (service: string, region: string) => Signer]> = [
    ["aws4fetch on WebCrypto (browsers)", webCryptoSigner],
    ["@smithy/signature-v4 on node:crypto (Node.js)", nodeSigner],
  ];

  it.each(signers)("%s", async (_label, makeSigner) => {
    for (const { credentials, endpoint = "https://ssm.ap-southeast-2.amazonaws.com", date } of cases) {
      const sign = makeSigner("ssm", "ap-southeast-2");
      const url = new URL(`${endpoint}/`);
      const headers = { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands" };
      const body = '{"MaxResults":10}';
      // Twice: the second call runs on the signer's cached key and must sign the same.
      for (let i = 0; i < 2; i++) {
        const signed = new Headers(await sign({ method: "POST", url, headers, body, credentials, date }));
        expect(signed.get("x-amz-target")).toBe("AmazonSSM.ListCommands");
        if (credentials.sessionToken) expect(signed.get("x-amz-security-token")).toBe(credentials.sessionToken);
        const request = new Request(url, { method: "POST", headers: signed, body });
        expect(signed.get("authorization")).toBe(await sdkAuthorization(request, body, "ssm", "ap-southeast-2", credentials, date));
      }
    }
  });
});

describe("SigV4: headers the AWS SDK never signs", () => {
  it("the browser signer's list is the SDK's (ALWAYS_UNSIGNABLE_HEADERS, proxy-*, sec-*)", () => {
    for (const name of Object.keys(ALWAYS_UNSIGNABLE_HEADERS)) expect(NEVER_SIGNED.test(name), name).toBe(true);
    for (const name of ["proxy-authorization", "sec-fetch-mode", "User-Agent"]) expect(NEVER_SIGNED.test(name), name).toBe(true);
    for (const name of ["content-type", "x-amz-target", "host", "x-amz-date", "prefer"]) expect(NEVER_SIGNED.test(name), name).toBe(false);
  });

  it.each([
    ["aws4fetch on WebCrypto (browsers)", webCryptoSigner],
    ["@smithy/signature-v4 on node:crypto (Node.js)", nodeSigner],
  ] as const)("%s leaves user-agent and x-amzn-trace-id unsigned but sent, as the SDK does", async (_label, makeSigner) => {
    const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
    const date = new Date("2026-11-21T12:00:00Z");
    const url = new URL("https://ssm.us-east-1.amazonaws.com/");
    const body = "{}";
    const headers = { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands", "user-agent": "my-app/1.0", "x-amzn-trace-id": "Root=1-abc" };
    const signed = new Headers(await makeSigner("ssm", "us-east-1")({ method: "POST", url, headers, body, credentials, date }));
    expect(signed.get("user-agent")).toBe("my-app/1.0");
    expect(signed.get("x-amzn-trace-id")).toBe("Root=1-abc");
    expect(signed.get("authorization")).not.toMatch(/user-agent|x-amzn-trace-id/);
    expect(signed.get("authorization")).toBe(await sdkAuthorization(new Request(url, { method: "POST", headers: signed, body }), body, "ssm", "us-east-1", credentials, date));
  });
});
