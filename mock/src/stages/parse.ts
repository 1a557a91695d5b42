/** parse: the body as the operation's JSON object (media type, UTF-8, JSON, an object, bounded depth), null members dropped. */
import { firstValue } from "../http.js";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "../json-depth.js";
import { withoutNullMembers } from "../nulls.js";
import { baseMediaType } from "../protocol.js";
import { operationError } from "./operation-error.js";
import type { Stage } from "./types.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

export const parseStage: Stage = {
  name: "parse",
  run(context) {
    const op = context.operation!;
    const bytes = context.bytes!;
    const fail = (name: string, message: string, status = 400) => operationError(context, status, name, message);
    context.input = {};
    if (bytes.length === 0) return undefined;
    const contentType = baseMediaType(firstValue(context.req.headers["content-type"]));
    if (contentType !== op.mediaType) {
      return fail("UnsupportedMediaTypeException", `Content-Type must be ${op.mediaType} for ${op.operationId} (got ${contentType ? `'${contentType}'` : "none"})`, 415);
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return fail("SerializationException", "The request body is not valid UTF-8");
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return fail("SerializationException", `The request body is not valid JSON: ${(error as Error).message}`);
    }
    if (!body || typeof body !== "object" || Array.isArray(body)) {
      return fail("SerializationException", `The request body must be a JSON object (got ${Array.isArray(body) ? "an array" : body === null ? "null" : typeof body})`);
    }
    if (nestsDeeperThan(body)) return fail("SerializationException", `The request body nests deeper than ${MAX_JSON_DEPTH} levels`);
    context.input = withoutNullMembers(body); // null members are "not set" on the AWS wire (see nulls.ts)
    return undefined;
  },
};
