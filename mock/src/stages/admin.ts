/** admin: everything under `/_mock/` goes to the one admin router (admin/router.ts); the AWS routes pass on. */
import { isAdminPath, routeAdmin } from "../admin/router.js";
import type { Stage } from "./types.js";

export const adminStage: Stage = {
  name: "admin",
  run: (context) => (isAdminPath(context.path) ? routeAdmin(context.mock.adminRoutes, context) : undefined),
};
