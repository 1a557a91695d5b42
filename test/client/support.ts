/** An injected fetch: a real function that records each Request (with its body) and answers it. */
import type { ClientOptions } from "../../src/index.js";
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
