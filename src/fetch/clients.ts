/**
 * openapi-fetch clients typed by the generated `paths`, with the SigV4 middleware: the
 * `{ data, error, response }` API and middleware for those who want them. The fast client
 * (src/client/) is the one with retries, clock-skew correction, timeouts and response validation.
 */
import { IMAGEBUILDER_WIRE, SSM_WIRE } from "../../generated/wire/operations.js";
import createClient, { type Client, type FetchOptions, type FetchResponse } from "openapi-fetch";
import type { paths as ImageBuilderPaths } from "../../generated/types/imagebuilder.js";
import type { paths as SsmPaths } from "../../generated/types/ssm.js";
import { checkOptions } from "../client/options.js";
import type { CredentialProvider, Credentials } from "../client/types/options.js";
import type { Platform } from "../client/types/wire.js";
import { sigV4MiddlewareOn } from "./middleware.js";

export type { ImageBuilderPaths, SsmPaths };

/** Paths whose every operation is a POST. */
type Operations<Paths> = { [Path in keyof Paths]: { post: Record<string | number, any> } };

/**
 * `POST` with its options typed by the path key alone. openapi-fetch's own `POST` infers its
 * options as a type parameter, and TypeScript checks no excess property of an inferred type: a
 * misspelt optional member (`{ MaxResult: 5 }`) would compile. Here it does not. Every operation of
 * both APIs is a POST.
 */
type Post<Paths extends Operations<Paths>, Media extends `${string}/${string}`> = <Path extends keyof Paths & string>(
  url: Path,
  init: FetchOptions<Paths[Path]["post"]>,
) => Promise<FetchResponse<Paths[Path]["post"], FetchOptions<Paths[Path]["post"]>, Media>>;

/** openapi-fetch's client with `POST` as above; at run time the client createClient() returned. */
type Typed<Paths extends Operations<Paths>, Media extends `${string}/${string}`> = Omit<Client<Paths, Media>, "POST"> & { POST: Post<Paths, Media> };

export type SsmFetchClient = Typed<SsmPaths, "application/x-amz-json-1.1">;
export type ImageBuilderFetchClient = Typed<ImageBuilderPaths, "application/json">;

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

function fetchClientOn<Paths extends Operations<Paths>, Media extends `${string}/${string}`>(
  platform: Platform,
  options: FetchClientOptions,
  service: "ssm" | "imagebuilder",
): Client<Paths, Media> {
  const { region, baseUrl, headers } = checkOptions(options, service, platform.environmentRegion);
  const client = createClient<Paths, Media>({ baseUrl, headers, ...(options.fetch ? { fetch: options.fetch } : {}) });
  client.use(sigV4MiddlewareOn(platform, { service, region, credentials: options.credentials, now: options.now }));
  return client;
}

export const ssmFetchClientOn = (platform: Platform, options: FetchClientOptions): SsmFetchClient => fetchClientOn<SsmPaths, "application/x-amz-json-1.1">(platform, options, SSM_WIRE.signingName);
export const imageBuilderFetchClientOn = (platform: Platform, options: FetchClientOptions): ImageBuilderFetchClient =>
  fetchClientOn<ImageBuilderPaths, "application/json">(platform, options, IMAGEBUILDER_WIRE.signingName);
