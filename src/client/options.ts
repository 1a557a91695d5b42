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
  /**
   * The fetch to send requests with; it receives the signed `Request`. Default: node:http(s) with
   * a keep-alive agent under Node.js, `globalThis.fetch` elsewhere.
   */
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

const fail = (service: string, message: string): never => {
  throw new TypeError(`${service} client: ${message}`);
};

/** Checks the options once, at creation: the endpoint URL, and the credentials when static. */
export function checkOptions(options: ClientOptions, service: string): { baseUrl: string; credentials: Credentials | undefined } {
  if (!options || typeof options !== "object") fail(service, "options are required");
  const { region, credentials } = options;
  if (typeof region !== "string" || !/^[a-z0-9-]+$/.test(region)) fail(service, `region must be an AWS Region code such as "us-east-1", got ${JSON.stringify(region)}`);
  if (typeof credentials !== "function" && (credentials === null || typeof credentials !== "object")) {
    fail(service, "credentials must be { accessKeyId, secretAccessKey, sessionToken? } or an async function returning that");
  }
  const endpoint = options.endpoint ?? `https://${service}.${region}.amazonaws.com`;
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    // reported below
  }
  if (url?.protocol !== "https:" && url?.protocol !== "http:") fail(service, `endpoint must be an absolute http(s) URL, got ${JSON.stringify(endpoint)}`);
  return {
    baseUrl: url!.href.replace(/\/$/, ""),
    credentials: typeof credentials === "function" ? undefined : checkCredentials(credentials, service),
  };
}

export function checkCredentials(credentials: Credentials, service: string): Credentials {
  for (const key of ["accessKeyId", "secretAccessKey"] as const) {
    if (typeof credentials?.[key] !== "string" || credentials[key] === "") fail(service, `credentials.${key} must be a non-empty string`);
  }
  return credentials;
}
