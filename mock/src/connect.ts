/**
 * A MockControl for a mock running in another process (a Vitest global set-up, the bin, a
 * container): the journal, reset and record changes over the `/_mock/` routes, scoped to one
 * caller by `accessKeyId` (with isolation on, that caller's own state; without it, the shared state,
 * with the journal read for that caller's requests). Verification runs here, on the journal read
 * over HTTP, with the same engine as POST /_mock/verify, so asymmetric matchers work too.
 */
import { loadSpecs, readOperations, requestShape, type Shape } from "aws-ops-contract/model";
import type { MockControl } from "./control.js";
import { COLLECTIONS } from "./data/collections.js";
import type { JournalEntry } from "./journal/entry.js";
import type { RequestFilter } from "./journal/filters.js";
import { checkVerification, verifyingWith, type Verification } from "./verify/verify.js";

export interface ConnectOptions {
  /** The caller to act for: the access key ID its SDK clients are given. Default: the shared state. */
  accessKeyId?: string;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
  /** For a mock that checks signatures (`--auth sigv4`): the admin token it printed (`mock.adminToken`), sent as `Authorization: Bearer <token>`. */
  adminToken?: string;
}

let bundledShapes: Map<string, Shape> | undefined;
/** The request shapes of the bundled operations (lists compared as sets where the service reads sets). */
function shapeOf(operation: string): Shape | undefined {
  if (!bundledShapes) {
    bundledShapes = new Map();
    for (const doc of loadSpecs()) for (const op of readOperations(doc)) bundledShapes.set(op.operationId, requestShape(doc, op));
  }
  return bundledShapes.get(operation);
}

export function connectMock(url: string, options: ConnectOptions = {}): MockControl {
  const base = new URL(url);
  const send = options.fetch ?? fetch;

  const call = async (method: string, path: string, query: Record<string, string> = {}, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
    const target = new URL(path, base);
    for (const [key, value] of Object.entries(query)) target.searchParams.set(key, value);
    if (options.accessKeyId !== undefined) target.searchParams.set("accessKeyId", options.accessKeyId);
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["content-type"] = "application/json";
    if (options.adminToken !== undefined) headers["authorization"] = `Bearer ${options.adminToken}`;
    const response = await send(target, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    let json: Record<string, unknown>;
    try {
      json = text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      throw new Error(`${method} ${target.pathname}: the mock answered ${response.status} with a body that is not JSON`);
    }
    if (response.status >= 400 && !(response.status === 404 && method === "DELETE")) {
      const name = response.headers.get("x-amzn-errortype") ?? "";
      throw new Error(`${method} ${target.pathname} failed: ${response.status} ${name} ${String(json["message"] ?? json["Message"] ?? text)}`.trim());
    }
    return { status: response.status, json };
  };

  const journal = async (filter: RequestFilter = {}): Promise<{ entries: JournalEntry[]; dropped: number }> => {
    const query: Record<string, string> = {};
    for (const [key, value] of Object.entries(filter)) {
      if (value === undefined) continue;
      if (key === "operation") query[key] = typeof value === "string" ? value : (value as string[]).join(",");
      else if (value instanceof Date) query[key] = value.toISOString();
      else query[key] = value === null ? "" : String(value);
    }
    const { json } = await call("GET", "/_mock/requests", query);
    return { entries: json["requests"] as JournalEntry[], dropped: Number(json["dropped"] ?? 0) };
  };

  const check = async (verification: Verification) => {
    const { entries, dropped } = await journal();
    return checkVerification(entries, verification, shapeOf, dropped);
  };

  const control: MockControl = {
    requests: (async (filter?: RequestFilter) => (await journal(filter)).entries) as MockControl["requests"],
    async clearRequests() {
      await call("DELETE", "/_mock/requests");
    },
    check,
    verify: verifyingWith(check),
    async reset() {
      await call("POST", "/_mock/reset");
    },
    async putData(dataSet) {
      const { json } = await call("PUT", "/_mock/data", {}, dataSet);
      return json["counts"] as Record<string, number>;
    },
    async putRecord(collection, record) {
      const { json } = await call("PUT", `/_mock/data/${encodeURIComponent(collection)}`, {}, record);
      return { created: json["created"] === true };
    },
    async removeRecord(collection, id) {
      // The ID as the route takes it: the collection's ID members as query parameters.
      const members = COLLECTIONS.find((c) => c.name === collection)?.required;
      if (!members) throw new TypeError(`There is no collection '${collection}'; a data set has ${COLLECTIONS.map((c) => c.name).join(", ")}`);
      const parts = id.split(" ");
      const query = Object.fromEntries(members.map((member, i) => [member, parts[i] ?? ""]));
      const { status } = await call("DELETE", `/_mock/data/${encodeURIComponent(collection)}`, query);
      return status < 300;
    },
  };
  return control;
}
