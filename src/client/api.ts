/** The openapi-fetch client both services build on, and the invoker that runs each call on the wire. */
import createClient from "openapi-fetch";
import { invoker } from "./invoke.js";
import { checkOptions, type ClientOptions } from "./options.js";
import { wire } from "./wire.js";

export function createApi<Paths extends {}, Media extends `${string}/${string}`>(options: ClientOptions, service: string, mediaType: Media) {
  const { baseUrl, credentials, limits } = checkOptions(options, service);
  // Documented createClient options only: the base URL, the caller's headers and the protocol's Content-Type, and
  // `redirect: "manual"` (a fetch option) so no redirect is followed; each call passes its own
  // `fetch` and `bodySerializer` (wire.ts).
  const api = createClient<Paths, Media>({ baseUrl, headers: { ...options.headers, "Content-Type": mediaType }, redirect: "manual" });
  return { api, invoke: invoker(options, wire(options, service, credentials, limits)) };
}
