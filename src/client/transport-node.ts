/**
 * The Node.js transport: one request through node:http or node:https on the default (keep-alive)
 * agent. Like the AWS SDK's NodeHttpHandler it follows no redirect. The body is counted as it
 * streams in and the request is destroyed (the socket closed) past `maxResponseBytes` or when the
 * attempt is cancelled, so neither a huge nor an endless body can exhaust memory or hold the call.
 * Node's own headers object (lower-case names) is handed on as it is: no WHATWG `Response` or
 * `Headers` is built, which is a fifth of a call's time on this path.
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { CallError } from "./call-error.js";
import { decodeBody } from "./decode-node.js";
import { invalidStatus, NO_BODY, tooLarge } from "./limits.js";
import type { Transport } from "./types/wire.js";
import { wireError } from "./wire-errors.js";

const EMPTY = new Uint8Array(0);

export const nodeTransport: Transport = ({ url, method, headers, body, cancel, maxResponseBytes }, operation) =>
  new Promise((resolve, reject) => {
    if (cancel.reason) return reject(cancel.reason);
    let request: ReturnType<typeof httpRequest>;
    try {
      request = (url.protocol === "https:" ? httpsRequest : httpRequest)(url, { method, headers });
    } catch (error) {
      // Node refuses a header value it cannot send (ERR_INVALID_CHAR) before anything is sent.
      return reject(wireError(operation, error));
    }
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      stopListening();
      request.destroy();
      reject(wireError(operation, error));
    };
    const stopListening = cancel.on(fail);
    request.on("error", fail);
    // A 101 Switching Protocols is no answer to an API call (Node hands the socket over instead of a response).
    request.on("upgrade", (response, socket) => {
      socket.destroy();
      fail(invalidStatus(operation, response.statusCode ?? 101));
    });
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const received = response.headers as Record<string, string | undefined>;
      const announced = Number(received["content-length"]);
      if (announced > maxResponseBytes) return fail(tooLarge(operation, announced, maxResponseBytes));
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxResponseBytes) return fail(tooLarge(operation, size, maxResponseBytes));
        chunks.push(chunk);
      });
      // The connection closed before the last byte (Node: "aborted", ECONNRESET).
      response.on("error", fail);
      response.on("end", () => {
        if (settled) return;
        if (status < 200 || status > 599) return fail(invalidStatus(operation, status));
        let bytes: Uint8Array = EMPTY;
        try {
          if (!NO_BODY.has(status) && size > 0) bytes = decodeBody(operation, received["content-encoding"], chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size), maxResponseBytes);
        } catch (error) {
          return fail(error instanceof CallError ? error : wireError(operation, error));
        }
        settled = true;
        stopListening();
        resolve({ status, headers: received, bytes });
      });
    });
    request.end(body);
  });
