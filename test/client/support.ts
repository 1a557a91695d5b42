/** An injected fetch: a real function that records each Request (with its body) and answers it. */
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import type { ClientOptions, Credentials } from "../../src/index.js";
import { loadSpec as loadBundled, readOperations } from "../../src/model/index.js";

export interface Recorded {
  request: Request;
  body: string;
}

export function recordingFetch(answer: (request: Request, body: string, index: number) => Response | Promise<Response>) {
  const calls: Recorded[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const body = await request.clone().text();
    calls.push({ request, body });
    return answer(request, body, calls.length - 1);
  };
  return { fetch, calls };
}

export const amzJson = (body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response =>
  new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-RequestId": "11111111-2222-3333-4444-555555555555", ...init.headers },
  });

export const restJson = (body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response =>
  new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { "content-type": "application/json", "x-amzn-RequestId": "66666666-7777-8888-9999-000000000000", ...init.headers },
  });

export const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
export const frozen = new Date("2026-03-04T05:06:07.089Z");

export function options(fetch: ClientOptions["fetch"], extra: Partial<ClientOptions> = {}): ClientOptions {
  return { region: "eu-west-1", credentials, fetch, now: () => frozen, ...extra };
}

type Json = unknown;

export const loadSpec = (api: "ssm" | "imagebuilder") => loadBundled(api);

/** Every documented error of every operation: name, status and the example body from the spec. */
export function documentedErrors(api: "ssm" | "imagebuilder"): Array<{ operation: string; name: string; status: number; body: Json; common: boolean }> {
  return readOperations(loadSpec(api)).flatMap((op) =>
    op.responses
      .filter((r) => r.status >= 400)
      .flatMap((r) => [...(r.examples ?? [])].map(([name, body]) => ({ operation: op.operationId, name, status: r.status, body, common: r.commonErrors?.has(name) ?? false }))),
  );
}

/** The value of a named example of an operation's 200 response. */
export function successExample(api: "ssm" | "imagebuilder", operation: string, name: string): Json {
  const op = readOperations(loadSpec(api)).find((o) => o.operationId === operation)!;
  return op.responses.find((r) => r.status === 200)!.examples!.get(name);
}

/** The Authorization header the AWS SDK v3 signer (@smithy/signature-v4) computes for a recorded request. */
export async function sdkAuthorization(request: Request, body: string, service: string, region: string, credentials: Credentials, date: Date): Promise<string> {
  const url = new URL(request.url);
  const headers: Record<string, string> = { host: url.host };
  // The SDK signs what it is given: the request's own headers, minus the ones the signature adds.
  request.headers.forEach((value, name) => {
    if (!["authorization", "x-amz-date", "x-amz-security-token"].includes(name)) headers[name] = value;
  });
  // applyChecksum false: the SDK would otherwise add (and sign) an x-amz-content-sha256 header that
  // this request does not carry; the payload hash itself is in the canonical request either way.
  const identity = { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}) };
  const signer = new SignatureV4({ service, region, credentials: identity, sha256: Sha256, applyChecksum: false });
  const signed = await signer.sign(
    { method: request.method, protocol: url.protocol, hostname: url.hostname, ...(url.port ? { port: Number(url.port) } : {}), path: url.pathname, query: {}, headers, body },
    { signingDate: date },
  );
  return signed.headers["authorization"] as string;
}
