/**
 * One request forwarded: checked against the contract, signed again for the upstream, sent, the
 * answer checked and (when successful) recorded. What the caller gets back is the upstream's answer
 * as it came, or, when the upstream cannot be reached, a 5xx in the protocol's format.
 */
import type { IndexedOperation } from "aws-ops-contract/model";
import { errorResponse, type WireResponse } from "../protocol.js";
import type { ValidationMode } from "./contract.js";
import type { CredentialSource } from "./credentials.js";
import type { Recorder } from "./recorder.js";
import type { ViolationReport } from "./report.js";
import { resign, type ArrivedRequest } from "./resign.js";
import type { Transport, UpstreamAnswer } from "./transport.js";
import { answerViolations, decodedBody, requestViolations, type Violation } from "./violations.js";

/** What forwarding needs, fixed for the proxy's life. */
export interface Forwarder {
  /** Each document's upstream endpoint and signing name, by document index. */
  upstreams: ReadonlyArray<{ endpoint: URL; service: string }>;
  region: string;
  credentials: CredentialSource;
  transport: Transport;
  now: () => number;
  validation: ValidationMode;
  report: ViolationReport;
  recorder: Recorder | undefined;
  /** Told of every forwarded exchange's status and violations. */
  onExchange?: ((exchange: ProxyExchange) => void) | undefined;
}

/** One forwarded request, as reported: no header, no body. */
export interface ProxyExchange {
  operation: string;
  /** The upstream's status, or undefined when it never answered. */
  status: number | undefined;
  violations: Violation[];
}

export type Forwarded = { upstream: UpstreamAnswer; violations: Violation[] } | { own: WireResponse; violations: Violation[] };

export async function forward(forwarder: Forwarder, op: IndexedOperation, request: ArrivedRequest): Promise<Forwarded> {
  const violations = requestViolations(op, request.body, forwarder.validation);
  const upstream = forwarder.upstreams[op.docIndex]!;
  const outgoing = await resign(request, { endpoint: upstream.endpoint, service: upstream.service, region: forwarder.region, credentials: await forwarder.credentials(), now: forwarder.now() });
  let answer: UpstreamAnswer | undefined;
  let failure: string | undefined;
  try {
    answer = await forwarder.transport(outgoing);
  } catch (error) {
    failure = (error as Error).message;
  }
  if (answer) violations.push(...answerViolations(op, answer, forwarder.validation));
  forwarder.report.add(violations);
  forwarder.report.forwarded(op.operationId, answer?.status);
  forwarder.onExchange?.({ operation: op.operationId, status: answer?.status, violations });
  if (!answer) {
    // A 5xx: the SDKs retry it, as they would a service that failed to answer.
    const message = `The proxy could not reach ${outgoing.url.origin}: ${failure}`;
    return { own: errorResponse(op.protocol, { status: 502, name: "InternalFailure", message }, { mediaType: op.mediaType }), violations };
  }
  if (forwarder.recorder && answer.status >= 200 && answer.status < 300) record(forwarder.recorder, op.operationId, request.body, answer);
  return { upstream: answer, violations };
}

function record(recorder: Recorder, operationId: string, requestBytes: Uint8Array, answer: UpstreamAnswer): void {
  try {
    const request = requestBytes.length === 0 ? {} : JSON.parse(Buffer.from(requestBytes).toString("utf8"));
    recorder.add(operationId, request, JSON.parse(decodedBody(answer).toString("utf8")));
  } catch {
    // Not JSON: nothing to record (the violations say why).
  }
}
