/**
 * Loopback HTTP for the mock reliability tests: one request with a hard per-request timeout, and a
 * check that an error answer is in its protocol's own format.
 */
import { request as httpRequest } from "node:http";

export interface WireRequest {
  /** What the case is, for failure messages. */
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface WireAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends one request on a fresh connection; rejects if no full answer arrives within `timeoutMs`. */
export function send(base: string, req: WireRequest, timeoutMs = 10_000): Promise<WireAnswer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      outgoing.destroy();
      reject(new Error(`${req.name}: no answer within ${timeoutMs} ms (hang)`));
    }, timeoutMs);
    // An explicit Content-Length: Node sends a DELETE body without any framing otherwise.
    const headers = req.body === undefined ? req.headers : { ...req.headers, "content-length": String(Buffer.byteLength(req.body)) };
    const outgoing = httpRequest(
      { host: url.hostname, port: url.port, path: req.path, method: req.method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") });
        });
        res.on("error", (e) => {
          clearTimeout(timer);
          reject(e);
        });
      },
    );
    outgoing.on("error", (e) => {
      clearTimeout(timer);
      reject(new Error(`${req.name}: ${e.message}`));
    });
    if (req.body !== undefined) outgoing.end(req.body);
    else outgoing.end();
  });
}

/**
 * Why an answer is NOT a protocol-format error, or undefined when it is one. AWS JSON 1.1 (SSM,
 * `POST /`): a JSON body with a string `__type` (and `Message`). REST JSON (any other path): the
 * error name in `x-amzn-ErrorType` and a JSON body with `message`.
 */
export function protocolErrorProblem(req: WireRequest, answer: WireAnswer): string | undefined {
  if (answer.status < 400 || answer.status > 599) return `status ${answer.status}, expected an error status`;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(answer.body) as Record<string, unknown>;
  } catch {
    return `body is not JSON: ${answer.body.slice(0, 120)}`;
  }
  if (!body || typeof body !== "object") return `body is not an object: ${answer.body.slice(0, 120)}`;
  if (req.path.split("?")[0] === "/") {
    if (typeof body["__type"] !== "string" || body["__type"] === "") return `AWS JSON error without __type: ${answer.body.slice(0, 120)}`;
    if (typeof body["Message"] !== "string" && typeof body["message"] !== "string") return "AWS JSON error without Message";
    return undefined;
  }
  const name = answer.headers["x-amzn-errortype"];
  if (typeof name !== "string" || name === "") return `REST JSON error without x-amzn-ErrorType header (status ${answer.status})`;
  if (typeof body["message"] !== "string") return `REST JSON error without message: ${answer.body.slice(0, 120)}`;
  return undefined;
}

/** Runs `tasks` with at most `concurrency` in flight; resolves to their results in order. */
export async function pool<T, R>(items: readonly T[], concurrency: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: concurrency }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  });
  await Promise.all(workers);
  return results;
}
