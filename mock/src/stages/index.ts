/**
 * The request pipeline: the stages in the order they run. Each answers or passes on:
 *   read -> cors -> admin -> route -> body -> auth -> parse -> validate -> prefer -> faults -> delay
 *   -> answer, then the answer is written (write.ts) and its event emitted (journal/).
 * - read: method, path, target, SDK attempt marks, whose state (CallerState) answers;
 * - cors: preflights answered, CORS headers on every other answer;
 * - admin: everything under `/_mock/` (admin/router.ts);
 * - route: the operation, or UnknownOperationException / MethodNotAllowedException;
 * - body: bounded read (413, 408);
 * - auth: the signature, on the bytes as sent, before any parsing (as AWS checks it first);
 * - parse: media type, UTF-8, JSON object, depth (415, SerializationException);
 * - validate: the request schema (ValidationException, SerializationException);
 * - prefer: the `Prefer` header (InvalidPreferHeaderException);
 * - faults: the answer source for this attempt (`failures=N`); delay: `Prefer: delay`;
 * - answer: the source answers (data set, documented example, generated data).
 * A new concern is one more stage in this list.
 */
import { adminStage } from "./admin.js";
import { answerStage } from "./answer.js";
import { authStage } from "./auth.js";
import { bodyStage } from "./body.js";
import { corsStage } from "./cors.js";
import { delayStage, faultsStage } from "./faults.js";
import { parseStage } from "./parse.js";
import { preferStage } from "./prefer.js";
import { readStage } from "./read.js";
import { routeStage } from "./route.js";
import type { Stage } from "./types.js";
import { validateStage } from "./validate.js";

export const STAGES: readonly Stage[] = [readStage, corsStage, adminStage, routeStage, bodyStage, authStage, parseStage, validateStage, preferStage, faultsStage, delayStage, answerStage];
