/**
 * The operations of a bundled OpenAPI document, read once: service, protocol, target or path, method,
 * request/response/error schemas (per status and per error name), examples, paging members. The one
 * walker of the bundle: scripts/generate.ts, scripts/docs.ts, the mock and the tests read the
 * operations from here instead of walking `paths` themselves.
 */
import { escapePointerToken, parsePointer } from "./pointer.js";

/** The part of an OpenAPI 3.x document read here; everything else is passed through untouched. */
export interface OpenApiDocument {
  openapi: string;
  info?: { title?: string; version?: string };
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/** AWS's protocol names: `awsJson1_1` (SSM: `POST /` + `X-Amz-Target`), `restJson1` (Image Builder). */
export type Protocol = "awsJson1_1" | "restJson1";

/** One media type of a request body or response: its schema (as written, often a `$ref`) and examples. */
export interface SpecBody {
  mediaType: string;
  /** JSON pointer (with `#`) to the schema node in the document. */
  schemaPointer: string;
  schema: unknown;
  /** The `$ref` of the schema when it names a component schema (`#/components/schemas/X`). */
  schemaRef: string | undefined;
  /** Named examples, `$ref`s followed, by name: the example's `value`. */
  examples: Map<string, unknown>;
  /**
   * Where the body holds timestamps that travel as epoch seconds (members whose schema is the AWS
   * JSON `DateTime`, a number): member paths, `"*"` for every item of an array.
   */
  timestamps: string[][];
  /** The names of the examples marked `x-aws-common-error: true` (an error every action can answer). */
  commonErrorExamples: Set<string>;
}

export interface SpecResponse extends Partial<SpecBody> {
  status: number;
  /** Whether the status is a success (2xx). */
  ok: boolean;
}

export interface SpecOperation {
  operationId: string;
  /** The document's `info.title`. */
  service: string;
  /**
   * The SigV4 signing name (`ssm`, `imagebuilder`): the endpoint prefix of the document's first
   * `servers` URL (`https://<name>.{region}.amazonaws.com`), as the AWS SDKs derive it; undefined
   * when that URL has another form.
   */
  signingName: string | undefined;
  protocol: Protocol;
  /** Upper-case HTTP method. */
  method: string;
  /** The path key as written in the document (with the `#X-Amz-Target=` fragment for AWS JSON). */
  pathKey: string;
  /** The path a client sends (`/` for AWS JSON). */
  path: string;
  /** The `X-Amz-Target` value, for AWS JSON operations. */
  target: string | undefined;
  /** JSON pointer (with `#`) to the operation object. */
  pointer: string;
  summary: string | undefined;
  description: string | undefined;
  tags: string[];
  /** The wire media type of the request and answers (`application/x-amz-json-1.1`, `application/json`). */
  mediaType: string;
  request: SpecBody | undefined;
  /** Every documented response, in document order. */
  responses: SpecResponse[];
  /**
   * The documented errors: each error response's example names are the error names. `common: true`
   * (absent otherwise) when the example is marked `x-aws-common-error: true`: an error of every
   * action (throttling, signature, access), not one the operation's model lists.
   */
  errors: Array<{ name: string; status: number; common?: true }>;
  /** The paging members, when the operation pages (a token member in both request and success body). */
  pagination: Pagination | undefined;
}

export interface Pagination {
  /** The token member of the request (`NextToken`, `nextToken`). */
  inputToken: string;
  /** The token member of the success body. */
  outputToken: string;
  /** The page-size member of the request (`MaxResults`, `maxResults`) with its documented bounds. */
  limit: { member: string; minimum: number | undefined; maximum: number | undefined; default: number | undefined } | undefined;
}

const TARGET_KEY = /^\/#X-Amz-Target=(.+)$/;
const TOKEN_MEMBER = /^next_?token$/i;
const LIMIT_MEMBER = /^max_?results$/i;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const MAX_REF_HOPS = 32;

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => value !== null && typeof value === "object" && !Array.isArray(value);

/** The node a document pointer (`#/components/schemas/X`) designates; throws when there is none. */
export function nodeAt(doc: OpenApiDocument, pointer: string): unknown {
  let current: unknown = doc;
  for (const token of parsePointer(pointer)) {
    if (!isNode(current) && !Array.isArray(current)) throw new Error(`No node at ${pointer}`);
    if (!Object.hasOwn(current, token)) throw new Error(`No node at ${pointer}`);
    current = (current as Node)[token];
  }
  return current;
}

/** Follows internal `$ref`s (`#/...`), returning the node and the pointer it was found at. */
export function resolveRef(doc: OpenApiDocument, node: unknown, pointer = "#"): { node: unknown; pointer: string } {
  let current = node;
  let at = pointer;
  for (let hops = 0; hops < MAX_REF_HOPS; hops++) {
    const ref = isNode(current) ? current["$ref"] : undefined;
    if (typeof ref !== "string") return { node: current, pointer: at };
    if (!ref.startsWith("#")) throw new Error(`Only internal $refs are supported, found ${ref} at ${at}`);
    at = ref;
    current = nodeAt(doc, ref);
  }
  throw new Error(`$ref cycle at ${pointer}`);
}

/** `resolveRef` for callers that want the node only. */
export const deref = <T = unknown>(doc: OpenApiDocument, node: unknown): T => resolveRef(doc, node).node as T;

function readBody(doc: OpenApiDocument, node: unknown, pointer: string): SpecBody | undefined {
  const resolved = resolveRef(doc, node, pointer);
  const content = isNode(resolved.node) && isNode(resolved.node["content"]) ? resolved.node["content"] : {};
  const [mediaType, media] = Object.entries(content)[0] ?? [];
  if (mediaType === undefined || !isNode(media)) return undefined;
  const mediaPointer = `${resolved.pointer}/content/${escapePointerToken(mediaType)}`;
  const examples = new Map<string, unknown>();
  const commonErrorExamples = new Set<string>();
  for (const [name, example] of Object.entries(isNode(media["examples"]) ? media["examples"] : {})) {
    const resolved = deref<Node | undefined>(doc, example) ?? {};
    examples.set(name, resolved["value"]);
    if (resolved["x-aws-common-error"] === true) commonErrorExamples.add(name);
  }
  const schema = media["schema"];
  const ref = isNode(schema) ? schema["$ref"] : undefined;
  return {
    mediaType,
    schemaPointer: `${mediaPointer}/schema`,
    schema,
    schemaRef: typeof ref === "string" && ref.startsWith("#/components/schemas/") ? ref : undefined,
    examples,
    timestamps: epochSecondMembers(doc, schema, `${mediaPointer}/schema`),
    commonErrorExamples,
  };
}

/** Every member path under `schema` whose schema is a numeric `DateTime` (the AWS JSON wire's epoch seconds). */
function epochSecondMembers(doc: OpenApiDocument, schema: unknown, pointer: string): string[][] {
  const found: string[][] = [];
  const walk = (node: unknown, at: string, path: string[], depth: number): void => {
    if (depth > 12) return;
    const ref = isNode(node) ? node["$ref"] : undefined;
    const resolved = resolveRef(doc, node, at);
    const target = resolved.node;
    if (!isNode(target)) return;
    if (typeof ref === "string" && /\/DateTime$/.test(ref) && target["type"] === "number") {
      found.push(path);
      return;
    }
    for (const [name, member] of Object.entries(isNode(target["properties"]) ? target["properties"] : {})) {
      walk(member, `${resolved.pointer}/properties/${escapePointerToken(name)}`, [...path, name], depth + 1);
    }
    if (target["items"] !== undefined) walk(target["items"], `${resolved.pointer}/items`, [...path, "*"], depth + 1);
  };
  walk(schema, pointer, [], 0);
  return found;
}

/** The `enum` of a component schema (such as `CommandStatus`) in the first of `docs` that has one. */
export function componentEnum(docs: readonly OpenApiDocument[], name: string): string[] | undefined {
  for (const doc of docs) {
    const schema = doc.components?.["schemas"]?.[name];
    if (isNode(schema) && Array.isArray(schema["enum"])) return schema["enum"].map(String);
  }
  return undefined;
}

/** The properties of an object schema (after `$ref`), by name. */
export function propertiesOf(doc: OpenApiDocument, schema: unknown): Record<string, unknown> {
  const resolved = deref(doc, schema);
  return isNode(resolved) && isNode(resolved["properties"]) ? resolved["properties"] : {};
}

function pagination(doc: OpenApiDocument, request: SpecBody | undefined, success: SpecBody | undefined): Pagination | undefined {
  if (!request || !success) return undefined;
  const input = propertiesOf(doc, request.schema);
  const inputToken = Object.keys(input).find((name) => TOKEN_MEMBER.test(name));
  const outputToken = Object.keys(propertiesOf(doc, success.schema)).find((name) => TOKEN_MEMBER.test(name));
  if (!inputToken || !outputToken) return undefined;
  const limitMember = Object.keys(input).find((name) => LIMIT_MEMBER.test(name));
  let limit: Pagination["limit"];
  if (limitMember) {
    // A member's own keywords beside a `$ref` are annotations; the bounds live on the resolved schema.
    const own = isNode(input[limitMember]) ? (input[limitMember] as Node) : {};
    const resolved = deref<Node>(doc, own);
    const num = (key: string): number | undefined => {
      const value = own[key] ?? resolved[key];
      return typeof value === "number" ? value : undefined;
    };
    limit = { member: limitMember, minimum: num("minimum"), maximum: num("maximum"), default: num("default") };
  }
  return { inputToken, outputToken, limit };
}

function signingNameOf(doc: OpenApiDocument): string | undefined {
  const servers = doc["servers"];
  const url = Array.isArray(servers) && isNode(servers[0]) ? servers[0]["url"] : undefined;
  return typeof url === "string" ? /^https?:\/\/([a-z0-9-]+)\.\{region\}\./.exec(url)?.[1] : undefined;
}

/** Every operation of one document, in document order. */
export function readOperations(doc: OpenApiDocument): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [pathKey, pathItem] of Object.entries(doc.paths)) {
    for (const [methodKey, raw] of Object.entries(pathItem)) {
      if (!METHODS.includes(methodKey) || !isNode(raw)) continue;
      const pointer = `#/paths/${escapePointerToken(pathKey)}/${methodKey}`;
      const target = TARGET_KEY.exec(pathKey)?.[1];
      const request = readBody(doc, raw["requestBody"], `${pointer}/requestBody`);
      const responses: SpecResponse[] = [];
      const errors: SpecOperation["errors"] = [];
      for (const [statusKey, response] of Object.entries(isNode(raw["responses"]) ? raw["responses"] : {})) {
        if (!/^\d{3}$/.test(statusKey)) continue;
        const status = Number(statusKey);
        const body = readBody(doc, response, `${pointer}/responses/${statusKey}`);
        const ok = status >= 200 && status < 300;
        responses.push({ status, ok, ...body });
        if (status >= 400) for (const name of body?.examples.keys() ?? []) errors.push(body!.commonErrorExamples.has(name) ? { name, status, common: true } : { name, status });
      }
      const success = responses.find((r) => r.ok && r.schemaPointer !== undefined) as SpecBody | undefined;
      const operationId = typeof raw["operationId"] === "string" ? raw["operationId"] : `${methodKey.toUpperCase()} ${pathKey}`;
      operations.push({
        operationId,
        service: doc.info?.title ?? "",
        signingName: signingNameOf(doc),
        protocol: target ? "awsJson1_1" : "restJson1",
        method: methodKey.toUpperCase(),
        pathKey,
        path: target ? "/" : pathKey,
        target,
        pointer,
        summary: typeof raw["summary"] === "string" ? raw["summary"] : undefined,
        description: typeof raw["description"] === "string" ? raw["description"] : undefined,
        tags: Array.isArray(raw["tags"]) ? raw["tags"].filter((t): t is string => typeof t === "string") : [],
        mediaType: request?.mediaType ?? success?.mediaType ?? "application/json",
        request,
        responses,
        errors,
        pagination: pagination(doc, request, success),
      });
    }
  }
  return operations;
}

/** The first paragraph of an operation's description: the sentence the docs show under its name. */
export function leadSentence(operation: SpecOperation): string {
  return (operation.description ?? "").trim().split(/\n\s*\n/)[0]!.replace(/\s+/g, " ").trim();
}
