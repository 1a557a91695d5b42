/**
 * The admin API's route table types (no run-time code). Everything under ADMIN_PREFIX (`/_mock/`)
 * is one entry of the table in admin/routes.ts: a path and the action of each method it takes. The
 * admin router (admin/router.ts) answers the methods a path does not take, CORS preflights read a
 * path's methods from the table, and each action answers in the REST JSON error format.
 */
import type { StageResult, RequestContext } from "../stages/types.js";

export type AdminMethod = "GET" | "PUT" | "POST" | "DELETE";

/** Answers one admin request; reads the body itself (admin bodies have their own limits). */
export type AdminAction = (context: RequestContext) => StageResult | Promise<StageResult>;

export interface AdminRoute {
  /** The whole path, such as `/_mock/data`. */
  path: string;
  methods: Partial<Record<AdminMethod, AdminAction>>;
}
