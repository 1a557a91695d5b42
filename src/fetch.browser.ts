/**
 * `aws-ops-contract/fetch` in browsers and workers (the `browser`, `worker` and `workerd` export
 * conditions): openapi-fetch clients typed by the generated paths, signed on WebCrypto; the same API
 * as fetch.ts, whose declarations both share.
 */
import type { Middleware } from "openapi-fetch";
import { platform } from "./client/platform/browser.js";
import { imageBuilderFetchClientOn, ssmFetchClientOn, type FetchClientOptions, type ImageBuilderFetchClient, type SsmFetchClient } from "./fetch/clients.js";
import { sigV4MiddlewareOn, type SigV4MiddlewareOptions } from "./fetch/middleware.js";

export type { FetchClientOptions, ImageBuilderFetchClient, ImageBuilderPaths, SsmFetchClient, SsmPaths } from "./fetch/clients.js";
export type { SigV4MiddlewareOptions } from "./fetch/middleware.js";
export type { CredentialProvider, Credentials } from "./client/types/options.js";
export { CallError, isCallError } from "./client/call-error.js";

/** An openapi-fetch client for SSM, typed by the spec's paths (`/#X-Amz-Target=AmazonSSM.<Operation>`), sent as `POST /` and signed. */
export const createSsmFetchClient = (options: FetchClientOptions): SsmFetchClient => ssmFetchClientOn(platform, options);
/** An openapi-fetch client for EC2 Image Builder (`/ListWorkflowStepExecutions`), signed. */
export const createImageBuilderFetchClient = (options: FetchClientOptions): ImageBuilderFetchClient => imageBuilderFetchClientOn(platform, options);
/** The middleware alone, for an openapi-fetch client of your own: maps SSM's path keys onto `POST /` and signs every request with SigV4. */
export const awsSigV4Middleware = (options: SigV4MiddlewareOptions): Middleware => sigV4MiddlewareOn(platform, options);
