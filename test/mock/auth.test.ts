/**
 * Signature checking (`startMock({ auth })`, `--auth sigv4`) with the official SDK v3 clients: correct
 * signatures pass for both services with long-term and temporary credentials; each way a request can
 * fail authentication throws the error AWS sends, with AWS's status per protocol; a client whose
 * clock is 20 minutes slow corrects it from the answer's Date header and succeeds on its retry.
 * Each test file starts its own mock with auth on; the shared mock (no auth) is left alone.
 */
import * as ssm from "@aws-sdk/client-ssm";
import * as imagebuilder from "@aws-sdk/client-imagebuilder";
import { createHash, createHmac } from "node:crypto";
import { request as httpRequest, type OutgoingHttpHeaders } from "node:http";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImageBuilderClient, createSsmClient, isServiceError } from "../../src/index.js";
import { NodeSha256 } from "../../mock/src/auth/sha256.js";
import { endpointHelp, parseMockArgs } from "../../mock/src/cli-args.js";
import { DEFAULT_CREDENTIALS, startMock, type RunningMock } from "../../mock/src/index.js";

const LONG_TERM = { accessKeyId: "AKIDLONGTERM", secretAccessKey: "long/term+secret" };
const SESSION = { accessKeyId: "ASIASESSION", secretAccessKey: "session/secret", sessionToken: "IQoJb3JpZ2luX2VjEXAMPLETOKEN" };
const WORKFLOW_EXECUTION_ID = "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b";

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
type Stack = ssm.SSMClient["middlewareStack"];
type Mutate = (request: { headers: Record<string, string>; body?: unknown }) => void;

let mock: RunningMock;
const log: string[] = [];

beforeAll(async () => {
  mock = await startMock({ port: 0, auth: { type: "sigv4", credentials: [LONG_TERM, `${SESSION.accessKeyId}:${SESSION.secretAccessKey}:${SESSION.sessionToken}`] }, log: (line) => log.push(line) });
});
afterAll(() => mock.close());

interface ClientOptions {
  credentials?: Credentials;
  maxAttempts?: number;
  systemClockOffset?: number;
  /** Changes the request after the SDK signed it (what a faulty proxy or client would do). */
  afterSigning?: Mutate;
  /** The SigV4 service name to sign with instead of the client's own. */
  signingName?: string;
}

function configure<C extends ssm.SSMClient | imagebuilder.ImagebuilderClient>(client: C, options: ClientOptions): C {
  if (options.afterSigning) {
    const mutate = options.afterSigning;
    const middleware: Parameters<Stack["add"]>[0] = (next) => (args) => {
      mutate(args.request as { headers: Record<string, string>; body?: unknown });
      return next(args);
    };
    const where = { relation: "after", toMiddleware: "httpSigningMiddleware", name: "testAfterSigning" } as const;
    (client.middlewareStack as Stack).addRelativeTo(middleware as Parameters<Stack["addRelativeTo"]>[0], where);
  }
  return client;
}

function config(options: ClientOptions) {
  return {
    endpoint: mock.url,
    region: "eu-central-1",
    credentials: options.credentials ?? LONG_TERM,
    maxAttempts: options.maxAttempts ?? 1,
    ...(options.systemClockOffset !== undefined ? { systemClockOffset: options.systemClockOffset } : {}),
    // The signing name the SDK's SigV4 configuration reads (resolveAwsSdkSigV4Config's signingName).
    ...(options.signingName ? { signingName: options.signingName } : {}),
  } as ssm.SSMClientConfig & imagebuilder.ImagebuilderClientConfig;
}

const listCommands = (options: ClientOptions = {}) => configure(new ssm.SSMClient(config(options)), options).send(new ssm.ListCommandsCommand({ MaxResults: 5 }));
const listSteps = (options: ClientOptions = {}) =>
  configure(new imagebuilder.ImagebuilderClient(config(options)), options).send(new imagebuilder.ListWorkflowStepExecutionsCommand({ workflowExecutionId: WORKFLOW_EXECUTION_ID }));

const SERVICES = [
  { service: "ssm", call: listCommands, status: 400, Base: ssm.SSMServiceException },
  { service: "imagebuilder", call: listSteps, status: 403, Base: imagebuilder.ImagebuilderServiceException },
] as const;

async function rejection(promise: Promise<unknown>): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number; attempts?: number } }> {
  return promise.then(
    (value) => {
      throw new Error(`expected an error, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error as never,
  );
}

describe.each(SERVICES)("$service with signature checking on", ({ service, call, status, Base }) => {
  it("accepts a request signed with long-term credentials, in any region", async () => {
    const output = await call();
    expect(output.$metadata.httpStatusCode).toBe(200);
  });

  it("accepts a request signed with temporary credentials and their session token", async () => {
    const output = await call({ credentials: SESSION });
    expect(output.$metadata.httpStatusCode).toBe(200);
  });

  const failures: Array<[string, ClientOptions, string, RegExp | string]> = [
    ["no Authorization header", { afterSigning: (r) => delete r.headers["authorization"] }, "MissingAuthenticationTokenException", service === "ssm" ? "Request is missing Authentication Token" : "Missing Authentication Token"],
    [
      "an Authorization header without a Signature",
      { afterSigning: (r) => (r.headers["authorization"] = r.headers["authorization"]!.replace(/, Signature=[0-9a-f]+/, "")) },
      "IncompleteSignatureException",
      /^Authorization header requires 'Signature' parameter\. Authorization=AWS4-HMAC-SHA256 Credential=/,
    ],
    [
      "a credential scope that is not five elements",
      { afterSigning: (r) => (r.headers["authorization"] = r.headers["authorization"]!.replace("/aws4_request", "")) },
      "IncompleteSignatureException",
      /^Credential must have exactly 5 slash-delimited elements, e\.g\. keyid\/date\/region\/service\/term, got 'AKIDLONGTERM\/\d{8}\/eu-central-1\//,
    ],
    ["an unknown access key", { credentials: { accessKeyId: "AKIDUNKNOWN", secretAccessKey: LONG_TERM.secretAccessKey } }, "UnrecognizedClientException", "The security token included in the request is invalid."],
    ["a wrong secret key", { credentials: { ...LONG_TERM, secretAccessKey: "not the secret" } }, "InvalidSignatureException", /^The request signature we calculated does not match the signature you provided\./],
    ["a body changed after signing", { afterSigning: (r) => (r.body = String(r.body).replace(/\d(?=\D*$)/, (digit) => String((Number(digit) + 1) % 10))) }, "InvalidSignatureException", /^The request signature we calculated does not match/],
    ["a header changed after signing", { afterSigning: (r) => (r.headers["content-type"] = `${r.headers["content-type"]}; charset=utf-8`) }, "InvalidSignatureException", /^The request signature we calculated does not match/],
    ["a credential scope for another service", { signingName: service === "ssm" ? "imagebuilder" : "ssm" }, "InvalidSignatureException", `Credential should be scoped to correct service: '${service}'. `],
    ["temporary credentials without their session token", { credentials: { accessKeyId: SESSION.accessKeyId, secretAccessKey: SESSION.secretAccessKey } }, "UnrecognizedClientException", "The security token included in the request is invalid."],
    ["a wrong session token", { credentials: { ...SESSION, sessionToken: "someone else's token" } }, "UnrecognizedClientException", "The security token included in the request is invalid."],
    ["a session token with long-term credentials", { credentials: { ...LONG_TERM, sessionToken: "a token" } }, "UnrecognizedClientException", "The security token included in the request is invalid."],
    [
      "a signing time 20 minutes slow, without retries",
      { systemClockOffset: -20 * 60_000 },
      "InvalidSignatureException",
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/,
    ],
    [
      "a signing time 20 minutes fast, without retries",
      { systemClockOffset: 20 * 60_000 },
      "InvalidSignatureException",
      /^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 5 min\.\)$/,
    ],
  ];

  it.each(failures)("refuses %s: %s", async (_what, options, name, message) => {
    const error = await rejection(call(options));
    expect(error).toBeInstanceOf(Base);
    expect(error.name).toBe(name);
    expect(error.$metadata.httpStatusCode).toBe(status);
    if (typeof message === "string") expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it("a client whose clock is 20 minutes slow gets one 'Signature expired', corrects its clock from Date and succeeds on the retry", async () => {
    const before = log.length;
    const client = new (service === "ssm" ? ssm.SSMClient : imagebuilder.ImagebuilderClient)(config({ systemClockOffset: -20 * 60_000, maxAttempts: 3 }));
    const output = service === "ssm" ? await (client as ssm.SSMClient).send(new ssm.ListCommandsCommand({})) : await (client as imagebuilder.ImagebuilderClient).send(new imagebuilder.ListWorkflowStepExecutionsCommand({ workflowExecutionId: WORKFLOW_EXECUTION_ID }));
    expect(output.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 2 });
    const answers = log.slice(before).map((line) => line.split(" ").slice(3, -2).join(" "));
    expect(answers).toEqual([expect.stringMatching(/InvalidSignatureException 4\d\d$/), expect.stringMatching(/ 200$/)]);
    // The offset was corrected from -20 minutes to the server's clock (the Date header has whole
    // seconds), and it is kept: the client's next call succeeds at its first attempt.
    expect(Math.abs(client.config.systemClockOffset)).toBeLessThan(5 * 60_000);
    const again = service === "ssm" ? await (client as ssm.SSMClient).send(new ssm.ListCommandsCommand({})) : await (client as imagebuilder.ImagebuilderClient).send(new imagebuilder.ListWorkflowStepExecutionsCommand({ workflowExecutionId: WORKFLOW_EXECUTION_ID }));
    expect(again.$metadata.attempts).toBe(1);
  });
});

describe("the answers on the wire", () => {
  const post = (path: string, headers: Record<string, string>) => fetch(`${mock.url}${path}`, { method: "POST", headers, body: "{}" });

  it("SSM (AWS JSON 1.1): status 400, the name in __type and the message in the body, and a Date header", async () => {
    const response = await post("/", { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands" });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(Number.isNaN(Date.parse(response.headers.get("date") ?? ""))).toBe(false);
    expect(await response.json()).toEqual({ __type: "MissingAuthenticationTokenException", message: "Request is missing Authentication Token" });
  });

  it("Image Builder (REST JSON): status 403, the name in x-amzn-ErrorType and the message in the body, and a Date header", async () => {
    const response = await post("/ListWorkflowStepExecutions", { "content-type": "application/json" });
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
    expect(Number.isNaN(Date.parse(response.headers.get("date") ?? ""))).toBe(false);
    expect(await response.json()).toEqual({ message: "Missing Authentication Token" });
  });

  it("an Authorization header that is not SigV4 is refused as incomplete, quoting the header", async () => {
    const response = await post("/", { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands", authorization: "Bearer abc" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      __type: "IncompleteSignatureException",
      message:
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=Bearer abc",
    });
  });

  it("a malformed X-Amz-Date is refused as incomplete", async () => {
    const authorization = "AWS4-HMAC-SHA256 Credential=AKIDLONGTERM/20260101/us-east-1/ssm/aws4_request, SignedHeaders=host;x-amz-date, Signature=00";
    const response = await post("/", { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands", authorization, "x-amz-date": "2026-01-01T00:00:00Z" });
    expect(await response.json()).toEqual({ __type: "IncompleteSignatureException", message: "Date must be in ISO-8601 'basic format'. Got '2026-01-01T00:00:00Z'. See http://en.wikipedia.org/wiki/ISO_8601" });
  });

  it("a credential scope dated another day than X-Amz-Date is refused", async () => {
    const authorization = "AWS4-HMAC-SHA256 Credential=AKIDLONGTERM/20260102/us-east-1/ssm/aws4_request, SignedHeaders=host;x-amz-date, Signature=00";
    const response = await post("/", { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands", authorization, "x-amz-date": "20260101T235959Z" });
    expect(await response.json()).toEqual({
      __type: "InvalidSignatureException",
      message: "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20260102' != '20260101', from '20260101T235959Z'.",
    });
  });

  it("a signature that leaves Host unsigned is refused as incomplete", async () => {
    const authorization = "AWS4-HMAC-SHA256 Credential=AKIDLONGTERM/20260101/us-east-1/ssm/aws4_request, SignedHeaders=x-amz-date, Signature=00";
    const response = await post("/", { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands", authorization, "x-amz-date": "20260101T000000Z" });
    expect(await response.json()).toEqual({ __type: "IncompleteSignatureException", message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization." });
  });
});

describe("this package's own client (aws-ops-contract) against a signature-checking mock", () => {
  it("signs both services correctly, with long-term and temporary credentials", async () => {
    for (const credentials of [LONG_TERM, SESSION]) {
      const ssmOutput = await createSsmClient({ endpoint: mock.url, region: "eu-north-1", credentials }).listCommands({ MaxResults: 5 });
      expect(ssmOutput).toHaveProperty("Commands");
      const stepsOutput = await createImageBuilderClient({ endpoint: mock.url, region: "eu-north-1", credentials }).listWorkflowStepExecutions({ workflowExecutionId: WORKFLOW_EXECUTION_ID });
      expect(stepsOutput).toHaveProperty("steps");
    }
  });

  it("a wrong secret surfaces as its ServiceError, InvalidSignatureException", async () => {
    const error = await createImageBuilderClient({ endpoint: mock.url, region: "eu-north-1", credentials: { ...LONG_TERM, secretAccessKey: "wrong" } })
      .listWorkflowStepExecutions({ workflowExecutionId: WORKFLOW_EXECUTION_ID })
      .catch((e: unknown) => e);
    expect(isServiceError(error) && { name: error.name, status: error.status }).toEqual({ name: "InvalidSignatureException", status: 403 });
  });
});

describe("requests signed by other means than the SDK clients", () => {
  const signer = new SignatureV4({ service: "ssm", region: "ca-central-1", credentials: LONG_TERM, sha256: NodeSha256, applyChecksum: true });

  async function signed(body: string): Promise<Record<string, string>> {
    const { host } = new URL(mock.url);
    const headers: Record<string, string> = { host, "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands" };
    const request = await signer.sign({ method: "POST", protocol: "http:", hostname: "127.0.0.1", path: "/", query: {}, headers, body });
    const { host: _host, ...out } = request.headers as Record<string, string>;
    return out;
  }

  /**
   * A request dated by the HTTP `Date` header, which SigV4 allows and @smithy/signature-v4 never
   * produces (it always writes X-Amz-Date): signed here step by step from the SigV4 specification,
   * as an oracle independent of the mock's use of the SDK's signer.
   */
  function signedByDateHeader(body: string, date: Date): Record<string, string> {
    const sha256 = (data: string) => createHash("sha256").update(data).digest("hex");
    const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
    const longDate = date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    const scope = `${longDate.slice(0, 8)}/ca-central-1/ssm/aws4_request`;
    const headers: Record<string, string> = { "content-type": "application/x-amz-json-1.1", date: date.toUTCString(), host: new URL(mock.url).host, "x-amz-target": "AmazonSSM.ListCommands" };
    const names = Object.keys(headers).sort();
    const canonicalRequest = ["POST", "/", "", ...names.map((name) => `${name}:${headers[name]}`), "", names.join(";"), sha256(body)].join("\n");
    const stringToSign = ["AWS4-HMAC-SHA256", longDate, scope, sha256(canonicalRequest)].join("\n");
    const key = ["ca-central-1", "ssm", "aws4_request"].reduce((k, part) => hmac(k, part), hmac(`AWS4${LONG_TERM.secretAccessKey}`, longDate.slice(0, 8)));
    const { host: _host, ...sent } = headers;
    return { ...sent, authorization: `AWS4-HMAC-SHA256 Credential=${LONG_TERM.accessKeyId}/${scope}, SignedHeaders=${names.join(";")}, Signature=${hmac(key, stringToSign).toString("hex")}` };
  }
  const post = (headers: Record<string, string>, body: string) => fetch(mock.url, { method: "POST", headers, body });

  it("a signature with X-Amz-Content-Sha256 passes; a body that no longer matches the declared hash is refused", async () => {
    const headers = await signed('{"MaxResults":5}');
    expect(headers["x-amz-content-sha256"]).toMatch(/^[0-9a-f]{64}$/);
    expect((await post(headers, '{"MaxResults":5}')).status).toBe(200);
    const changed = await post(headers, '{"MaxResults":6}');
    expect(changed.status).toBe(400);
    expect(await changed.json()).toMatchObject({ __type: "InvalidSignatureException" });
  });

  it("an X-Amz-Target left out of SignedHeaders is refused, so a signed body cannot be sent to another operation", async () => {
    const { host } = new URL(mock.url);
    const body = '{"WindowExecutionId":"9fac7dd9-ff21-42a5-96ad-bbc4b0e0e0e0"}';
    // Signed without the target, which is then added: the request is re-targeted after signing.
    const request = await signer.sign({ method: "POST", protocol: "http:", hostname: "127.0.0.1", path: "/", query: {}, headers: { host, "content-type": "application/x-amz-json-1.1" }, body });
    const { host: _host, ...headers } = request.headers as Record<string, string>;
    expect(headers["authorization"]).not.toContain("x-amz-target");
    const response = await post({ ...headers, "x-amz-target": "AmazonSSM.GetMaintenanceWindowExecution" }, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ __type: "IncompleteSignatureException", message: "'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization." });
  });

  it("two Authorization headers are read as one joined field, which AWS refuses as incomplete", async () => {
    const headers = await signed("{}");
    const { port } = new URL(mock.url);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      // Node's client sends an array as two header lines.
      const req = httpRequest({ host: "127.0.0.1", port, method: "POST", path: "/", headers: { ...headers, authorization: [headers["authorization"]!, headers["authorization"]!] } as unknown as OutgoingHttpHeaders }, (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on("error", reject);
      req.end("{}");
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({
      __type: "IncompleteSignatureException",
      message: `'AWS4-HMAC-SHA256' not a valid key=value pair (missing equal-sign) in Authorization header: '${headers["authorization"]}, ${headers["authorization"]}'.`,
    });
  });

  it("a space after an equal sign splits the pair, as AWS reads it", async () => {
    const headers = await signed("{}");
    const broken = headers["authorization"]!.replace("Credential=", "Credential= ");
    const response = await post({ ...headers, authorization: broken }, "{}");
    expect(await response.json()).toEqual({ __type: "IncompleteSignatureException", message: `'${LONG_TERM.accessKeyId}/${broken.split(`${LONG_TERM.accessKeyId}/`)[1]!.split(",")[0]}' not a valid key=value pair (missing equal-sign) in Authorization header: '${broken}'.` });
  });

  it("a signature dated by the HTTP Date header (no X-Amz-Date) passes", async () => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const response = await post(signedByDateHeader('{"MaxResults":7}', now), '{"MaxResults":7}');
    expect(response.status, await response.clone().text()).toBe(200);
    const stale = await post(signedByDateHeader("{}", new Date(now.getTime() - 6 * 60_000)), "{}");
    expect(await stale.json()).toMatchObject({ __type: "InvalidSignatureException", message: expect.stringMatching(/^Signature expired: /) });
    const tampered = await post(signedByDateHeader("{}", now), '{"MaxResults":7}');
    expect(await tampered.json()).toMatchObject({ __type: "InvalidSignatureException", message: expect.stringContaining("\n\nThe Canonical String for this request should have been\n'POST\n/\n\ncontent-type:application/x-amz-json-1.1\ndate:") });
  });
});

describe("the default credentials", () => {
  it("a mock started with auth: 'sigv4' accepts the documented default pair and nothing else", async () => {
    const own = await startMock({ port: 0, auth: "sigv4" });
    try {
      const client = (credentials: Credentials) => new ssm.SSMClient({ endpoint: own.url, region: "us-west-2", credentials, maxAttempts: 1 });
      expect((await client({ ...DEFAULT_CREDENTIALS }).send(new ssm.ListCommandsCommand({}))).$metadata.httpStatusCode).toBe(200);
      expect(DEFAULT_CREDENTIALS).toEqual({ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" });
      const error = await rejection(client(LONG_TERM).send(new ssm.ListCommandsCommand({})));
      expect(error.name).toBe("UnrecognizedClientException");
    } finally {
      await own.close();
    }
  });

  it("signingWindowMs narrows the window, and the message says so", async () => {
    const own = await startMock({ port: 0, auth: { type: "sigv4", credentials: [LONG_TERM], signingWindowMs: 60_000 } });
    try {
      const client = new ssm.SSMClient({ endpoint: own.url, region: "us-west-2", credentials: LONG_TERM, maxAttempts: 1, systemClockOffset: -2 * 60_000 });
      const error = await rejection(client.send(new ssm.ListCommandsCommand({})));
      expect(error.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 1 min\.\)$/);
    } finally {
      await own.close();
    }
  });

  it("refuses malformed credential options at start", async () => {
    await expect(startMock({ port: 0, auth: { type: "sigv4", credentials: ["AKIDONLY"] } })).rejects.toThrow(/AKID:SECRET or AKID:SECRET:SESSION_TOKEN/);
    await expect(startMock({ port: 0, auth: { type: "sigv4", credentials: [] } })).rejects.toThrow(/at least one/);
    await expect(startMock({ port: 0, auth: "basic" as never })).rejects.toThrow('auth must be "none", "sigv4" or { type: "sigv4", credentials } (got "basic")');
    await expect(startMock({ port: 0, auth: { type: "sigv4", signingWindowMs: 10 } })).rejects.toThrow(/signingWindowMs/);
  });
});

describe("the command line", () => {
  it("--auth sigv4 turns checking on with the default pair; --credentials (repeatable) replaces it", () => {
    expect(parseMockArgs(["--auth", "sigv4"], {})).toMatchObject({ options: { auth: "sigv4" } });
    expect(parseMockArgs(["--auth", "sigv4", "--credentials", "AKID1:s1", "--credentials", "ASIA2:s2:tok"], {})).toMatchObject({
      options: { auth: { type: "sigv4", credentials: [{ accessKeyId: "AKID1", secretAccessKey: "s1" }, { accessKeyId: "ASIA2", secretAccessKey: "s2", sessionToken: "tok" }] } },
    });
    const parsed = parseMockArgs([], {});
    expect(parsed.help === false && parsed.options.auth).toBe(undefined);
  });

  it.each([
    [["--auth", "basic"], "--auth must be none or sigv4 (got 'basic')"],
    [["--credentials", "AKID:secret"], "--credentials needs --auth sigv4"],
    [["--auth", "sigv4", "--credentials", "AKID"], "--credentials must be AKID:SECRET or AKID:SECRET:SESSION_TOKEN, each part non-empty (got 'AKID')"],
    [["--auth", "sigv4", "--credentials", "AKID::token"], "--credentials must be AKID:SECRET or AKID:SECRET:SESSION_TOKEN, each part non-empty (got 'AKID::token')"],
  ])("refuses %j", (argv, message) => {
    expect(() => parseMockArgs(argv, {})).toThrow(message);
  });

  it("the start-up text shows credentials the mock accepts", () => {
    expect(endpointHelp("http://127.0.0.1:4010", "sigv4")).toContain(`AWS_ACCESS_KEY_ID=${DEFAULT_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${DEFAULT_CREDENTIALS.secretAccessKey} aws ssm list-commands`);
    expect(endpointHelp("http://127.0.0.1:4010", { type: "sigv4", credentials: ["ASIA1:s:t"] })).toContain('credentials: { accessKeyId: "ASIA1", secretAccessKey: "s", sessionToken: "t" }');
    expect(endpointHelp("http://127.0.0.1:4010")).toContain("AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x aws ssm list-commands");
    expect(endpointHelp("http://127.0.0.1:4010", "sigv4", undefined, "TOKEN123")).toContain('Admin API (/_mock/):        send "Authorization: Bearer TOKEN123"');
    expect(endpointHelp("http://127.0.0.1:4010")).not.toContain("Admin API");
  });
});
