/**
 * The mock's own HTTP data endpoint, for contract tests in any language:
 *   GET    /_mock/data  the data set served now (JSON, timestamps in wire form)
 *   PUT    /_mock/data  replaces it (a JSON body, or YAML with Content-Type application/yaml)
 *   DELETE /_mock/data  restores the default data set
 * The `/_mock/` prefix cannot collide with an AWS route: SSM is served on `POST /` and Image Builder
 * operation paths are operation names, which never start with `_`. Answers are JSON; a refused data
 * set answers 400 `InvalidDataSetException` (REST JSON error shape) and the old data set stays.
 */
import type { IncomingMessage } from "node:http";
import { readBody } from "../body.js";
import { baseMediaType, errorResponse, REST_JSON_MEDIA_TYPE, type Outcome, type WireResponse } from "../protocol.js";
import { DataSetError, parseDataText, type MockData } from "./index.js";
import { MAX_YAML_BYTES } from "./yaml.js";

export const DATA_PATH = "/_mock/data";
/** A data set is much larger than an API request: 10,000 commands take about 15 MB of JSON. */
export const MAX_DATA_BYTES = 256 * 1024 * 1024;
/**
 * The slowest an upload may arrive, on average, once the body timeout has passed: it holds the one
 * upload slot, and a client trickling a byte now and then would otherwise hold it for the whole
 * request timeout, again and again. A 256 MiB data set over loopback arrives in about a second.
 */
export const MIN_UPLOAD_BYTES_PER_SECOND = 1024 * 1024;

const YAML_TYPES = new Set(["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"]);
const JSON_TYPES = new Set(["application/json", "text/json"]);

const json = (status: number, body: unknown): WireResponse => ({ status, headers: { "content-type": REST_JSON_MEDIA_TYPE }, body: JSON.stringify(body) });
// The log line already shows the method and path: the label says what happened.
const refuse = (status: number, name: string, message: string, headers?: Record<string, string>): Outcome => ({
  wire: errorResponse("restJson", headers ? { status, name, message, headers } : { status, name, message }),
  label: name,
});

/** Answers a request to DATA_PATH; undefined when the client went away. */
export async function serveDataEndpoint(data: MockData, req: IncomingMessage, method: string, idleTimeoutMs: number): Promise<Outcome | undefined> {
  if (method === "GET") return { wire: json(200, data.current.data), label: "served" };
  if (method === "DELETE") {
    const store = data.reset();
    return { wire: json(200, { message: "The default data set (from the spec's examples) is served again.", counts: store.counts() }), label: "reset" };
  }
  if (method !== "PUT") return refuse(405, "MethodNotAllowedException", `${method} is not allowed on ${DATA_PATH}; use GET, PUT or DELETE`, { allow: "GET, PUT, DELETE" });

  // One upload at a time: each may buffer up to MAX_DATA_BYTES, and several at once could exhaust the heap.
  if (uploading.has(data)) return { ...refuse(409, "ConflictException", `Another PUT ${DATA_PATH} is being loaded; send one data set at a time`), close: "drain" };
  uploading.add(data);
  try {
    return await upload(data, req, idleTimeoutMs);
  } finally {
    uploading.delete(data);
  }
}

const uploading = new WeakSet<MockData>();

async function upload(data: MockData, req: IncomingMessage, idleTimeoutMs: number): Promise<Outcome | undefined> {
  const type = baseMediaType(req.headers["content-type"]);
  if (type !== undefined && !JSON_TYPES.has(type) && !YAML_TYPES.has(type)) {
    return { ...refuse(415, "UnsupportedMediaTypeException", `Content-Type must be application/json or application/yaml for PUT ${DATA_PATH} (got '${type}')`), close: "drain" };
  }
  const yaml = type !== undefined && YAML_TYPES.has(type);
  const maxBytes = yaml ? MAX_YAML_BYTES : MAX_DATA_BYTES;
  const read = await readBody(req, { maxBytes, idleTimeoutMs, minBytesPerSecond: MIN_UPLOAD_BYTES_PER_SECOND });
  if (read.kind === "aborted") return undefined;
  if (read.kind === "tooLarge") {
    const message = yaml ? `A YAML data set may be at most ${MAX_YAML_BYTES} bytes; send a larger one as JSON (at most ${MAX_DATA_BYTES} bytes)` : `A data set may be at most ${MAX_DATA_BYTES} bytes`;
    return { ...refuse(413, "RequestEntityTooLargeException", message), close: "drain" };
  }
  if (read.kind === "timeout") return { ...refuse(408, "RequestTimeoutException", `The data set did not arrive: no data for ${idleTimeoutMs} ms`), close: "now" };
  if (read.kind === "tooSlow") {
    const message = `The data set arrived too slowly: after the first ${idleTimeoutMs} ms an upload must average at least ${MIN_UPLOAD_BYTES_PER_SECOND} bytes per second, as it holds the one upload slot`;
    return { ...refuse(408, "RequestTimeoutException", message), close: "now" };
  }
  const source = `PUT ${DATA_PATH}`;
  try {
    const raw = parseDataText(read.bytes.toString("utf8"), source, yaml);
    const store = data.replace(raw, source);
    return { wire: json(200, { message: "The data set is loaded.", counts: store.counts() }), label: "loaded" };
  } catch (error) {
    if (error instanceof DataSetError) return refuse(400, "InvalidDataSetException", `${error.message}\nThe previous data set is still served.`);
    throw error;
  }
}
