/**
 * The mock's request handler: the operations of the model, the fixed services every request shares
 * (stages/services.ts), the caller state it answers from (stages/types.ts), and the pipeline of named
 * stages each request runs through (stages/index.ts). Every answer emits one AnswerEvent
 * (journal/); the log line is one subscriber. Every refusal is written in the protocol's own error
 * format (protocol.ts), and nothing a client sends can make it hang or throw.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { bundledModel, loadSpecs, operationsOf, type IndexedOperation, type Protocol, type SpecSource } from "aws-ops-contract/model";
import { createAdminAccess, type AdminAccessOptions } from "./admin/access.js";
import { ADMIN_ROUTES } from "./admin/routes.js";
import { createAuthCheck, type AuthOption } from "./auth/index.js";
import type { Clock } from "./clock/clock.js";
import { systemClock } from "./clock/system.js";
import { MockData, type DataSet, type DataSource } from "./data/index.js";
import { AttemptCounter } from "./faults/attempts.js";
import { DelayedAnswers } from "./faults/delays.js";
import { AnswerEvents } from "./journal/events.js";
import { logLine } from "./journal/log.js";
import { Router } from "./operations.js";
import { createExampleBuilder } from "./sources/example.js";
import { createSources } from "./sources/index.js";
import { STAGES } from "./stages/index.js";
import { serveRequest } from "./stages/run.js";
import type { MockServices } from "./stages/services.js";
import type { CallerState } from "./stages/types.js";
import { createValidators } from "./validators.js";

export interface MockHandlerOptions {
  /** The documents to serve: bundled names (`"ssm"`, `"imagebuilder"`), JSON files or parsed documents. Default: both bundled. */
  specs?: readonly SpecSource[];
  /**
   * The data set the operations answer from: a JSON or YAML file's path, or the object. Default: the
   * one built from the spec's examples. An invalid one is refused (the handler is not created).
   */
  data?: DataSource;
  /** Answer valid requests with generated data instead of the data set (per request: `Prefer: dynamic=true`). */
  dynamic?: boolean;
  /** `true` writes one line per answer to stdout; a function receives each line instead. */
  log?: boolean | ((line: string) => void);
  /** Largest request body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Longest wait for the next chunk of a request body, in milliseconds (default 10 s). */
  bodyTimeoutMs?: number;
  /** Signature checking: `"sigv4"` (default credentials) or `{ type: "sigv4", credentials }`; default `"none"`. See auth/. */
  auth?: AuthOption;
  /** Who besides local, non-browser clients may use the admin API (`/_mock/`): browser origins, more Host names. See admin/access.ts. */
  admin?: AdminAccessOptions;
  /** The mock's time: `Date` headers, the signing window, `Prefer: delay`. Default: the machine's (clock/). */
  clock?: Clock;
}

export interface MockHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  readonly operations: readonly IndexedOperation[];
  /** The protocol whose error format answers a request for `path` (what the server needs for answers it writes itself). */
  protocolOf(path: string): Protocol;
  /** Every answer's AnswerEvent: `events.subscribe(listener)`. */
  readonly events: AnswerEvents;
  /** The data set served now (what `GET /_mock/data` answers). */
  dataSet(): DataSet;
  readonly clock: Clock;
  /** With signature checking on, the token the admin API (`/_mock/`) takes (`Authorization: Bearer <token>`). */
  readonly adminToken: string | undefined;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

function servedModel(specs: readonly SpecSource[]) {
  const docs = loadSpecs(specs);
  return { docs, operations: operationsOf(docs) };
}

export async function createMockHandler(options: MockHandlerOptions = {}): Promise<MockHandler> {
  // The bundled documents are read once per process (the data set is in their shapes too).
  const { docs, operations } = options.specs ? servedModel(options.specs) : bundledModel();
  const clock = options.clock ?? systemClock;
  const caller: CallerState = { data: new MockData(options.data), attempts: new AttemptCounter(), clock };
  const events = new AnswerEvents();
  const router = new Router(operations);
  const auth = createAuthCheck(operations, options.auth);
  const adminAccess = createAdminAccess({ ...options.admin, token: auth !== undefined });
  const mock: MockServices = {
    operations,
    router,
    validators: createValidators(docs),
    sources: createSources(createExampleBuilder(docs, operations)),
    auth,
    limits: {
      maxBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      idleTimeoutMs: options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
    },
    dynamic: options.dynamic ?? false,
    adminRoutes: ADMIN_ROUTES,
    adminAccess,
    events,
    delays: new DelayedAnswers(),
    callerOf: () => caller,
  };
  const log = options.log === true ? (line: string) => process.stdout.write(`${line}\n`) : options.log || undefined;
  if (log) events.subscribe((event) => log(logLine(event)));

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    void serveRequest(mock, STAGES, caller, req, res);
  };
  return Object.assign(handler, { operations, protocolOf: (path: string) => router.protocolOf(path), events, clock, dataSet: () => caller.data.current.data, adminToken: adminAccess.token });
}
