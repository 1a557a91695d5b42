/**
 * One record of the data set at a time, one route per collection (mock/README.md):
 *   GET    /_mock/data/<Collection>?<ID members>  the record, in wire form
 *   PUT    /_mock/data/<Collection>               adds the record (the JSON body), or replaces the one with its ID
 *   DELETE /_mock/data/<Collection>?<ID members>  removes it
 * A record's ID members are the ones its collection is found by (`CommandId`; `CommandId` and
 * `InstanceId`; ...). A refused record answers 400 InvalidDataSetException and nothing changes.
 */
import { COLLECTIONS, type Collection } from "../data/collections.js";
import { DataSetError } from "../data/index.js";
import type { RequestContext } from "../stages/types.js";
import { adminError, adminJson } from "./answers.js";
import { readAdminJson } from "./json-body.js";
import { DATA_PATH } from "./data.js";
import type { AdminRoute } from "./types.js";

/** A record is one operation output at most: well below a data set. */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/** The ID of the record the query names (`CommandId=...&InstanceId=...`), or the refusal naming what is missing. */
function idOf(collection: Collection, context: RequestContext): { id: string } | { refusal: ReturnType<typeof adminError> } {
  const url = context.req.url ?? "";
  const query = new URLSearchParams(url.includes("?") ? url.slice(url.indexOf("?") + 1) : "");
  const parts = collection.required.map((member) => query.get(member));
  const missing = collection.required.filter((_, i) => !parts[i]);
  if (missing.length > 0) {
    return { refusal: adminError(400, "ValidationException", `${context.method} ${DATA_PATH}/${collection.name} needs the record's ID as query parameters: ${collection.required.join(" and ")} (missing ${missing.join(", ")})`) };
  }
  return { id: parts.join(" ") };
}

function recordRoute(collection: Collection): AdminRoute {
  const path = `${DATA_PATH}/${collection.name}`;
  return {
    path,
    methods: {
      GET(context) {
        const found = idOf(collection, context);
        if ("refusal" in found) return found.refusal;
        const record = context.caller.data.record(collection.name, found.id);
        return record ? adminJson(200, record) : adminError(404, "ResourceNotFoundException", `${collection.name} holds no record with ${collection.idLabel} ${found.id}`);
      },
      async PUT(context) {
        const read = await readAdminJson(context, MAX_RECORD_BYTES, "The record");
        if (!read.ok) return read.answer;
        const record = read.value;
        try {
          const { created, store } = context.caller.data.putRecord(collection.name, record, `PUT ${path}`);
          return adminJson(created ? 201 : 200, { message: created ? "The record is added." : "The record is replaced.", created, counts: store.counts() });
        } catch (error) {
          if (error instanceof DataSetError) return adminError(400, "InvalidDataSetException", `${error.message}\nThe data set is unchanged.`);
          throw error;
        }
      },
      DELETE(context) {
        const found = idOf(collection, context);
        if ("refusal" in found) return found.refusal;
        if (!context.caller.data.removeRecord(collection.name, found.id)) return adminError(404, "ResourceNotFoundException", `${collection.name} holds no record with ${collection.idLabel} ${found.id}`);
        return adminJson(200, { message: "The record is removed.", counts: context.caller.data.current.counts() });
      },
    },
  };
}

export const RECORD_ROUTES: readonly AdminRoute[] = COLLECTIONS.map(recordRoute);
