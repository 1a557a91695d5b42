/**
 * Python botocore's service models (`botocore/data/<service>/<version>/service-2.json[.gz]`), read
 * into shapes.ts. They add what the SDK v3 schemas leave out: string lengths and patterns, numeric
 * ranges, list bounds, and whole numbers told apart from fractional ones. Found through the
 * `python3` on PATH (`import botocore`); absent when there is none, which the report says.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Member, Model, ModelOperation, Shape, StructureShape } from "../lib/shapes.js";

interface BotoShape {
  type: string;
  members?: Record<string, { shape: string; location?: string; locationName?: string; jsonvalue?: boolean }>;
  required?: string[];
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  timestampFormat?: string;
  error?: { httpStatusCode?: number };
  fault?: boolean;
}
interface BotoService {
  metadata: { apiVersion: string; protocol: string };
  operations: Record<string, { http?: { method: string; requestUri: string }; input?: { shape: string }; output?: { shape: string }; errors?: Array<{ shape: string }> }>;
  shapes: Record<string, BotoShape>;
}

/** botocore's package directory and version, or undefined when python3 or botocore is missing. */
export function findBotocore(): { dir: string; version: string } | undefined {
  try {
    const out = execFileSync("python3", ["-c", "import botocore, os; print(os.path.dirname(botocore.__file__)); print(botocore.__version__)"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 20_000,
    });
    const [dir, version] = out.trim().split("\n");
    return dir && version ? { dir, version } : undefined;
  } catch {
    return undefined;
  }
}

function readService(dir: string, service: string, apiVersion: string): BotoService | undefined {
  const base = join(dir, "data", service, apiVersion);
  if (existsSync(join(base, "service-2.json"))) return JSON.parse(readFileSync(join(base, "service-2.json"), "utf8")) as BotoService;
  if (existsSync(join(base, "service-2.json.gz"))) return JSON.parse(gunzipSync(readFileSync(join(base, "service-2.json.gz"))).toString("utf8")) as BotoService;
  return undefined;
}

function readPaginators(dir: string, service: string, apiVersion: string): Record<string, { input_token?: string; output_token?: string; limit_key?: string }> {
  const file = join(dir, "data", service, apiVersion, "paginators-1.json");
  if (!existsSync(file)) return {};
  return (JSON.parse(readFileSync(file, "utf8")) as { pagination?: Record<string, { input_token?: string; output_token?: string; limit_key?: string }> }).pagination ?? {};
}

function toShape(service: BotoService, name: string, seen: Map<string, StructureShape>): Shape {
  const s = service.shapes[name];
  if (!s) throw new Error(`botocore: no shape ${name}`);
  const bounds = (min: "minLength" | "minimum" | "minItems", max: "maxLength" | "maximum" | "maxItems") => ({
    ...(s.min !== undefined ? { [min]: s.min } : {}),
    ...(s.max !== undefined ? { [max]: s.max } : {}),
  });
  switch (s.type) {
    case "structure": {
      const cached = seen.get(name);
      if (cached) return cached;
      const shape: StructureShape = { kind: "structure", name, members: {} };
      seen.set(name, shape);
      for (const [member, ref] of Object.entries(s.members ?? {})) {
        const entry: Member = { shape: toShape(service, ref.shape, seen), required: (s.required ?? []).includes(member) };
        const binding = { header: "header", headers: "header", querystring: "query", uri: "label", statusCode: "status code" }[ref.location ?? ""];
        if (binding) entry.binding = binding;
        shape.members[member] = entry;
      }
      return shape;
    }
    case "list":
      return { kind: "list", name, member: toShape(service, s.member!.shape, seen), ...bounds("minItems", "maxItems") };
    case "map":
      return { kind: "map", name, value: toShape(service, s.value!.shape, seen) };
    case "string":
      return { kind: "string", name, enum: s.enum, ...bounds("minLength", "maxLength"), ...(s.pattern !== undefined ? { pattern: s.pattern } : {}) };
    case "blob":
      return { kind: "string", name };
    case "integer":
    case "long":
      return { kind: "number", name, integer: true, ...bounds("minimum", "maximum") };
    case "float":
    case "double":
      return { kind: "number", name, integer: false, ...bounds("minimum", "maximum") };
    case "boolean":
      return { kind: "boolean", name };
    case "timestamp":
      return { kind: s.timestampFormat === "iso8601" || s.timestampFormat === "rfc822" ? "string" : "number", name };
    default:
      return { kind: "document", name };
  }
}

/** Reads botocore's model of one service for the named operations, or undefined when it has none. */
export function readBotocoreModel(
  botocore: { dir: string; version: string },
  service: string,
  apiVersion: string,
  operations: readonly string[],
): Model | undefined {
  const data = readService(botocore.dir, service, apiVersion);
  if (!data) return undefined;
  const paginators = readPaginators(botocore.dir, service, apiVersion);
  const seen = new Map<string, StructureShape>();
  const empty = (): StructureShape => ({ kind: "structure", name: undefined, members: {} });
  const model: Model = { source: "botocore", origin: `botocore@${botocore.version} ${service}/${apiVersion}`, operations: new Map(), carries: { structure: false, constraints: true } };
  for (const name of operations) {
    const op = data.operations[name];
    if (!op) continue;
    const pager = paginators[name];
    const operation: ModelOperation = {
      name,
      http: op.http ? { method: op.http.method, path: op.http.requestUri } : undefined,
      request: op.input ? (toShape(data, op.input.shape, seen) as StructureShape) : empty(),
      response: op.output ? (toShape(data, op.output.shape, seen) as StructureShape) : empty(),
      errors: (op.errors ?? []).map(({ shape }) => {
        const error = data.shapes[shape]!;
        return { name: shape, status: error.error?.httpStatusCode ?? (error.fault ? 500 : 400), members: Object.keys(error.members ?? {}) };
      }),
      paging: pager?.input_token && pager.output_token ? { inputToken: pager.input_token, outputToken: pager.output_token, limit: pager.limit_key } : undefined,
    };
    model.operations.set(name, operation);
  }
  return model;
}
