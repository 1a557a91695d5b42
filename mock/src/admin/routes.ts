/**
 * The admin route table: every path under ADMIN_PREFIX, one entry each. The prefix cannot collide
 * with an AWS route: SSM is served on `POST /` and Image Builder operation paths are operation
 * names, which never start with `_`. A new admin concern is one more entry here.
 */
import { dataRoute } from "./data.js";
import type { AdminRoute } from "./types.js";

export const ADMIN_PREFIX = "/_mock/";

export const ADMIN_ROUTES: readonly AdminRoute[] = [dataRoute];
