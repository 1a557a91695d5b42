/**
 * The mock's fixed parts, built once by createMockHandler and shared by every request (no run-time
 * code). What changes per caller lives in CallerState (stages/types.ts).
 */
import type { IndexedOperation } from "aws-ops-contract/model";
import type { AdminAccess } from "../admin/access.js";
import type { AdminRoute } from "../admin/types.js";
import type { AuthCheck } from "../auth/index.js";
import type { BodyLimits } from "../body.js";
import type { DelayedAnswers } from "../faults/delays.js";
import type { AnswerEvents } from "../journal/events.js";
import type { Router } from "../operations.js";
import type { Sources } from "../sources/index.js";
import type { Validators } from "../validators.js";
import type { ShapeOf } from "../verify/verify.js";
import type { CallerState, RequestContext } from "./types.js";

export interface MockServices {
  readonly operations: readonly IndexedOperation[];
  readonly router: Router;
  readonly validators: Validators;
  readonly sources: Sources;
  /** The signature check, when `auth` asks for one. */
  readonly auth: AuthCheck | undefined;
  readonly limits: BodyLimits;
  /** Answer with generated data unless a request asks otherwise (`--dynamic`). */
  readonly dynamic: boolean;
  /** The admin route table (everything under `/_mock/`). */
  readonly adminRoutes: readonly AdminRoute[];
  /** Who may use the admin API: Host, browser origin, the token with signature checking on. */
  readonly adminAccess: AdminAccess;
  readonly events: AnswerEvents;
  /** The answers `Prefer: delay` holds back, per connection. */
  readonly delays: DelayedAnswers;
  /** The state a request answers from: the shared one, unless callers are told apart (isolation). */
  callerOf(context: RequestContext): CallerState;
  /** Puts a caller's state back to the mock's start (POST /_mock/reset). */
  resetCaller(state: CallerState): void;
  /** The request shape of an operation, for verification (lists the service reads as sets). */
  readonly shapeOf: ShapeOf;
}
