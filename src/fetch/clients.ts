/**
 * openapi-fetch clients typed by the generated `paths`, with the SigV4 middleware: the
 * `{ data, error, response }` API and middleware for those who want them. The fast client
 * (src/client/) is the one with retries, clock-skew correction, timeouts and response validation.
 */
import createClient, { type Client } from "openapi-fetch";
import type { paths as ImageBuilderPaths } from "../../generated/types/imagebuilder.js";
import type { paths as SsmPaths } from "../../generated/types/ssm.js";
import { checkOptions } from "../client/options.js";
import type { CredentialProvider, Credentials } from "../client/types/options.js";
import type { Platform } from "../client/types/wire.js";
import { sigV4MiddlewareOn } from "./middleware.js";

export type { ImageBuilderPaths, SsmPaths };
export type SsmFetchClient = Client<SsmPaths, "application/x-amz-json-1.1">;
export type ImageBuilderFetchClient = Client<ImageBuilderPaths, "application/json">;

export interface FetchClientOptions {
  /** The AWS Region, such as `us-east-1`; under Node.js `AWS_REGION`, then `AWS_DEFAULT_REGION`, when left out. */
  region?: string | undefined;
  /** Overrides the endpoint, such as `http://127.0.0.1:4010` for the contract mock. */
  endpoint?: string | undefined;
  /** Static credentials, or a provider such as `fromNodeProviderChain()` from `@aws-sdk/credential-providers`. */
  credentials: Credentials | CredentialProvider;
  /** Headers sent, and signed, with every request (such as the contract mock's `Prefer`). */
  headers?: Record<string, string> | undefined;
  /** The fetch openapi-fetch sends with (default: `globalThis.fetch`); a call may pass its own. */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** The signing clock (default: `() => new Date()`). */
  now?: (() => Date) | undefined;
}

function fetchClientOn<Paths extends {}, Media extends `${string}/${string}`>(platform: Platform, options: FetchClientOptions, service: "ssm" | "imagebuilder"): Client<Paths, Media> {
  const { region, baseUrl, headers } = checkOptions(options, service, platform.environmentRegion);
  const client = createClient<Paths, Media>({ baseUrl, headers, ...(options.fetch ? { fetch: options.fetch } : {}) });
  client.use(sigV4MiddlewareOn(platform, { service, region, credentials: options.credentials, now: options.now }));
  return client;
}

export const ssmFetchClientOn = (platform: Platform, options: FetchClientOptions): SsmFetchClient => fetchClientOn(platform, options, "ssm");
export const imageBuilderFetchClientOn = (platform: Platform, options: FetchClientOptions): ImageBuilderFetchClient => fetchClientOn(platform, options, "imagebuilder");
