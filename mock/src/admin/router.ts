/**
 * The one admin router: a request under `/_mock/` is answered by its route's action for its method,
 * a 405 naming the methods the path takes, or a 404 naming the admin paths. Who may ask is decided
 * for the whole admin API here, before any route (admin/access.ts: the Host, the browser origin, the
 * printed token with signature checking on), so every route gets the same protection; preflights
 * read a path's methods from `adminMethodsAt` and its CORS grant from the same policy (stages/cors.ts).
 */
import type { RequestContext, StageResult } from "../stages/types.js";
import { adminError } from "./answers.js";
import { ADMIN_PREFIX } from "./routes.js";
import type { AdminMethod, AdminRoute } from "./types.js";

export const isAdminPath = (path: string): boolean => path.startsWith(ADMIN_PREFIX);

const methodsOf = (route: AdminRoute): AdminMethod[] => Object.keys(route.methods) as AdminMethod[];

/** The methods an admin path takes (for CORS preflights), or undefined when no route has it. */
export function adminMethodsAt(routes: readonly AdminRoute[], path: string): AdminMethod[] | undefined {
  const route = routes.find((r) => r.path === path);
  return route && methodsOf(route);
}

export async function routeAdmin(routes: readonly AdminRoute[], context: RequestContext): Promise<StageResult> {
  const refused = context.mock.adminAccess.refuse(context.req);
  if (refused) return { ...adminError(refused.status, refused.name, refused.message), close: "drain" };
  const route = routes.find((r) => r.path === context.path);
  if (!route) {
    return adminError(404, "UnknownOperationException", `No admin route at ${context.path}; the mock's admin API is ${routes.map((r) => `${methodsOf(r).join("/")} ${r.path}`).join(", ")}`);
  }
  const action = route.methods[context.method as AdminMethod];
  if (!action) {
    const allow = methodsOf(route);
    return adminError(405, "MethodNotAllowedException", `${context.method} is not allowed on ${route.path}; use ${allow.join(", ").replace(/, ([^,]*)$/, " or $1")}`, { allow: allow.join(", ") });
  }
  return action(context);
}
