/**
 * Pages and pagination tokens, for every listing the mock answers (a loaded data set or one
 * generated for `Prefer: dynamic=true`). A token is opaque to the client: the offset of the next
 * record and an HMAC that binds it to the mock that issued it (a random key per issuer), to the data
 * set it was issued for (replacing the data set retires the old tokens, as a service's tokens
 * expire), and to the query it continues (every request member but the token and the page size).
 * Anything else is refused, so a client that sends a made-up token or mixes up its queries finds out,
 * as it would against the service. Checking one costs one HMAC of a few dozen bytes. A token may also
 * carry a short text under the same HMAC (a generated listing's seed), read back with `carriedBy`.
 *
 * Page sizes are the spec's: a request without `MaxResults`/`maxResults` gets the documented default,
 * and where the spec documents none, its maximum. An answer is also kept within 64 KB: a page stops
 * early (with a token) rather than grow past it, as SSM stops a page at its size limit.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { Pagination } from "aws-ops-contract/model";

/** The most an answer may hold. A single record larger than that is still sent, alone, so paging always moves on. */
export const ANSWER_LIMIT_BYTES = 64 * 1024;
/** The page size for an operation whose spec documents neither a default nor a maximum page size. */
const FALLBACK_PAGE_SIZE = 50;

export interface Page {
  /** The wire JSON of each record of the page. */
  items: string[];
  /** The token for the next page; absent on the last page. */
  nextToken?: string;
}

export type TokenCheck = { ok: true; offset: number } | { ok: false };

const MAC_BYTES = 12;
const HEAD_BYTES = 4 + MAC_BYTES;

export class TokenIssuer {
  private readonly key = randomBytes(32);

  private mac(generation: number | string, query: string, offset: number, carry: string): Buffer {
    return createHmac("sha256", this.key).update(`${generation}\u0000${offset}\u0000${carry}\u0000${query}`).digest().subarray(0, MAC_BYTES);
  }

  issue(generation: number | string, query: string, offset: number, carry = ""): string {
    const extra = Buffer.from(carry, "utf8");
    const bytes = Buffer.alloc(HEAD_BYTES + extra.length);
    bytes.writeUInt32BE(offset, 0);
    this.mac(generation, query, offset, carry).copy(bytes, 4);
    extra.copy(bytes, HEAD_BYTES);
    return bytes.toString("base64url");
  }

  check(generation: number | string, query: string, token: string, carry = ""): TokenCheck {
    const bytes = decode(token);
    if (!bytes || bytes.subarray(HEAD_BYTES).toString("utf8") !== carry) return { ok: false };
    const offset = bytes.readUInt32BE(0);
    return this.mac(generation, query, offset, carry).equals(bytes.subarray(4, HEAD_BYTES)) ? { ok: true, offset } : { ok: false };
  }
}

function decode(token: string): Buffer | undefined {
  if (token.length < Math.ceil((HEAD_BYTES * 4) / 3) || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  const bytes = Buffer.from(token, "base64url");
  // Only the canonical spelling: base64's last character carries spare bits a decoder ignores.
  return bytes.length >= HEAD_BYTES && bytes.toString("base64url") === token ? bytes : undefined;
}

/** The text a token carries (unchecked: `check` verifies it), or undefined for what is not a token of this form. */
export function carriedBy(token: unknown): string | undefined {
  const bytes = typeof token === "string" ? decode(token) : undefined;
  return bytes && bytes.length > HEAD_BYTES ? bytes.subarray(HEAD_BYTES).toString("utf8") : undefined;
}

/** The query a token belongs to: the request without its token and page size, members in a fixed order. */
export function queryKey(operation: string, body: Record<string, unknown>, tokenMember: string, sizeMember: string): string {
  const parts: string[] = [operation];
  for (const key of Object.keys(body).sort()) {
    if (key !== tokenMember && key !== sizeMember) parts.push(`${key}=${JSON.stringify(body[key])}`);
  }
  return parts.join("\u0000");
}

export interface Paging {
  /** The request members of the token and of the page size (`NextToken`, `MaxResults`). */
  tokenMember: string;
  sizeMember: string;
  /** The page size when the request gives none. */
  defaultSize: number;
}

/** An operation's paging members and default page size, from the model's `pagination`; undefined when it does not page. */
export function pagingOf(pagination: Pagination | undefined): Paging | undefined {
  if (!pagination) return undefined;
  const limit = pagination.limit;
  return { tokenMember: pagination.inputToken, sizeMember: limit?.member ?? "MaxResults", defaultSize: limit?.default ?? limit?.maximum ?? FALLBACK_PAGE_SIZE };
}

/** The page size a request asks for, or the operation's default (1 for an operation that does not page). */
export function pageSizeOf(paging: Paging | undefined, body: Record<string, unknown>): number {
  if (!paging) return 1;
  const asked = body[paging.sizeMember];
  return typeof asked === "number" && Number.isInteger(asked) && asked > 0 ? asked : paging.defaultSize;
}

export interface PageRequest {
  generation: number | string;
  query: string;
  /** The token the client sent, if any. */
  token: string | undefined;
  size: number;
  /** What the tokens of this listing carry (see TokenIssuer). */
  carry?: string;
  /** The bytes of the answer around the records, without the token. */
  envelopeBytes: number;
  /** The bytes a token adds to the answer besides the token itself (`,"NextToken":""`). */
  tokenMemberBytes: number;
}

/**
 * One page of `list` (each record's wire JSON from `jsonOf`), or undefined when the token is not one
 * this issuer issued for this query and data set (or points past the end).
 */
export function pageOf<T>(issuer: TokenIssuer, list: readonly T[], request: PageRequest, jsonOf: (item: T) => string): Page | undefined {
  let offset = 0;
  if (request.token !== undefined && request.token !== "") {
    const checked = issuer.check(request.generation, request.query, request.token, request.carry);
    if (!checked.ok || checked.offset > list.length) return undefined;
    offset = checked.offset;
  }
  const tokenBytes = request.tokenMemberBytes + Math.ceil(((HEAD_BYTES + Buffer.byteLength(request.carry ?? "")) * 4) / 3);
  let used = request.envelopeBytes + tokenBytes;
  const items: string[] = [];
  let end = offset;
  while (end < list.length && items.length < request.size) {
    const json = jsonOf(list[end]!);
    const bytes = Buffer.byteLength(json) + (items.length > 0 ? 1 : 0);
    if (items.length > 0 && used + bytes > ANSWER_LIMIT_BYTES) break;
    used += bytes;
    items.push(json);
    end++;
  }
  return end < list.length ? { items, nextToken: issuer.issue(request.generation, request.query, end, request.carry) } : { items };
}
