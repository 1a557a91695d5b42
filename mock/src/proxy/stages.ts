/**
 * The proxy's pipeline: the mock's own stages (stages/) for reading, CORS, routing, the bounded body,
 * the signature check and parsing, then `forward`, which makes the real service the answer source,
 * and the mock's `answer` stage, which asks it. Not the mock's `validate` (the proxy reports a
 * request that breaks the contract and forwards it, rather than refusing it), nor `prefer`, `faults`
 * and `delay` (what a caller asks the mock for has no meaning to the real service).
 */
import { answerStage } from "../stages/answer.js";
import { authStage } from "../stages/auth.js";
import { bodyStage } from "../stages/body.js";
import { corsStage } from "../stages/cors.js";
import { parseStage } from "../stages/parse.js";
import { readStage } from "../stages/read.js";
import { routeStage } from "../stages/route.js";
import type { Stage } from "../stages/types.js";

/** forward: the answer comes from the real service (source.ts). */
export const forwardStage: Stage = {
  name: "forward",
  run(context) {
    context.source = { kind: "proxy" };
    return undefined;
  },
};

export const PROXY_STAGES: readonly Stage[] = [readStage, corsStage, routeStage, bodyStage, authStage, parseStage, forwardStage, answerStage];
