/**
 * How a signed request reaches the wire when no `fetch` option is given. Browsers and workers use
 * the global `fetch()`; Node.js (and runtimes with `process.getBuiltinModule`) use node:http(s)
 * with the runtime's keep-alive agent, which runs about three times as many calls per second as
 * Node's `fetch()` (see CONTRIBUTING.md, Benchmarks). The Node transport is a separate module behind a
 * dynamic `import()`, so a browser bundle keeps it in a chunk that never loads.
 */
/**
 * Whether this runtime has Node.js's built-in modules (`process.getBuiltinModule`). The Node-only
 * transport and signer are loaded only then, behind dynamic `import()`s.
 */
export const hasNodeBuiltins = (): boolean =>
  typeof (globalThis as { process?: { getBuiltinModule?: unknown } }).process?.getBuiltinModule === "function";

export type Transport = (url: URL, method: string, headers: Headers, body: string) => Promise<Response>;

const viaFetch: Transport = (url, method, headers, body) => fetch(url, { method, headers, body });

let chosen: Transport | Promise<Transport> | undefined;

/** The transport for this runtime, loaded once (a value after the first call, not a promise). */
export function defaultTransport(): Transport | Promise<Transport> {
  return (chosen ??= hasNodeBuiltins() ? import("./transport-node.js").then((m) => (chosen = m.nodeTransport)) : viaFetch);
}
