/** Raw HTTP helpers for the wire-level tests: what a client that is not an SDK sends and gets. */
import { connect, type Socket } from "node:net";

export const SSM_JSON = "application/x-amz-json-1.1";

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown> | undefined;
  /** The AWS error name: `__type` for AWS JSON, the `x-amzn-ErrorType` header for REST JSON. */
  errorName: string | undefined;
}

export async function send(url: string, init: RequestInit & { path?: string }): Promise<Answer> {
  const response = await fetch(`${url}${init.path ?? "/"}`, { method: "POST", ...init });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  const errorName = (json?.["__type"] as string | undefined) ?? response.headers.get("x-amzn-errortype") ?? undefined;
  return { status: response.status, headers: response.headers, text, json, errorName };
}

export const ssmHeaders = (operation: string | undefined, extra: Record<string, string> = {}): Record<string, string> => ({
  "content-type": SSM_JSON,
  ...(operation ? { "x-amz-target": `AmazonSSM.${operation}` } : {}),
  ...extra,
});

/** Opens a raw TCP connection to the mock, for clients that stall or vanish mid-request. */
export function rawSocket(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Everything the server writes until it closes the connection (or `ms` passes). */
export function readUntilClose(socket: Socket, ms: number): Promise<{ data: string; closed: boolean }> {
  return new Promise((resolve) => {
    let data = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ data, closed: false });
    }, ms);
    socket.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ data, closed: true });
    });
  });
}
