/**
 * The proxy's request handler: the mock's fixed services (stages/services.ts) with the real service
 * as the answer source, run through the proxy's stages (stages.ts). The parts the proxy's stages
 * never ask (the data set, the documented examples, the request validators) are there because the
 * services' shape has them; each is built lazily and stays unused.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { requestShape, type IndexedOperation, type OpenApiDocument } from "aws-ops-contract/model";
import { createAdminAccess } from "../admin/access.js";
import { createAuthCheck, type AuthOption } from "../auth/index.js";
import type { Clock } from "../clock/clock.js";
import { MockData } from "../data/index.js";
import { AttemptCounter } from "../faults/attempts.js";
import { DelayedAnswers } from "../faults/delays.js";
import { DEFAULT_BODY_TIMEOUT_MS, DEFAULT_MAX_BODY_BYTES } from "../handler.js";
import { AnswerEvents } from "../journal/events.js";
import { RequestJournal } from "../journal/request-journal.js";
import type { Router } from "../operations.js";
import { createExampleBuilder } from "../sources/example.js";
import { createSources } from "../sources/index.js";
import { serveRequest } from "../stages/run.js";
import type { MockServices } from "../stages/services.js";
import type { CallerState } from "../stages/types.js";
import { createValidators } from "../validators.js";
import type { Forwarder } from "./forward.js";
import { proxySource } from "./source.js";
import { PROXY_STAGES } from "./stages.js";

export interface ProxyPipeline {
  docs: readonly OpenApiDocument[];
  operations: readonly IndexedOperation[];
  router: Router;
  auth: AuthOption | undefined;
  clock: Clock;
  forwarder: Forwarder;
}

export function createProxyHandler({ docs, operations, router, auth, clock, forwarder }: ProxyPipeline): { handler: (req: IncomingMessage, res: ServerResponse) => void; events: AnswerEvents } {
  const events = new AnswerEvents();
  // The proxy serves no admin routes, so nothing would read a journal: it keeps none.
  const caller: CallerState = { data: new MockData({}), attempts: new AttemptCounter(), clock, journal: new RequestJournal({ size: 0 }) };
  const shapes = new Map(operations.map((op) => [op.operationId, requestShape(docs[op.docIndex]!, op)]));
  const services: MockServices = {
    operations,
    router,
    validators: createValidators(docs),
    sources: createSources(createExampleBuilder(docs, operations), proxySource(forwarder)),
    auth: createAuthCheck(operations, auth),
    limits: { maxBytes: DEFAULT_MAX_BODY_BYTES, idleTimeoutMs: DEFAULT_BODY_TIMEOUT_MS },
    dynamic: false,
    adminRoutes: [],
    // No admin routes to guard, and no `Prefer: delay` in the proxy's stages.
    adminAccess: createAdminAccess({ token: false }),
    events,
    delays: new DelayedAnswers(),
    callerOf: () => caller,
    resetCaller: () => undefined,
    shapeOf: (operation) => shapes.get(operation),
  };
  return { handler: (req, res) => void serveRequest(services, PROXY_STAGES, caller, req, res), events };
}
