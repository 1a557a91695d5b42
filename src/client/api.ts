/** The openapi-fetch client both services build on, wired for signing, and its invoker. */
import createClient from "openapi-fetch";
import { invoker } from "./invoke.js";
import { checkOptions, type ClientOptions } from "./options.js";
import { wire } from "./wire.js";

export function createApi<Paths extends {}, Media extends `${string}/${string}`>(options: ClientOptions, service: string, mediaType: Media) {
  const { baseUrl, credentials } = checkOptions(options, service);
  const api = createClient<Paths, Media>({ baseUrl, headers: { "Content-Type": mediaType }, ...wire(options, service, credentials) });
  return { api, invoke: invoker(options) };
}
