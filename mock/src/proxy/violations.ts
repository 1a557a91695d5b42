/**
 * What a request or an upstream answer does that the contract does not allow, as violations that
 * name the operation, the direction, the member path, the rule and the kind of value found there:
 * never the value itself (it may be an ID, an output or a secret), never the body.
 */
import { getByPointer, type SpecOperation } from "aws-ops-contract/model";
import type { OperationName } from "aws-ops-contract/validate";
import { gunzipSync, inflateSync, brotliDecompressSync } from "node:zlib";
import { errorNameOf } from "../protocol.js";
import { checkBody, type ValidationMode } from "./contract.js";
import type { UpstreamAnswer } from "./transport.js";

export type Direction = "request" | "answer";

/** The kind of a JSON value, or what stood where JSON was expected. */
export type ValueKind = "string" | "number" | "boolean" | "null" | "object" | "array" | "missing" | "text" | "empty";

export interface Violation {
  operation: string;
  direction: Direction;
  /** JSON pointer to the member, each list index written `*` so that records alike count once; `""` is the whole body. */
  path: string;
  /**
   * The rule broken: a JSON Schema keyword (`type`, `required`, `additionalProperties`, `enum`,
   * `pattern`, ...), or `json` (not a JSON object), `mediaType`, `status` (an HTTP status the
   * operation does not document), `undocumentedError` (an error name it does not document).
   */
  rule: string;
  kind: ValueKind;
  /** Whether it breaks the contract in the validation mode in force (see contract.ts). */
  breaking: boolean;
  /** The answer's HTTP status (answers only). */
  status?: number;
  /** The AWS error name of an error answer (`InvalidNextToken`): a name from the service, never data. */
  error?: string;
}

export function kindOf(value: unknown, found = true): ValueKind {
  if (!found || value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const type = typeof value;
  return type === "string" || type === "number" || type === "boolean" || type === "object" ? type : "missing";
}

/** A pointer with each list index written `*` (`/Commands/3/Status` names every command's Status), so that one broken member of many records is one violation. */
export function normalizePath(path: string, body: unknown): string {
  const tokens = path.split("/").slice(1);
  let node = body;
  return tokens
    .map((token) => {
      const inList = Array.isArray(node);
      node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[token] : undefined;
      return `/${inList && /^\d+$/.test(token) ? "*" : token}`;
    })
    .join("");
}

function issuesOf(op: SpecOperation, direction: Direction, kind: "request" | "response" | "error", body: unknown, mode: ValidationMode, extra: Partial<Violation>): Violation[] {
  const { issues } = checkBody(op.operationId as OperationName, kind, body, mode);
  return issues.map((issue) => {
    // A missing member's kind is "missing"; an unknown one's is the kind of what was sent.
    const value = issue.rule === "required" ? undefined : getByPointer(body, issue.path);
    return { operation: op.operationId, direction, path: normalizePath(issue.path, body), rule: issue.rule, kind: kindOf(value), breaking: issue.breaking, ...extra };
  });
}

/** A body parsed as JSON, or what it was instead. */
function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; kind: ValueKind } {
  if (bytes.length === 0) return { ok: false, kind: "empty" };
  try {
    return { ok: true, value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false, kind: "text" };
  }
}

const isObject = (value: unknown): boolean => value !== null && typeof value === "object" && !Array.isArray(value);

/** The request's violations; an empty body is `{}` on the AWS wire. */
export function requestViolations(op: SpecOperation, bytes: Uint8Array, mode: ValidationMode): Violation[] {
  const parsed = bytes.length === 0 ? { ok: true as const, value: {} } : parseJson(bytes);
  if (!parsed.ok || !isObject(parsed.value)) {
    return [{ operation: op.operationId, direction: "request", path: "", rule: "json", kind: parsed.ok ? kindOf(parsed.value) : parsed.kind, breaking: true }];
  }
  return issuesOf(op, "request", "request", parsed.value, mode, {});
}

/** A header's value from a raw header list, by case-insensitive name (the first one). */
export function headerOf(rawHeaders: readonly string[], name: string): string | undefined {
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) if (rawHeaders[i]!.toLowerCase() === name) return rawHeaders[i + 1];
  return undefined;
}

/** The answer's body as JSON sees it: decoded when the service compressed it. */
export function decodedBody(answer: UpstreamAnswer): Buffer {
  const encoding = headerOf(answer.rawHeaders, "content-encoding")?.trim().toLowerCase();
  try {
    if (encoding === "gzip" || encoding === "x-gzip") return gunzipSync(answer.body);
    if (encoding === "deflate") return inflateSync(answer.body);
    if (encoding === "br") return brotliDecompressSync(answer.body);
  } catch {
    // Not what it claims to be: checked as it came, and reported as not JSON.
  }
  return answer.body;
}

/**
 * The AWS error name of an upstream's error answer, read as the mock reads its own answers' (the
 * SDKs' way: `x-amzn-ErrorType`, else the body's `__type`), when it has the form of an error name:
 * never free text from a body goes into a report.
 */
export function upstreamErrorName(status: number, rawHeaders: readonly string[], bodyText: string): string | undefined {
  const errorType = headerOf(rawHeaders, "x-amzn-errortype");
  const name = errorNameOf({ status, headers: errorType === undefined ? {} : { "x-amzn-errortype": errorType }, body: bodyText })?.trim();
  return name !== undefined && ERROR_NAME.test(name) ? name : undefined;
}

const ERROR_NAME = /^[A-Za-z][A-Za-z0-9_.]{0,127}$/;

/** The answer's violations: its status, media type, error name and body against the operation's contract. */
export function answerViolations(op: SpecOperation, answer: UpstreamAnswer, mode: ValidationMode): Violation[] {
  const status = answer.status;
  const found: Violation[] = [];
  const violation = (rule: string, kind: ValueKind, extra: Partial<Violation> = {}): void => {
    found.push({ operation: op.operationId, direction: "answer", path: "", rule, kind, breaking: true, status, ...extra });
  };
  const documented = op.responses.some((response) => response.status === status);
  if (!documented) violation("status", "number");
  const decoded = decodedBody(answer);
  const parsed = parseJson(decoded);
  const mediaType = headerOf(answer.rawHeaders, "content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== op.mediaType) violation("mediaType", mediaType === undefined ? "missing" : "string");
  if (!parsed.ok || !isObject(parsed.value)) {
    violation("json", parsed.ok ? kindOf(parsed.value) : parsed.kind);
    return found;
  }
  if (status >= 200 && status < 300) return [...found, ...issuesOf(op, "answer", "response", parsed.value, mode, { status })];
  const name = upstreamErrorName(status, answer.rawHeaders, decoded.toString("utf8"));
  if (name === undefined) {
    violation("undocumentedError", "missing");
  } else {
    const error = op.errors.find((candidate) => candidate.name === name);
    if (!error) violation("undocumentedError", "string", { error: name });
    else if (error.status !== status && documented) violation("status", "number", { error: name });
  }
  return [...found, ...issuesOf(op, "answer", "error", parsed.value, mode, { status, ...(name ? { error: name } : {}) })];
}
