/**
 * Node.js (and runtimes that resolve the package's `default` condition and have node:http and
 * node:crypto: Deno, Bun): SigV4 on node:crypto, node:http(s) on the keep-alive
 * agent, which runs about three times as many calls per second as Node's `fetch()` (see
 * CONTRIBUTING.md, Benchmarks), and the Region from the environment as the SDK and the CLI read it.
 */
import { randomUUID } from "node:crypto";
import { nodeSigner } from "../sign-node.js";
import { nodeTransport } from "../transport-node.js";
import type { Platform } from "../types/wire.js";

export const platform: Platform = {
  signer: nodeSigner,
  transport: nodeTransport,
  environmentRegion: () => process.env["AWS_REGION"] || process.env["AWS_DEFAULT_REGION"] || undefined,
  uuid: randomUUID,
};
