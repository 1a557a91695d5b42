/** An injected fetch: a real function that records each Request (with its body) and answers it. */
import { readFileSync } from "node:fs";
import type { ClientOptions } from "../../src/index.js";

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
interface Spec {
  paths: Record<string, { post: { operationId: string; responses: Record<string, Json> } }>;
  components: Record<string, Record<string, Json>>;
}

export const loadSpec = (api: "ssm" | "imagebuilder"): Spec =>
  JSON.parse(readFileSync(new URL(`../../generated/openapi/${api}.json`, import.meta.url), "utf8")) as Spec;

function deref(spec: Spec, node: Json): Record<string, Json> {
  let current = node as Record<string, Json>;
  while (typeof current["$ref"] === "string") {
    const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(current["$ref"])!;
    current = spec.components[section!]![name!] as Record<string, Json>;
  }
  return current;
}

/** Every documented error of every operation: name, status and the example body from the spec. */
export function documentedErrors(api: "ssm" | "imagebuilder"): Array<{ operation: string; name: string; status: number; body: Json }> {
  const spec = loadSpec(api);
  const out: Array<{ operation: string; name: string; status: number; body: Json }> = [];
  for (const item of Object.values(spec.paths)) {
    for (const [status, response] of Object.entries(item.post.responses)) {
      if (!/^[45]/.test(status)) continue;
      const content = deref(spec, response)["content"] as Record<string, { examples: Record<string, Json> }>;
      for (const media of Object.values(content)) {
        for (const [name, example] of Object.entries(media.examples)) {
          out.push({ operation: item.post.operationId, name, status: Number(status), body: deref(spec, example)["value"] });
        }
      }
    }
  }
  return out;
}

/** The value of a named example of an operation's 200 response. */
export function successExample(api: "ssm" | "imagebuilder", operation: string, name: string): Json {
  const spec = loadSpec(api);
  const item = Object.values(spec.paths).find((p) => p.post.operationId === operation)!;
  const content = deref(spec, item.post.responses["200"])["content"] as Record<string, { examples: Record<string, Json> }>;
  const media = Object.values(content)[0]!;
  return deref(spec, media.examples[name])["value"];
}
