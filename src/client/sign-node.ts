/**
 * SigV4 under Node.js: @smithy/signature-v4 (the AWS SDK's own signer) with SHA-256 and HMAC from
 * node:crypto. See sign.ts for why, and how it is kept out of browser bundles; node:crypto comes
 * from `process.getBuiltinModule`, not an import statement, so a browser bundler has nothing to
 * resolve here.
 */
import { SignatureV4 } from "@smithy/signature-v4";
import type * as NodeCrypto from "node:crypto";
// Types only: a value import would make sign.ts a chunk shared with the eager bundle.
import type { Signer } from "./sign.js";

const crypto = process.getBuiltinModule("node:crypto") as typeof NodeCrypto;

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData): string | Uint8Array =>
  typeof data === "string" ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);

/** The `sha256` constructor @smithy/signature-v4 expects: a hash, or an HMAC when given a secret. */
class Sha256 {
  private readonly hash: NodeCrypto.Hash | NodeCrypto.Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? crypto.createHash("sha256") : crypto.createHmac("sha256", bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

export function nodeSigner(service: string, region: string): Signer {
  // One SignatureV4 per credentials: it caches the derived signing key per day.
  const signers = new Map<string, SignatureV4>();
  return async ({ method, url, headers, body, credentials, date }) => {
    const key = `${credentials.accessKeyId}\u0000${credentials.secretAccessKey}\u0000${credentials.sessionToken ?? ""}`;
    let signer = signers.get(key);
    if (!signer) {
      if (signers.size >= 8) signers.clear(); // providers may rotate keys: keep a few, not all
      const { accessKeyId, secretAccessKey, sessionToken } = credentials;
      // applyChecksum off: the SDK's JSON clients send no x-amz-content-sha256 header either; the
      // payload hash is in the canonical request all the same.
      signer = new SignatureV4({ service, region, credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) }, sha256: Sha256, applyChecksum: false });
      signers.set(key, signer);
    }
    const unsigned: Record<string, string> = { host: url.host };
    headers.forEach((value, name) => (unsigned[name] = value));
    const request = { method, protocol: url.protocol, hostname: url.hostname, ...(url.port ? { port: Number(url.port) } : {}), path: url.pathname, query: {}, headers: unsigned, body };
    const signed = await signer.sign(request, date ? { signingDate: date } : {});
    // The transport (or fetch) writes Host from the URL, as it was signed. A plain record: the
    // Node transport sends it as it is, with no Headers object built only to be read back.
    const { host: _host, ...out } = signed.headers;
    return out;
  };
}
