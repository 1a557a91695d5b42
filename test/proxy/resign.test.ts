/**
 * The re-signer: what reaches the upstream is signed with the proxy's credentials for the upstream's
 * host, at the proxy's clock, and the mock's own SigV4 check (the SDK's signer) accepts it with
 * those credentials and refuses it with the caller's; the body is passed byte for byte.
 */
import { describe, expect, it } from "vitest";
import { checkSigV4 } from "../../mock/src/auth/sigv4.js";
import { resign, type ArrivedRequest } from "../../mock/src/proxy/resign.js";

const NOW = Date.UTC(2026, 2, 4, 10, 11, 12);
const PROXY = { accessKeyId: "AKIDPROXY", secretAccessKey: "proxy/secret+key" };
const TEMPORARY = { accessKeyId: "ASIAPROXY", secretAccessKey: "proxy/temporary", sessionToken: "PROXYSESSIONTOKEN" };

function arrived(body = '{"MaxResults":5}'): ArrivedRequest {
  return {
    method: "POST",
    url: "/",
    headers: {
      host: ["127.0.0.1:4011"],
      "content-type": ["application/x-amz-json-1.1"],
      "x-amz-target": ["AmazonSSM.ListCommands"],
      "x-amz-date": ["20260304T090000Z"],
      "x-amz-security-token": ["CALLERTOKEN"],
      authorization: ["AWS4-HMAC-SHA256 Credential=AKIDCALLER/20260304/us-east-1/ssm/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=abc"],
      "amz-sdk-invocation-id": ["5d7a6f0e-0000-4000-8000-000000000000"],
      connection: ["keep-alive"],
      prefer: ["code=400"],
      "content-length": [String(Buffer.byteLength(body))],
    },
    body: Buffer.from(body),
  };
}

/** The signed request as the upstream receives it, checked by the mock's SigV4 check. */
async function verify(out: Awaited<ReturnType<typeof resign>>, credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, now = NOW) {
  const headers = Object.fromEntries(Object.entries(out.headers).map(([name, value]) => [name.toLowerCase(), [value]]));
  return checkSigV4(
    { method: out.method, url: `${out.url.pathname}${out.url.search}`, headers, body: out.body },
    { service: "ssm", credentials: new Map([[credentials.accessKeyId, credentials]]), windowMs: 300_000, now },
    () => ({ name: "MissingAuthenticationTokenException", message: "missing" }),
  );
}

describe("resign", () => {
  it("signs for the upstream host with the proxy's credentials, and the caller's signature and connection headers are gone", async () => {
    const out = await resign(arrived(), { endpoint: new URL("http://127.0.0.1:9999"), service: "ssm", region: "eu-west-1", credentials: PROXY, now: NOW });
    expect(out.url.href).toBe("http://127.0.0.1:9999/");
    expect(out.headers["host"]).toBe("127.0.0.1:9999");
    expect(out.headers["authorization"]).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDPROXY\/20260304\/eu-west-1\/ssm\/aws4_request, SignedHeaders=[^ ]*host[^ ]*, Signature=[0-9a-f]{64}$/);
    expect(out.headers["x-amz-date"]).toBe("20260304T101112Z");
    expect(out.headers).not.toHaveProperty("x-amz-security-token");
    expect(out.headers).not.toHaveProperty("connection");
    expect(out.headers).not.toHaveProperty("prefer");
    expect(out.headers["x-amz-target"]).toBe("AmazonSSM.ListCommands");
    expect(out.headers["amz-sdk-invocation-id"]).toBe("5d7a6f0e-0000-4000-8000-000000000000");
    expect(Buffer.from(out.body).toString()).toBe('{"MaxResults":5}');
    expect(await verify(out, PROXY)).toBeUndefined();
    expect((await verify(out, { accessKeyId: "AKIDPROXY", secretAccessKey: "the caller's secret" }))?.name).toBe("InvalidSignatureException");
    // Signed at the injected clock: an hour later it has expired.
    expect((await verify(out, PROXY, NOW + 3_600_000))?.message).toMatch(/Signature expired/);
  });

  it("carries the proxy's own session token for temporary credentials, and keeps an endpoint's path prefix and the query", async () => {
    const request = { ...arrived(), url: "/ListWorkflowStepExecutions?x=1" };
    const out = await resign(request, { endpoint: new URL("https://vpce-1.imagebuilder.us-east-1.vpce.amazonaws.com/prefix/"), service: "ssm", region: "us-east-1", credentials: TEMPORARY, now: NOW });
    expect(out.url.href).toBe("https://vpce-1.imagebuilder.us-east-1.vpce.amazonaws.com/prefix/ListWorkflowStepExecutions?x=1");
    expect(out.headers["x-amz-security-token"]).toBe("PROXYSESSIONTOKEN");
    expect(await verify(out, TEMPORARY)).toBeUndefined();
  });

  it("passes a body that is not JSON byte for byte (the service answers it)", async () => {
    const out = await resign(arrived("{not json"), { endpoint: new URL("http://127.0.0.1:1"), service: "ssm", region: "us-east-1", credentials: PROXY, now: NOW });
    expect(Buffer.from(out.body).toString()).toBe("{not json");
    expect(out.headers["content-length"]).toBe("9");
    expect(await verify(out, PROXY)).toBeUndefined();
  });
});
