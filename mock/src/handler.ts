/**
 * The mock's request handler: the operations of the model, the fixed services every request shares
 * (stages/services.ts), the caller state it answers from (stages/types.ts), and the pipeline of named
 * stages each request runs through (stages/index.ts). Every answer emits one AnswerEvent
 * (journal/); the log line is one subscriber. Every refusal is written in the protocol's own error
 * format (protocol.ts), and nothing a client sends can make it hang or throw.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { bundledModel, loadSpecs, operationsOf, requestShape, type IndexedOperation, type OpenApiDocument, type Protocol, type Shape, type SpecSource } from "aws-ops-contract/model";
import { createAdminAccess, type AdminAccessOptions } from "./admin/access.js";
import { ADMIN_ROUTES } from "./admin/routes.js";
import { createAuthCheck, type AuthOption } from "./auth/index.js";
import type { Clock } from "./clock/clock.js";
import { MockClock, type ClockOption } from "./clock/mock-clock.js";
import { isAdminPath } from "./admin/router.js";
import { callerStates } from "./callers/state.js";
import { CallerRegistry, checkIsolation, type Isolation } from "./callers/registry.js";
import { localControl, type MockControl } from "./control.js";
import type { DataSet, DataSource } from "./data/index.js";
import { DelayedAnswers } from "./faults/delays.js";
import { AnswerEvents } from "./journal/events.js";
import { logLine } from "./journal/log.js";
import { journalSubscriber } from "./journal/record.js";
import { resolveJournalOptions, type JournalOptions } from "./journal/request-journal.js";
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
  /**
   * The mock's time: the data set's timelines and relative times, `Date` headers, the signing
   * window, `Prefer: delay`. `"real"` (default: the machine's time), `"manual"` (still until a test
   * moves it, from the real time of start), a manual clock's start (a Date or ISO 8601 text), or a
   * Clock of the caller's own (clock/).
   */
  clock?: ClockOption | Clock;
  /**
   * The request journal's bounds: `{ size }` entries (default DEFAULT_JOURNAL_SIZE; 0 turns it off)
   * holding at most `{ maxBytes }` of bodies and headers (default DEFAULT_JOURNAL_BYTES).
   */
  journal?: JournalOptions;
  /**
   * `"accessKeyId"`: each access key ID (of the requests' SigV4 credential scope) gets its own data
   * set, journal and fault counters, for parallel tests against one mock. Default `"none"`: one
   * state for every caller.
   */
  isolation?: Isolation;
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
  /** The journal, verification, reset and record changes of one caller's state (the shared one without an access key ID). */
  control(accessKeyId?: string): MockControl;
  /** The data set served now (what `GET /_mock/data` answers). */
  dataSet(): DataSet;
  /** With signature checking on, the token the admin API (`/_mock/`) takes (`Authorization: Bearer <token>`). */
  readonly adminToken: string | undefined;
}

const isClock = (option: ClockOption | Clock | undefined): option is Clock => typeof option === "object" && !(option instanceof Date);

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

function servedModel(specs: readonly SpecSource[]) {
  const docs = loadSpecs(specs);
  return { docs, operations: operationsOf(docs) };
}

export async function createMockHandler(options: MockHandlerOptions = {}): Promise<MockHandler> {
  // The bundled documents are read once per process (the data set is in their shapes too).
  const { docs, operations } = options.specs ? servedModel(options.specs) : bundledModel();
  const clock = isClock(options.clock) ? options.clock : MockClock.from(options.clock);
  const isolation = checkIsolation(options.isolation);
  const journal = resolveJournalOptions(options.journal);
  const states = callerStates({ data: options.data, clock, journal, isolated: isolation !== "none" });
  const callers = new CallerRegistry<CallerState>(isolation, () => states.create());
  const shapes = shapesOf(docs, operations);
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
    // The admin API acts for the caller `?accessKeyId=` names, else for the request's own credential scope.
    callerOf: (context) => callers.stateFor((isAdminPath(context.path) && adminCaller(context.req.url)) || context.accessKeyId),
    resetCaller: (state) => states.reset(state),
    shapeOf: (operation) => shapes.get(operation),
  };
  const log = options.log === true ? (line: string) => process.stdout.write(`${line}\n`) : options.log || undefined;
  if (log) events.subscribe((event) => log(logLine(event)));
  if (journal.size > 0) events.subscribe(journalSubscriber((event) => callers.stateFor(event.accessKeyId).journal));

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    void serveRequest(mock, STAGES, callers.shared, req, res);
  };
  const control = (accessKeyId?: string): MockControl => {
    const state = (): CallerState => callers.stateFor(accessKeyId);
    // Without isolation every caller shares one journal: a caller's control reads its own entries in it.
    const filter = isolation === "none" && accessKeyId !== undefined ? { accessKeyId } : {};
    return localControl(state, mock.shapeOf, () => states.reset(state()), filter);
  };
  return Object.assign(handler, { operations, protocolOf: (path: string) => router.protocolOf(path), events, clock, control, dataSet: () => callers.shared.data.current.data, adminToken: adminAccess.token });
}

/** `?accessKeyId=` of an admin request's target. */
function adminCaller(url: string | undefined): string | undefined {
  const q = url?.indexOf("?") ?? -1;
  return q === -1 ? undefined : (new URLSearchParams(url!.slice(q + 1)).get("accessKeyId") ?? undefined) || undefined;
}

/** Each operation's request shape, by operation ID. */
function shapesOf(docs: readonly OpenApiDocument[], operations: readonly IndexedOperation[]): Map<string, Shape> {
  return new Map(operations.map((op) => [op.operationId, requestShape(docs[op.docIndex]!, op)]));
}
