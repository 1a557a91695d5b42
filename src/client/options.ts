/** Options shared by both clients. */

/** Static AWS credentials; `sessionToken` for temporary credentials. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

/** Called before every request; cache in the provider if fetching credentials is costly. */
export type CredentialProvider = () => Promise<Credentials>;

export interface ClientOptions {
  /** The AWS Region, such as `us-east-1`; it picks the default endpoint and is part of the signature. */
  region: string;
  /** Overrides the endpoint, such as `http://127.0.0.1:4010` for the contract mock. */
  endpoint?: string | undefined;
  credentials: Credentials | CredentialProvider;
  /** The fetch to send requests with (default `globalThis.fetch`); it receives the signed `Request`. */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /**
   * Checks every response body (success and error) against the contract before returning it, and
   * throws a `ContractValidationError` naming each member at fault. Off by default: the validators
   * are loaded on first use, so clients that never validate never load them.
   */
  validateResponses?: boolean | undefined;
  /** The clock used for signing (default: the current time). Tests freeze it; production leaves it. */
  now?: (() => Date) | undefined;
}

export function checkOptions(options: ClientOptions, service: string): URL {
  if (!options || typeof options !== "object") throw new TypeError(`${service} client: options are required`);
  if (typeof options.region !== "string" || !/^[a-z0-9-]+$/.test(options.region)) {
    throw new TypeError(`${service} client: region must be an AWS Region code such as "us-east-1", got ${JSON.stringify(options.region)}`);
  }
  const credentials: unknown = options.credentials;
  if (typeof credentials !== "function" && (credentials === null || typeof credentials !== "object")) {
    throw new TypeError(`${service} client: credentials must be { accessKeyId, secretAccessKey, sessionToken? } or an async function returning that`);
  }
  if (typeof credentials === "object") checkCredentials(credentials as Credentials, service);
  const endpoint = options.endpoint ?? `https://${service}.${options.region}.amazonaws.com`;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new TypeError(`${service} client: endpoint must be an absolute http(s) URL, got ${JSON.stringify(endpoint)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`${service} client: endpoint must be an http(s) URL, got ${JSON.stringify(endpoint)}`);
  }
  return url;
}

export function checkCredentials(credentials: Credentials, service: string): Credentials {
  for (const key of ["accessKeyId", "secretAccessKey"] as const) {
    if (typeof credentials?.[key] !== "string" || credentials[key] === "") {
      throw new TypeError(`${service} client: credentials.${key} must be a non-empty string`);
    }
  }
  return credentials;
}
