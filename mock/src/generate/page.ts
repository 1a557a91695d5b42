/**
 * Pages of generated records, as the services page: at most the request's `MaxResults`/`maxResults`
 * (the service's default when absent), and never more than 64 KB an answer: a page that would grow
 * past it stops early and carries a token, as SSM does when a page reaches its size limit.
 *
 * A generated listing has at most two pages. The first page's token encodes the seed and the offset,
 * so the second request (which carries it) continues the same generated records; a request with a
 * token gets the last page, without a token, so every paginator ends.
 */
const ANSWER_LIMIT_BYTES = 64 * 1024;
/** Marks the mock's own generated tokens (SSM's real tokens start `AAEAA` too). */
const TOKEN_PREFIX = "AAEAAGen";

export interface PageRequest {
  /** The seed of the first page when the request continues a generated listing. */
  seed?: string;
  /** Where the page starts in the generated records. */
  offset: number;
  /** Whether this request carries a token (then it is the last page). */
  continued: boolean;
  size: number;
}

const encode = (seed: string, offset: number): string => TOKEN_PREFIX + Buffer.from(JSON.stringify([seed, offset]), "utf8").toString("base64url");

function decode(token: string): { seed: string; offset: number } | undefined {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  try {
    const [seed, offset] = JSON.parse(Buffer.from(token.slice(TOKEN_PREFIX.length), "base64url").toString("utf8")) as unknown[];
    return typeof seed === "string" && Number.isInteger(offset) && (offset as number) >= 0 ? { seed, offset: offset as number } : undefined;
  } catch {
    return undefined;
  }
}

/** The seed a generated token carries, so that the page it asks for continues the same records. */
export const seedOfToken = (token: unknown): string | undefined => (typeof token === "string" ? decode(token)?.seed : undefined);

/** Reads the page a request asks for: its size, and where a generated token left off. */
export function pageRequest(request: Record<string, unknown>, sizeMember: string, tokenMember: string, defaultSize: number): PageRequest {
  const asked = request[sizeMember];
  const size = typeof asked === "number" && Number.isInteger(asked) && asked > 0 ? asked : defaultSize;
  const token = request[tokenMember];
  if (typeof token !== "string" || token === "") return { offset: 0, continued: false, size };
  // A token the generator did not write (say, an example's) still gets a last page, of fresh data.
  const decoded = decode(token);
  return decoded ? { seed: decoded.seed, offset: decoded.offset, continued: true, size } : { offset: 0, continued: true, size };
}

const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), "utf8");

/**
 * Builds the answer `envelope` plus a page of `records` (under `listMember`), within the page size and
 * 64 KB; adds a token (under `tokenMember`) when records remain and this is the first page.
 */
export function pageAnswer<T>(
  records: readonly T[],
  page: PageRequest,
  seed: string,
  members: { list: string; token: string },
  envelope: Record<string, unknown> = {},
): Record<string, unknown> {
  const token = encode(seed, Number.MAX_SAFE_INTEGER); // the longest a token can be, for the budget
  // Room for the envelope, the list's brackets and member name, and a token.
  let used = bytes({ ...envelope, [members.list]: [], [members.token]: token });
  const chosen: T[] = [];
  for (const record of records.slice(page.offset)) {
    if (chosen.length === page.size) break;
    const size = bytes(record) + (chosen.length > 0 ? 1 : 0);
    if (used + size > ANSWER_LIMIT_BYTES) break;
    used += size;
    chosen.push(record);
  }
  const answer: Record<string, unknown> = { ...envelope, [members.list]: chosen };
  const next = page.offset + chosen.length;
  if (!page.continued && next < records.length) answer[members.token] = encode(seed, next);
  return answer;
}
