/**
 * The malformed requests the mock must refuse in its protocol's format: broken and truncated JSON,
 * wrong types and broken members (from the schema-derived mutations), oversized strings and bodies,
 * unknown targets and paths, wrong methods and content types, and `__proto__`/`constructor` keys.
 * Built deterministically (fixed fast-check seeds), so a failure names a reproducible case.
 */
import fc from "fast-check";
import { readOperations } from "../../src/model/index.js";
import { mediaExamples, API_NAMES, type ApiName } from "../openapi/load.js";
import { arbitraryFor } from "./arbitrary.js";
import { mutationsOf } from "./mutations.js";
import { operationBodies, type OperationBody } from "./operations.js";
import { resolve, type Schema } from "./schema.js";
import type { WireRequest } from "./wire.js";

export interface WireOperation {
  api: ApiName;
  operationId: string;
  path: string;
  target?: string;
  mediaType: string;
  request: OperationBody;
  /** The spec's request examples, serialized. */
  examples: string[];
}


export function wireOperations(): WireOperation[] {
  const examples = API_NAMES.flatMap((api) => mediaExamples(api)).filter((e) => e.where === "request");
  return operationBodies()
    .filter((b) => b.kind === "request")
    .map((request) => {
      const { target, path, mediaType } = readOperations(request.doc).find((op) => op.operationId === request.operationId)!;
      return {
        api: request.api,
        operationId: request.operationId,
        path,
        ...(target ? { target } : {}),
        mediaType,
        request,
        examples: examples.filter((e) => e.operationId === request.operationId).map((e) => JSON.stringify(e.value)),
      };
    });
}

/** A POST of `body` to the operation, with its own target and media type unless overridden. */
export function post(op: WireOperation, name: string, body: string | Buffer, headers: Record<string, string | undefined> = {}): WireRequest {
  const all: Record<string, string | undefined> = { "content-type": op.mediaType, ...(op.target ? { "x-amz-target": op.target } : {}), ...headers };
  const clean = Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
  return { name: `${op.operationId}: ${name}`, method: "POST", path: op.path, headers: clean, body };
}

const BROKEN_JSON = [
  "{", "}", "{\"", "{\"MaxResults\"", "{\"MaxResults\":}", "{\"MaxResults\":1,}", "{'MaxResults':1}", "[1,2", "nul", "tru",
  "NaN", "{\"a\":1}{\"b\":2}", "{\"a\":\"\\x\"}", "{\"MaxResults\":01}", "{\"MaxResults\":.5}", "{\"MaxResults\":+1}",
  "{\"MaxResults\":Infinity}", "// comment\n{}", "{\"a\":\"unterminated", "{\"a\" 1}", "{,}", "\u0000", "{\"a\":[}", "\"",
];
/** Valid JSON, but not an object: the body must be one. */
const NOT_OBJECTS = ["1", "\"text\"", "null", "[]", "true", "[{}]", "-0", "1e999"];

const PROTO_BODIES = [
  "{\"__proto__\":{\"MaxResults\":5}}",
  // A null member is "not set" on the AWS wire (mock/src/nulls.ts), so a null __proto__ alone would be {}.
  "{\"__proto__\":null,\"prototype\":{\"polluted\":true}}",
  "{\"constructor\":{\"prototype\":{\"polluted\":true}}}",
  "{\"__proto__\":{\"polluted\":true},\"constructor\":{\"prototype\":{\"polluted\":true}}}",
  "{\"prototype\":{\"polluted\":true}}",
];

const WRONG_CONTENT_TYPES = [
  "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/x-amz-json-1.0",
  "application/jsonx", "json", "text/json", "application/octet-stream",
];

function oversizedString(op: WireOperation, length: number): string | undefined {
  const schema = resolve(op.request.doc, { $ref: op.request.schemaRef });
  for (const [name, member] of Object.entries(schema.properties ?? {})) {
    const s: Schema = resolve(op.request.doc, member);
    if (s.type !== "string" || s.enum) continue;
    const big = "a".repeat(length);
    const breaks = (s.maxLength !== undefined && s.maxLength < length) || (s.pattern !== undefined && !new RegExp(s.pattern, "u").test(big));
    if (breaks) return JSON.stringify({ ...(JSON.parse(op.examples[0] ?? "{}") as object), [name]: big });
  }
  return undefined;
}

/** Every malformed request, in a fixed order. */
export function malformedRequests(ops: WireOperation[], options: { mutationsPerOperation: number; garbage: number; unknownTargets: number }): WireRequest[] {
  const out: WireRequest[] = [];
  const ssm = ops.find((o) => o.target !== undefined)!;
  const rest = ops.find((o) => o.target === undefined)!;

  for (const op of ops) {
    for (const body of BROKEN_JSON) out.push(post(op, `broken JSON ${JSON.stringify(body)}`, body));
    for (const body of NOT_OBJECTS) out.push(post(op, `not an object ${body}`, body));
    out.push(post(op, "invalid UTF-8", Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])));
    // Every proper prefix of every example: none is JSON.
    for (const example of op.examples) for (let i = 1; i < example.length; i++) out.push(post(op, `truncated at ${i}: ${example.slice(0, i)}`, example.slice(0, i)));
    // One broken member each (wrong types, out-of-range numbers, bad patterns, missing and unknown members).
    const schema: Schema = { $ref: op.request.schemaRef };
    const samples = fc.sample(fc.tuple(arbitraryFor(op.request.doc, schema), fc.nat()), { numRuns: options.mutationsPerOperation, seed: 4242 });
    for (const [payload, pick] of samples) {
      const mutations = mutationsOf(op.request.doc, schema, payload);
      const m = mutations[pick % mutations.length]!;
      out.push(post(op, `${m.rule} at '${m.path}'`, JSON.stringify(m.apply(payload))));
    }
    const big = oversizedString(op, 300_000);
    if (big) out.push(post(op, "oversized string member (300,000 chars)", big));
    // Bodies over the mock's 1 MiB limit, declared and streamed.
    out.push(post(op, "oversized body (2 MiB)", JSON.stringify({ NextToken: "a".repeat(2 * 1024 * 1024) })));
    out.push(post(op, "oversized body (1 MiB + 1 of whitespace)", `{}${" ".repeat(1024 * 1024 - 1)}`));
    for (const type of WRONG_CONTENT_TYPES) out.push(post(op, `content type ${type}`, op.examples[0] ?? "{}", { "content-type": type }));
    out.push(post(op, "no content type", op.examples[0] ?? "{}", { "content-type": undefined }));
    out.push(post(op, "the other protocol's content type", op.examples[0] ?? "{}", { "content-type": op.target ? "application/json" : "application/x-amz-json-1.1" }));
    for (const body of PROTO_BODIES) out.push(post(op, `prototype keys ${body}`, body));
    const example = JSON.parse(op.examples[0] ?? "{}") as Record<string, unknown>;
    out.push(post(op, "__proto__ next to valid members", JSON.stringify(example).replace(/^\{/, "{\"__proto__\":{\"polluted\":true},")));
    for (const method of ["GET", "PUT", "DELETE", "PATCH"]) {
      const { body, ...req } = post(op, `method ${method}`, op.examples[0] ?? "{}");
      out.push(method === "GET" ? { ...req, method } : { ...req, method, ...(body === undefined ? {} : { body }) });
    }
  }

  // Nested prototype keys, where the schema has nested objects.
  out.push(post(ssm, "__proto__ inside a filter", "{\"Filters\":[{\"key\":\"Status\",\"value\":\"Success\",\"__proto__\":{\"polluted\":true}}]}"));

  // Unknown X-Amz-Target values, and none.
  const targets = [
    "AmazonSSM.DeleteEverything", "AmazonSSM.", "", "AmazonSSM.listcommands", "Foo.ListCommands", "AmazonSSM.List Commands",
    "AmazonSSM.__proto__", "AmazonSSM.constructor", "AmazonSSM.toString", "AmazonSSM.hasOwnProperty", "__proto__", "AmazonSSM.ListCommands,AmazonSSM.ListCommands",
  ];
  const generated = fc.sample(fc.stringMatching(/^[A-Za-z0-9_.]{1,40}$/), { numRuns: options.unknownTargets, seed: 7 });
  for (const target of [...targets, ...generated.map((t) => `AmazonSSM.X${t}`)]) out.push(post(ssm, `unknown target ${JSON.stringify(target)}`, "{}", { "x-amz-target": target }));
  out.push(post(ssm, "no X-Amz-Target", "{}", { "x-amz-target": undefined }));

  // Unknown REST paths.
  for (const path of ["/ListWorkflowStepExecution", "/listworkflowstepexecutions", "/__proto__", "/constructor", "/ListWorkflowStepExecutions/extra", "//", "/%00", "/toString"]) {
    out.push({ ...post(rest, `unknown path ${path}`, "{}"), path });
  }

  // Random bytes that are not JSON, as either protocol's body.
  const garbage = fc.sample(fc.string({ unit: "binary", minLength: 1, maxLength: 64 }).filter((s) => !isJson(s)), { numRuns: options.garbage, seed: 99 });
  garbage.forEach((body, i) => out.push(post(i % 2 ? ssm : rest, `garbage ${JSON.stringify(body)}`, body)));
  return out;
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}
