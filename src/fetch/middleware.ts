/**
 * An openapi-fetch middleware (`client.use(...)`) that puts a request on the AWS wire and signs it
 * with SigV4. The spec keys each AWS JSON 1.1 operation by a fragment (`/#X-Amz-Target=AmazonSSM.ListCommands`),
 * because OpenAPI cannot tell apart operations that share `POST /`; the fragment is never sent: the
 * middleware sends `POST /` with that `X-Amz-Target` and `Content-Type: application/x-amz-json-1.1`.
 * REST JSON paths (`/ListWorkflowStepExecutions`) go as they are. The signer is the fast client's,
 * chosen by the entry point (fetch.ts for Node.js, fetch.browser.ts for browsers); credentials and
 * providers are handled as the fast client handles them. No retries, no clock-skew correction.
 */
import { SSM_WIRE } from "../../generated/wire/operations.js";
import type { Middleware } from "openapi-fetch";
import { credentialSource } from "../client/credentials.js";
import { checkOptions } from "../client/options.js";
import type { CredentialProvider, Credentials } from "../client/types/options.js";
import type { HeaderRecord, Platform } from "../client/types/wire.js";

/** The spec's path key of an AWS JSON operation: the path, then `#X-Amz-Target=<target>`. */
const AWS_JSON_KEY = /#X-Amz-Target=([A-Za-z0-9_.]+)$/;
const AWS_JSON_MEDIA_TYPE = SSM_WIRE.mediaType;

export interface SigV4MiddlewareOptions {
  /** The signing name of the service the client calls: `ssm` or `imagebuilder`. */
  service: "ssm" | "imagebuilder";
  /** The AWS Region the requests are signed for; under Node.js `AWS_REGION`, then `AWS_DEFAULT_REGION`, when left out. */
  region?: string | undefined;
  /** Static credentials, or a provider such as `fromNodeProviderChain()` from `@aws-sdk/credential-providers`. */
  credentials: Credentials | CredentialProvider;
  /** The signing clock (default: `() => new Date()`). */
  now?: (() => Date) | undefined;
}

export function sigV4MiddlewareOn(platform: Platform, options: SigV4MiddlewareOptions): Middleware {
  const service = options?.service;
  if (service !== "ssm" && service !== "imagebuilder") {
    throw new TypeError(`awsSigV4Middleware: service must be "ssm" or "imagebuilder", got ${JSON.stringify(service)}`);
  }
  const { region } = checkOptions({ region: options.region, credentials: options.credentials }, service, platform.environmentRegion);
  const now = options.now ?? (() => new Date());
  const credentials = credentialSource(options.credentials, () => now().getTime());
  const sign = platform.signer(service, region);

  return {
    async onRequest({ request, schemaPath }) {
      const url = new URL(request.url);
      const headers: HeaderRecord = {};
      request.headers.forEach((value, name) => {
        headers[name] = value;
      });
      let operation = schemaPath.slice(schemaPath.lastIndexOf("/") + 1);
      const target = AWS_JSON_KEY.exec(schemaPath)?.[1];
      if (target !== undefined) {
        operation = target.slice(target.lastIndexOf(".") + 1);
        const given = headers["x-amz-target"];
        if (given !== undefined && given !== target) {
          throw new TypeError(`${service} ${operation}: params.header["X-Amz-Target"] must be ${JSON.stringify(target)}, the operation the path key names, got ${JSON.stringify(given)}`);
        }
        headers["x-amz-target"] = target;
        headers["content-type"] = AWS_JSON_MEDIA_TYPE;
        url.hash = "";
      }
      const body = await request.text();
      const signed = await sign({ method: request.method, url, headers, body, credentials: await credentials(operation), date: now() });
      // The request as openapi-fetch built it, on the wire's URL, with the signed headers and the body that was signed.
      return new Request(url, {
        method: request.method,
        headers: signed,
        body: body === "" ? null : body,
        signal: request.signal,
        redirect: request.redirect,
        credentials: request.credentials,
        cache: request.cache,
        mode: request.mode,
        keepalive: request.keepalive,
        integrity: request.integrity,
        referrerPolicy: request.referrerPolicy,
      });
    },
  };
}
