/**
 * The `sha256` constructor @smithy/signature-v4 expects (a hash, or an HMAC when given a secret),
 * on node:crypto: the same approach as the client's src/client/sign-node.ts, which the mock cannot
 * import (it uses aws-ops-contract only through its package exports).
 */
import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData): string | Uint8Array =>
  typeof data === "string" ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);

export class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash("sha256") : createHmac("sha256", bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/** Hex SHA-256 of a request body, to compare with an `x-amz-content-sha256` header. */
export const sha256Hex = (data: Uint8Array): string => createHash("sha256").update(data).digest("hex");
