/**
 * Checks an AWS Signature Version 4 `Authorization` header the way an AWS service does, and says
 * what AWS would answer when it fails. The signature itself is recomputed by the AWS SDK's own
 * signer (@smithy/signature-v4) from the request exactly as it arrived: the headers the client
 * listed in `SignedHeaders` (Host with its port, and `Date` when that dates the request), the path
 * and query as sent, and the body bytes as received; nothing here reimplements the algorithm.
 */
import { timingSafeEqual } from "node:crypto";
import { ALGORITHM_IDENTIFIER, getCanonicalHeaders, getPayloadHash, SignatureV4 } from "@smithy/signature-v4";
import { firstValue } from "../http.js";
import type { MockCredentials } from "./credentials.js";
import { INVALID_TOKEN, SIGNATURE_MISMATCH, type AuthFailure } from "./failures.js";
import { NodeSha256, sha256Hex } from "./sha256.js";

export const ALGORITHM = "AWS4-HMAC-SHA256";

/** A request as it arrived on the wire. */
export interface ArrivedRequest {
  method: string;
  /** The request target as sent: path and query, still percent-encoded. */
  url: string;
  /** Header values by lower-case name (Node's `headersDistinct`). */
  headers: Record<string, string[] | undefined>;
  body: Uint8Array;
}

export interface SigV4Expectation {
  /** The service name the credential scope must carry: `ssm`, `imagebuilder`. */
  service: string;
  credentials: ReadonlyMap<string, MockCredentials>;
  windowMs: number;
  /** The server's clock, in epoch milliseconds. */
  now: number;
}

const incomplete = (message: string): AuthFailure => ({ name: "IncompleteSignatureException", message });
const invalid = (message: string): AuthFailure => ({ name: "InvalidSignatureException", message });

/** `20260304T101112Z`, the ISO 8601 basic format of `X-Amz-Date`. */
export const basicDate = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

function parseBasicDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return basicDate(ms) === text ? ms : undefined; // rejects 20261341T...
}

type SignableRequest = Parameters<SignatureV4["presign"]>[0];

/**
 * The SDK's signer, used step by step: its `sign(request)` builds the canonical headers itself and
 * drops a `Date` header (it always dates requests by X-Amz-Date), so a request a client dated by
 * `Date` could not be reproduced. The canonical request and string to sign come from the signer's
 * own methods (protected: for subclasses such as this one), and the signature from its public
 * `sign(stringToSign)`, with the signing key it derives and caches.
 */
class CheckingSigner extends SignatureV4 {
  async signatureOf(request: SignableRequest, signedNames: readonly string[], payloadHash: string, at: { signingDate: Date; longDate: string; scope: string; region: string; service: string }) {
    const canonicalHeaders = getCanonicalHeaders(request, undefined, new Set(signedNames));
    const canonicalRequest = this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
    const stringToSign = await this.createStringToSign(at.longDate, at.scope, canonicalRequest, ALGORITHM_IDENTIFIER);
    const signature = await this.sign(stringToSign, { signingDate: at.signingDate, signingRegion: at.region, signingService: at.service });
    return { canonicalRequest, stringToSign, signature };
  }
}

// One signer per access key: SignatureV4 caches the derived signing key per day and scope.
const signers = new WeakMap<MockCredentials, CheckingSigner>();
function signerFor(credentials: MockCredentials): CheckingSigner {
  let signer = signers.get(credentials);
  if (!signer) {
    // region and service here are placeholders: each check passes the credential scope's own.
    signer = new CheckingSigner({ service: "placeholder", region: "placeholder", credentials, sha256: NodeSha256, applyChecksum: false });
    signers.set(credentials, signer);
  }
  return signer;
}

/** Undefined when the request is signed correctly; otherwise what AWS answers. */
export async function checkSigV4(request: ArrivedRequest, expect: SigV4Expectation, missing: () => AuthFailure): Promise<AuthFailure | undefined> {
  // Two Authorization headers are one field to HTTP (RFC 9110, section 5.3): AWS reads them joined
  // with a comma, which no valid signature is, and answers that the second algorithm name is not a
  // key=value pair.
  const authorization = request.headers["authorization"]?.join(", ");
  if (authorization === undefined) return missing();

  // 1. The header's shape: `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`.
  const space = authorization.trim().search(/\s/);
  const algorithm = space === -1 ? authorization.trim() : authorization.trim().slice(0, space);
  const rest = space === -1 ? "" : authorization.trim().slice(space + 1);
  const amzDate = firstValue(request.headers["x-amz-date"]);
  const httpDate = firstValue(request.headers["date"]);
  const params = new Map<string, string>();
  if (algorithm.startsWith("AWS4-") && algorithm !== ALGORITHM) return incomplete(`Unsupported AWS 'algorithm': '${algorithm}'`);
  if (algorithm === ALGORITHM) {
    // Split at commas and at white space, as AWS does: `Credential= AKID/...` is refused as
    // `'AKID/...' not a valid key=value pair`.
    for (const part of rest.split(/[\s,]+/)) {
      const pair = part.trim();
      if (pair === "") continue;
      const eq = pair.indexOf("=");
      if (eq === -1) return incomplete(`'${pair}' not a valid key=value pair (missing equal-sign) in Authorization header: '${authorization}'.`);
      params.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }
  const requirements = [
    ...["Credential", "Signature", "SignedHeaders"].filter((key) => !params.get(key)).map((key) => `Authorization header requires '${key}' parameter.`),
    ...(amzDate === undefined && httpDate === undefined ? ["Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."] : []),
  ];
  if (requirements.length > 0) return incomplete(`${requirements.join(" ")} Authorization=${authorization}`);

  // 2. The signing time: X-Amz-Date (ISO 8601 basic) or else the HTTP Date header.
  let signedAt: number | undefined;
  if (amzDate !== undefined) {
    signedAt = parseBasicDate(amzDate);
    if (signedAt === undefined) return incomplete(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`);
  } else {
    const parsed = Date.parse(httpDate!);
    if (Number.isNaN(parsed)) return incomplete(`Date must be an HTTP date such as 'Wed, 04 Mar 2026 10:11:12 GMT'. Got '${httpDate}'.`);
    signedAt = parsed;
  }
  const longDate = basicDate(signedAt);

  // 3. The credential scope: AKID/yyyymmdd/region/service/aws4_request, for this service and day.
  const credential = params.get("Credential")!;
  const scope = credential.split("/");
  if (scope.length !== 5) return incomplete(`Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`);
  const [accessKeyId, scopeDate, region, service, terminator] = scope as [string, string, string, string, string];
  if (terminator !== "aws4_request") return invalid(`Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`);
  if (region === "") return invalid("Credential should be scoped to a valid region, not ''. ");
  if (service !== expect.service) return invalid(`Credential should be scoped to correct service: '${expect.service}'. `);
  if (scopeDate !== longDate.slice(0, 8)) {
    return invalid(`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${longDate.slice(0, 8)}', from '${longDate}'.`);
  }

  // 4. What must be signed: Host, and the header that carries the signing time.
  const signedNames = params.get("SignedHeaders")!.split(";");
  if (!signedNames.includes("host")) return incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  const dateHeader = amzDate !== undefined ? "x-amz-date" : "date";
  if (!signedNames.includes(dateHeader)) return incomplete(`'${amzDate !== undefined ? "X-Amz-Date" : "Date"}' must be a 'SignedHeader' in the AWS Authorization.`);

  // 5. Who signed: a known access key, with its session token when it has one.
  const known = expect.credentials.get(accessKeyId);
  if (!known) return { name: "UnrecognizedClientException", message: INVALID_TOKEN };
  const token = firstValue(request.headers["x-amz-security-token"]);
  if (token !== known.sessionToken) return { name: "UnrecognizedClientException", message: INVALID_TOKEN };

  // Every x-amz-* header the request carries must be signed, as the SigV4 specification says and S3
  // enforces; otherwise an unsigned X-Amz-Target could send a signed body to another operation.
  // X-Amz-Content-Sha256 is the payload hash, checked against the body below, as S3 exempts it.
  const unsigned = Object.keys(request.headers).find((name) => name.startsWith("x-amz-") && name !== "x-amz-content-sha256" && !signedNames.includes(name));
  if (unsigned !== undefined) return incomplete(`'${headerCase(unsigned)}' must be a 'SignedHeader' in the AWS Authorization.`);

  // 6. When: within the window around the server's clock (the SDKs correct their clock from the
  //    answer's Date header and retry).
  const minutes = `${expect.windowMs / 60_000} min.`;
  if (signedAt < expect.now - expect.windowMs) {
    return invalid(`Signature expired: ${longDate} is now earlier than ${basicDate(expect.now - expect.windowMs)} (${basicDate(expect.now)} - ${minutes})`);
  }
  if (signedAt > expect.now + expect.windowMs) {
    return invalid(`Signature not yet current: ${longDate} is still later than ${basicDate(expect.now + expect.windowMs)} (${basicDate(expect.now)} + ${minutes})`);
  }

  // 7. The payload: a declared hash must be the hash of the bytes that arrived (the signer would
  //    otherwise trust the header).
  const declaredHash = firstValue(request.headers["x-amz-content-sha256"]);
  if (declaredHash !== undefined && declaredHash !== sha256Hex(request.body)) return invalid(SIGNATURE_MISMATCH);

  // 8. The signature, recomputed by the SDK's signer over exactly what the client listed.
  const [pathPart = "/", queryPart = ""] = splitTarget(request.url);
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(queryPart)) {
    const prior = query[key];
    query[key] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  const headers: Record<string, string> = {};
  for (const name of signedNames) {
    const values = request.headers[name];
    if (values !== undefined) headers[name] = values.join(",");
  }
  const [hostname = "", port] = (headers["host"] ?? "").split(":");
  const signable: SignableRequest = { method: request.method, protocol: "http:", hostname, ...(port ? { port: Number(port) } : {}), path: pathPart, query, headers, body: request.body };
  const scopeText = `${scopeDate}/${region}/${service}/${terminator}`;
  let expected: { canonicalRequest: string; stringToSign: string; signature: string };
  try {
    const payloadHash = await getPayloadHash(signable, NodeSha256);
    expected = await signerFor(known).signatureOf(signable, signedNames, payloadHash, { signingDate: new Date(signedAt), longDate, scope: scopeText, region, service });
  } catch {
    return invalid(SIGNATURE_MISMATCH);
  }
  const given = Buffer.from(params.get("Signature")!, "utf8");
  const wanted = Buffer.from(expected.signature, "utf8");
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    // As AWS does, the refusal shows what the server signed, so a client's author can compare.
    return invalid(`${SIGNATURE_MISMATCH}\n\nThe Canonical String for this request should have been\n'${expected.canonicalRequest}'\n\nThe String-to-Sign should have been\n'${expected.stringToSign}'\n`);
  }
  return undefined;
}

/** `x-amz-target` -> `X-Amz-Target`, as AWS names headers in its messages. */
const headerCase = (name: string): string => name.replace(/(^|-)([a-z])/g, (_all, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`);

function splitTarget(url: string): [string, string] {
  const q = url.indexOf("?");
  return q === -1 ? [url, ""] : [url.slice(0, q), url.slice(q + 1)];
}
