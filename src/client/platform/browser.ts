/**
 * Browsers and workers (the package's `browser`, `worker` and `workerd` conditions): aws4fetch on
 * WebCrypto and the global `fetch()`. There is no environment to read a Region from.
 */
import { webCryptoSigner } from "../sign-web.js";
import { fetchTransport } from "../transport-fetch.js";
import type { Platform } from "../types/wire.js";

/** A v4 UUID from getRandomValues (crypto.randomUUID exists only on secure origins). */
function uuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const platform: Platform = {
  signer: webCryptoSigner,
  // Looked up at each call: a page or a test may replace globalThis.fetch after the bundle loads.
  transport: fetchTransport((request) => fetch(request)),
  environmentRegion: () => undefined,
  uuid,
};
