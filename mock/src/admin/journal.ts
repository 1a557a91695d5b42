/**
 * The journal's admin routes, for contract tests in any language (mock/README.md):
 *   GET    /_mock/requests  the caller's journal, filtered by query parameters: {"requests": [...], "dropped": N}
 *   DELETE /_mock/requests  empties it
 *   POST   /_mock/verify    a verification (JSON body): 200 {"ok": true, ...}, or 422 VerificationFailedException
 *   POST   /_mock/reset     the caller back to the mock's start: data set, journal, fault counters, clock
 * The caller is the one `?accessKeyId=` names (or a signed admin request's credential scope); without
 * isolation, every caller's state is the shared one and `accessKeyId` only filters its journal.
 */
import { parseFilterQuery, type RequestFilter } from "../journal/filters.js";
import type { RequestContext } from "../stages/types.js";
import { checkVerification, parseVerification } from "../verify/verify.js";
import { adminError, adminJson } from "./answers.js";
import { readAdminJson } from "./json-body.js";
import type { AdminRoute } from "./types.js";

export const REQUESTS_PATH = "/_mock/requests";
export const VERIFY_PATH = "/_mock/verify";
export const RESET_PATH = "/_mock/reset";
/** A verification is a few patterns: far below what a data set may weigh. */
export const MAX_VERIFY_BYTES = 1024 * 1024;

const queryOf = (context: RequestContext): URLSearchParams => {
  const url = context.req.url ?? "";
  const q = url.indexOf("?");
  return new URLSearchParams(q === -1 ? "" : url.slice(q + 1));
};
const knownOperations = (context: RequestContext): Set<string> => new Set(context.mock.operations.map((op) => op.operationId));
/** The caller named by `?accessKeyId=`, as a filter of the (shared) journal. */
const callerFilter = (context: RequestContext): RequestFilter => {
  const accessKeyId = queryOf(context).get("accessKeyId");
  return accessKeyId === null ? {} : { accessKeyId };
};

export const requestsRoute: AdminRoute = {
  path: REQUESTS_PATH,
  methods: {
    GET(context) {
      const parsed = parseFilterQuery(queryOf(context), knownOperations(context));
      if (!parsed.ok) return adminError(400, "ValidationException", parsed.message);
      const { journal } = context.caller;
      return adminJson(200, { requests: journal.entries(parsed.filter), dropped: journal.dropped });
    },
    DELETE(context) {
      const cleared = context.caller.journal.size;
      context.caller.journal.clear();
      return adminJson(200, { message: "The request journal is empty.", cleared });
    },
  },
};

export const verifyRoute: AdminRoute = {
  path: VERIFY_PATH,
  methods: {
    async POST(context) {
      const read = await readAdminJson(context, MAX_VERIFY_BYTES, "The verification");
      if (!read.ok) return read.answer;
      const body = read.value;
      const parsed = parseVerification(body, knownOperations(context));
      if (!parsed.ok) return adminError(400, "ValidationException", parsed.message);
      const { journal } = context.caller;
      const result = checkVerification(journal.entries(callerFilter(context)), parsed.verification, context.mock.shapeOf, journal.dropped);
      if (result.ok) return adminJson(200, result);
      // Named as an error is, so that any client can tell a failed verification from a passed one by its headers too.
      const failed = adminJson(422, result);
      return { ...failed, wire: { ...failed.wire, headers: { ...failed.wire.headers, "x-amzn-ErrorType": "VerificationFailedException" } } };
    },
  },
};

export const resetRoute: AdminRoute = {
  path: RESET_PATH,
  methods: {
    POST(context) {
      context.mock.resetCaller(context.caller);
      return adminJson(200, { message: "Back to the start: the data set the mock was started with, an empty journal, fresh fault counters.", counts: context.caller.data.current.counts() });
    },
  },
};
