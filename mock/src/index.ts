/**
 * The contract mock: the bundled OpenAPI documents served on the real AWS wire, for the official AWS
 * SDKs, the AWS CLI and this package's client, pointed at it with only an endpoint override.
 *
 *   const mock = await startMock({ port: 0 });
 *   new SSMClient({ endpoint: mock.url, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
 *   await mock.close();
 */
import type { AddressInfo } from "node:net";
import { clockControl, type ClockControl } from "./clock/control.js";
import type { MockControl } from "./control.js";
import { exposureWarning } from "./admin/access.js";
import { createMockHandler, type MockHandlerOptions } from "./handler.js";
import type { AnswerEvents } from "./journal/events.js";
import { createMockServer, listen, resolveLimits, type ConnectionLimits } from "./server.js";
import type { DataSet } from "./data/index.js";
import type { SpecSource } from "aws-ops-contract/model";

export { createMockHandler, DEFAULT_BODY_TIMEOUT_MS, DEFAULT_MAX_BODY_BYTES, type MockHandler, type MockHandlerOptions } from "./handler.js";
export { DEFAULT_CONNECTION_LIMITS, framingErrorAnswer, type ConnectionLimits } from "./server.js";
export { DEFAULT_CREDENTIALS, DEFAULT_SIGNING_WINDOW_MS, type AuthOption, type MockCredentials, type SigV4AuthOptions } from "./auth/index.js";
export { MAX_DELAY_MS, MAX_FAILURES } from "./faults/index.js";
export { systemClock, type CancelWait, type Clock } from "./clock/index.js";
export { ClockError, type ClockMode, type ClockOption } from "./clock/mock-clock.js";
export type { ClockControl } from "./clock/control.js";
export { AnswerEvents } from "./journal/events.js";
export type { AnswerEvent, AnswerListener, AnswerPlace, AuthVerdict } from "./journal/event.js";
export type { AnswerSource } from "./sources/types.js";
export type { StageName } from "./stages/types.js";
export { generateDataSet, type GenerateDataSetOptions } from "./generate/index.js";
export type { DataSet, Progressing, TimelineAt, TimelineEntry } from "./data/types.js";
export { connectMock, type ConnectOptions } from "./connect.js";
export type { MockControl } from "./control.js";
export { DEFAULT_MAX_CALLERS, ISOLATION_MODES, type Isolation } from "./callers/registry.js";
export { DEFAULT_JOURNAL_BYTES, DEFAULT_JOURNAL_SIZE, type JournalOptions } from "./journal/request-journal.js";
export type { AnsweredBy, EntryOf, EntryTimings, JournalEntry, OperationEntry, SdkAttemptMarks, SignatureVerdict, UnmatchedEntry } from "./journal/entry.js";
export type { RequestFilter } from "./journal/filters.js";
export { VerificationError, type CountVerification, type InputPattern, type NearMiss, type NthVerification, type RequestPattern, type SequenceVerification, type Times, type Verification, type VerificationResult } from "./verify/verify.js";
export type { Difference } from "./verify/match.js";
export { BUNDLED_SPECS, type BundledSpecName, type OpenApiDocument, type SpecSource } from "aws-ops-contract/model";

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = "127.0.0.1";

/** Options of the handler (body size and timeout, data, log) and of the server (connections and their timeouts, see ConnectionLimits). */
export interface StartMockOptions extends Omit<MockHandlerOptions, "specs">, ConnectionLimits {
  /** Port to listen on; 0 picks a free one. Default 4010. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /** One document to serve (see `specs`). */
  spec?: SpecSource;
  /** The documents to serve. Default: both bundled documents (SSM and Image Builder). */
  specs?: readonly SpecSource[];
}

/**
 * A running mock. As a MockControl it reads and verifies the journal, resets and changes records of
 * the shared state (every caller's, without isolation); `caller(accessKeyId)` does the same for one
 * caller's state.
 */
export interface RunningMock extends MockControl {
  /** The endpoint to give the SDK (`endpoint`) or the AWS CLI (`--endpoint-url`), e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** The data set served now, as `GET /_mock/data` answers it (timestamps in wire form). */
  dataSet(): DataSet;
  /** One AnswerEvent per answer: `mock.events.subscribe((event) => ...)` returns the unsubscribe function. */
  events: AnswerEvents;
  /** The mock's clock: `mock.clock.advance("90s")`, `mock.clock.set(date)`, `mock.clock.now()` (see `clock` in the options). */
  clock: ClockControl;
  /** The journal, verification, reset and records of the caller with this access key ID (with isolation, its own state). */
  caller(accessKeyId: string): MockControl;
  /**
   * With signature checking on (`auth`), the token the admin API (`/_mock/`) takes, as
   * `Authorization: Bearer <token>`; undefined without it.
   */
  adminToken: string | undefined;
  /** Stops listening and closes every open connection. */
  close(): Promise<void>;
}

export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const { port = DEFAULT_PORT, host = DEFAULT_HOST, spec, specs, maxConnections, headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, socketTimeoutMs, ...rest } = options;
  // Checked before any work, so a bad value is reported as itself.
  const limits = resolveLimits({ maxConnections, headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, socketTimeoutMs });
  const handlerOptions: MockHandlerOptions = { ...rest };
  if (specs ?? spec) handlerOptions.specs = specs ?? [spec!];
  const handler = await createMockHandler(handlerOptions);
  const server = createMockServer(handler, { limits, protocolOf: handler.protocolOf, events: handler.events, clock: handler.clock });
  await listen(server, port, host);
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const exposed = exposureWarning(address.address, `http://${hostInUrl}:${address.port}`);
  if (exposed) process.emitWarning(exposed, { code: "MOCK_NOT_LOOPBACK" });
  return {
    ...handler.control(),
    caller: (accessKeyId: string) => handler.control(accessKeyId),
    url: `http://${hostInUrl}:${address.port}`,
    dataSet: () => handler.dataSet(),
    adminToken: handler.adminToken,
    events: handler.events,
    clock: clockControl(handler.clock),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export {
  startProxy,
  DEFAULT_PROXY_PORT,
  HOW_TO_GIVE_CREDENTIALS,
  MissingCredentialsError,
  REDACTIONS,
  type CredentialSource,
  type ProxyCredentials,
  type ProxyExchange,
  type ProxyReport,
  type RecordedDataSet,
  type Redaction,
  type ReportedViolation,
  type RunningProxy,
  type StartProxyOptions,
  type Transport,
  type UpstreamAnswer,
  type ValidationMode,
  type Violation,
} from "./proxy/index.js";
