/**
 * Proxy mode: the mock's wire in front of the real service. `startProxy({ region })` (and the bin's
 * `aws-ops-contract-mock proxy --region us-east-1`) listens like the mock; the SDKs, the AWS CLI and
 * this package's client point at it with an endpoint override; each request to one of the five
 * operations is checked against the contract, signed again with the proxy's own credentials (the
 * SDK's credential chain), forwarded to the service's regional endpoint (or `endpointUrl`), and the
 * service's answer is checked and passed back unchanged. Violations go to a JSON report; successful
 * answers can be recorded as a redacted data set that `--data` loads.
 */
import type { AddressInfo } from "node:net";
import { bundledModel } from "aws-ops-contract/model";
import type { AuthOption } from "../auth/index.js";
import type { AnswerEvents } from "../journal/events.js";
import type { Clock } from "../clock/clock.js";
import { systemClock } from "../clock/system.js";
import { logLine } from "../journal/log.js";
import { Router } from "../operations.js";
import { createMockServer, listen, resolveLimits } from "../server.js";
import type { ValidationMode } from "./contract.js";
import { acceptedSecrets, resolveCredentials, secretsOf, type CredentialSource, type ProxyCredentials } from "./credentials.js";
import { checkRegion, isLoopback, upstreamUrl } from "./endpoint.js";
import { createProxyHandler } from "./pipeline.js";
import type { ProxyExchange } from "./forward.js";
import { describeRecording, Recorder, type RecordedDataSet } from "./recorder.js";
import { writeJsonFile } from "./files.js";
import { redactDataSet, REDACTIONS, type Redaction } from "./redact.js";
import { ViolationReport, type ProxyReport } from "./report.js";
import { nodeTransport, type Transport } from "./transport.js";

export { HOW_TO_GIVE_CREDENTIALS, MissingCredentialsError, type CredentialSource, type ProxyCredentials } from "./credentials.js";
export { REDACTIONS, type Redaction } from "./redact.js";
export type { ProxyReport, ReportedViolation } from "./report.js";
export type { Violation } from "./violations.js";
export type { ValidationMode } from "./contract.js";
export type { Transport, UpstreamAnswer } from "./transport.js";
export type { ProxyExchange } from "./forward.js";
export type { RecordedDataSet } from "./recorder.js";

export const DEFAULT_PROXY_PORT = 4011;

export interface StartProxyOptions {
  /** The region whose endpoints the proxy forwards to (`us-east-1`); it also scopes the new signatures. */
  region: string;
  /** Port to listen on; 0 picks a free one. Default 4011. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /** One endpoint for both services instead of their regional ones (a VPC endpoint, a local stand-in). */
  endpointUrl?: string;
  /** Write the recorded data set here when the proxy stops. */
  record?: string;
  /** Write the violation report (JSON) here when the proxy stops. */
  report?: string;
  /** The redactions applied to the recording. Default: all of REDACTIONS. */
  redact?: readonly Redaction[];
  /** `compatible` (default): unknown members and enum values are reported as not breaking; `strict`: every violation breaks. */
  validation?: ValidationMode;
  /** Check the callers' signatures as the mock does (`"sigv4"`, or with the accepted credentials). Default `"none"`. */
  auth?: AuthOption;
  /** A profile of the shared config and credentials files for the credential chain (default: AWS_PROFILE). */
  profile?: string;
  /** Credentials or a provider instead of the chain (such as an SDK provider: fromIni(), fromTemporaryCredentials()). */
  credentials?: ProxyCredentials | CredentialSource;
  /** How requests reach the upstream (default node:http/https, 30 s per request). */
  transport?: Transport;
  /** "Now" for signing, the signature check, `Date` of the proxy's own answers and the report (default the machine's clock). */
  clock?: Clock;
  /** `true` writes one line per request to stdout; a function receives each line instead. */
  log?: boolean | ((line: string) => void);
  /** Told of every forwarded request's status and violations. */
  onExchange?: (exchange: ProxyExchange) => void;
}

export interface RunningProxy {
  /** The endpoint to give the SDK (`endpoint`) or the AWS CLI (`--endpoint-url`). */
  url: string;
  /** One AnswerEvent per answer, as the mock's; a forwarded request's carries its `violations`. */
  events: AnswerEvents;
  /** Where each service is forwarded to, by signing name (`ssm`, `imagebuilder`). */
  upstreams: Record<string, string>;
  /** Where the credentials came from: given, the SDK's chain, or the mock's default pair (loopback targets only). */
  credentialsFrom: "given" | "chain" | "mock default";
  /** The report so far. */
  report(): ProxyReport;
  /** The recording so far, redacted as it will be written. */
  recording(): RecordedDataSet;
  /** The report's summary lines. */
  summary(): string;
  /** Stops listening, writes the report and the recording (when asked for) and returns the report. */
  close(): Promise<ProxyReport>;
}

export async function startProxy(options: StartProxyOptions): Promise<RunningProxy> {
  const region = checkRegion(options.region);
  const validation = options.validation ?? "compatible";
  if (validation !== "compatible" && validation !== "strict") throw new Error(`validation must be compatible or strict (got ${JSON.stringify(validation)})`);
  const redactions = new Set(options.redact ?? REDACTIONS);
  for (const name of redactions) if (!(REDACTIONS as readonly string[]).includes(name)) throw new Error(`redact: unknown redaction '${name}'; use ${REDACTIONS.join(", ")}`);

  const { docs, operations } = bundledModel();
  const router = new Router(operations);
  const upstreams = docs.map((doc, index) => {
    const service = operations.find((op) => op.docIndex === index)?.signingName;
    if (!service) throw new Error(`Cannot sign for ${doc.info?.title ?? "a document"}: its first servers URL should be https://<service>.{region}.amazonaws.com`);
    return { endpoint: upstreamUrl(doc, region, options.endpointUrl), service };
  });
  const loopback = upstreams.every((upstream) => isLoopback(upstream.endpoint));
  const credentials = await resolveCredentials({ profile: options.profile, credentials: options.credentials }, loopback);
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const endpoints = Object.fromEntries(upstreams.map((u) => [u.service, u.endpoint.href]));
  const report = new ViolationReport({ validation, region, endpoints }, now);
  const recorder = options.record === undefined ? undefined : new Recorder();
  const log = options.log === true ? (line: string) => process.stdout.write(`${line}\n`) : options.log || undefined;

  // Every secret the proxy holds or accepts, so that none can reach the recording.
  const secrets = new Set<string>();
  const remember = (given: ProxyCredentials): ProxyCredentials => {
    for (const secret of secretsOf(given)) secrets.add(secret);
    return given;
  };
  await credentials.source().then(remember);
  for (const secret of acceptedSecrets(options.auth)) secrets.add(secret);

  const forwarder = {
    upstreams,
    region,
    credentials: async () => remember(await credentials.source()),
    transport: options.transport ?? nodeTransport(),
    now,
    validation,
    report,
    recorder,
    onExchange: options.onExchange,
  };
  const { handler, events } = createProxyHandler({ docs, operations, router, auth: options.auth, clock, forwarder });
  if (log) events.subscribe((event) => log(`${logLine(event)}${event.violations?.length ? ` (${event.violations.length} violation${event.violations.length === 1 ? "" : "s"})` : ""}`));
  const server = createMockServer(handler, { limits: resolveLimits({}), protocolOf: (path) => router.protocolOf(path), events, clock });
  await listen(server, options.port ?? DEFAULT_PROXY_PORT, options.host ?? "127.0.0.1");
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const recording = (): RecordedDataSet => redactDataSet(recorder?.toDataSet() ?? new Recorder().toDataSet(), { redactions, secrets: [...secrets] });
  let closed: Promise<ProxyReport> | undefined;
  let recordingLine: string | undefined;

  return {
    url: `http://${hostInUrl}:${address.port}`,
    events,
    upstreams: endpoints,
    credentialsFrom: credentials.from,
    report: () => report.toJSON(),
    recording,
    summary: () => [report.summary(), ...(recordingLine ? [recordingLine] : [])].join("\n"),
    close: () =>
      (closed ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }).then(() => {
        report.finish();
        if (options.report !== undefined) report.write(options.report);
        if (options.record !== undefined) {
          const recorded = recording();
          writeJsonFile(options.record, recorded);
          recordingLine = describeRecording(options.record, recorded);
        }
        return report.toJSON();
      })),
  };
}
