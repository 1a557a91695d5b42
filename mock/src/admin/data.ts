/**
 * The data set's admin route, for contract tests in any language:
 *   GET    /_mock/data  the data set served now (JSON, timestamps in wire form)
 *   PUT    /_mock/data  replaces it (a JSON body, or YAML with Content-Type application/yaml)
 *   DELETE /_mock/data  restores the default data set
 * A refused data set answers 400 `InvalidDataSetException` and the old data set stays.
 */
import { readBody } from "../body.js";
import { systemClock } from "../clock/system.js";
import { DataSetError, parseDataText, type MockData } from "../data/index.js";
import { MAX_YAML_BYTES } from "../data/yaml.js";
import { baseMediaType } from "../protocol.js";
import type { AdminRoute } from "./types.js";
import { adminError, adminJson } from "./answers.js";

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

// One upload at a time per data set: each may buffer up to MAX_DATA_BYTES, and several at once could exhaust the heap.
const uploading = new WeakSet<MockData>();

export const dataRoute: AdminRoute = {
  path: DATA_PATH,
  methods: {
    GET: (context) => adminJson(200, context.caller.data.current.data),
    async PUT(context) {
      const data = context.caller.data;
      if (uploading.has(data)) return { ...adminError(409, "ConflictException", `Another PUT ${DATA_PATH} is being loaded; send one data set at a time`), close: "drain" };
      uploading.add(data);
      try {
        const idleTimeoutMs = context.mock.limits.idleTimeoutMs;
        const type = baseMediaType(context.req.headers["content-type"]);
        if (type !== undefined && !JSON_TYPES.has(type) && !YAML_TYPES.has(type)) {
          return { ...adminError(415, "UnsupportedMediaTypeException", `Content-Type must be application/json or application/yaml for PUT ${DATA_PATH} (got '${type}')`), close: "drain" };
        }
        const yaml = type !== undefined && YAML_TYPES.has(type);
        const maxBytes = yaml ? MAX_YAML_BYTES : MAX_DATA_BYTES;
        const read = await readBody(context.req, { maxBytes, idleTimeoutMs, minBytesPerSecond: MIN_UPLOAD_BYTES_PER_SECOND }, systemClock);
        if (read.kind === "aborted") return "aborted";
        if (read.kind === "tooLarge") {
          const message = yaml ? `A YAML data set may be at most ${MAX_YAML_BYTES} bytes; send a larger one as JSON (at most ${MAX_DATA_BYTES} bytes)` : `A data set may be at most ${MAX_DATA_BYTES} bytes`;
          return { ...adminError(413, "RequestEntityTooLargeException", message), close: "drain" };
        }
        if (read.kind === "timeout") return { ...adminError(408, "RequestTimeoutException", `The data set did not arrive: no data for ${idleTimeoutMs} ms`), close: "now" };
        if (read.kind === "tooSlow") {
          const message = `The data set arrived too slowly: after the first ${idleTimeoutMs} ms an upload must average at least ${MIN_UPLOAD_BYTES_PER_SECOND} bytes per second, as it holds the one upload slot`;
          return { ...adminError(408, "RequestTimeoutException", message), close: "now" };
        }
        const source = `PUT ${DATA_PATH}`;
        try {
          const raw = parseDataText(read.bytes.toString("utf8"), source, yaml);
          const store = data.replace(raw, source);
          return adminJson(200, { message: "The data set is loaded.", counts: store.counts() });
        } catch (error) {
          if (error instanceof DataSetError) return adminError(400, "InvalidDataSetException", `${error.message}\nThe previous data set is still served.`);
          throw error;
        }
      } finally {
        uploading.delete(data);
      }
    },
    DELETE(context) {
      const store = context.caller.data.reset();
      return adminJson(200, { message: "The default data set (from the spec's examples) is served again.", counts: store.counts() });
    },
  },
};
