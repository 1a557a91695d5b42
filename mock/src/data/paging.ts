/**
 * Pages and pagination tokens. A token is opaque to the client: the offset of the next record and
 * an HMAC that binds it to the mock that issued it (a random key per mock), to the data set it was
 * issued for (replacing the data set retires the old tokens, as a service's tokens expire), and to
 * the query it continues (every request member but the token and the page size). Anything else is
 * refused, so a client that sends a made-up token or mixes up its queries finds out, as it would
 * against the service. Checking one costs one HMAC of a few dozen bytes.
 */
import { createHmac, randomBytes } from "node:crypto";

export interface Page<T> {
  items: readonly T[];
  /** The token for the next page; absent on the last page. */
  nextToken?: string;
}

export type TokenCheck = { ok: true; offset: number } | { ok: false };

const MAC_BYTES = 12;

export class TokenIssuer {
  private readonly key = randomBytes(32);

  private mac(generation: number, query: string, offset: number): Buffer {
    return createHmac("sha256", this.key).update(`${generation}\u0000${offset}\u0000${query}`).digest().subarray(0, MAC_BYTES);
  }

  issue(generation: number, query: string, offset: number): string {
    const bytes = Buffer.alloc(4 + MAC_BYTES);
    bytes.writeUInt32BE(offset, 0);
    this.mac(generation, query, offset).copy(bytes, 4);
    return bytes.toString("base64url");
  }

  check(generation: number, query: string, token: string): TokenCheck {
    if (token.length !== Math.ceil(((4 + MAC_BYTES) * 4) / 3) || !/^[A-Za-z0-9_-]+$/.test(token)) return { ok: false };
    const bytes = Buffer.from(token, "base64url");
    // Only the canonical spelling: base64's last character carries spare bits a decoder ignores.
    if (bytes.length !== 4 + MAC_BYTES || bytes.toString("base64url") !== token) return { ok: false };
    const offset = bytes.readUInt32BE(0);
    return this.mac(generation, query, offset).equals(bytes.subarray(4)) ? { ok: true, offset } : { ok: false };
  }
}

/** The query a token belongs to: the request without its token and page size, members in a fixed order. */
export function queryKey(operation: string, body: Record<string, unknown>, tokenMember: string, sizeMember: string): string {
  const parts: string[] = [operation];
  for (const key of Object.keys(body).sort()) {
    if (key !== tokenMember && key !== sizeMember) parts.push(`${key}=${JSON.stringify(body[key])}`);
  }
  return parts.join("\u0000");
}

export interface PageRequest {
  generation: number;
  query: string;
  /** The token the client sent, if any. */
  token: string | undefined;
  size: number;
}

/**
 * One page of `list`, or undefined when the token is not one this mock issued for this query and
 * data set (or points past the end).
 */
export function pageOf<T>(issuer: TokenIssuer, list: readonly T[], request: PageRequest): Page<T> | undefined {
  let offset = 0;
  if (request.token !== undefined && request.token !== "") {
    const checked = issuer.check(request.generation, request.query, request.token);
    if (!checked.ok || checked.offset > list.length) return undefined;
    offset = checked.offset;
  }
  const end = offset + request.size;
  const items = list.slice(offset, end);
  return end < list.length ? { items, nextToken: issuer.issue(request.generation, request.query, end) } : { items };
}
