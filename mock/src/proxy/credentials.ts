/**
 * The credentials the proxy signs with, found the way the AWS SDKs and the AWS CLI find them: the
 * SDK's own provider chain (@aws-sdk/credential-provider-node: environment, SSO, web identity such
 * as a CI job's OIDC token, the shared config and credentials files with AWS_PROFILE or `profile`,
 * credential_process, then the container and instance metadata services). Nothing here reads those
 * files itself. The chain is memoized by the SDK and refreshes temporary credentials before they expire.
 */
import { defaultProvider } from "@aws-sdk/credential-provider-node";
import { DEFAULT_CREDENTIALS, type AuthOption } from "../auth/index.js";

export interface ProxyCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
  expiration?: Date | undefined;
}

/** Gives the credentials to sign the next request with (called per request; cache inside). */
export type CredentialSource = () => Promise<ProxyCredentials>;

/** What to tell a user whose machine has no credentials the chain can find. */
export const HOW_TO_GIVE_CREDENTIALS = `Give the proxy AWS credentials the way the AWS CLI takes them:
  - AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary ones) in the environment;
  - a profile of ~/.aws/credentials or ~/.aws/config: AWS_PROFILE=name, or --profile name (SSO profiles after 'aws sso login');
  - in CI, a role assumed with the job's OIDC token: AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE
    (what aws-actions/configure-aws-credentials sets up), or the runner's instance or container role.`;

/** Raised when no credentials could be found for a target that needs real ones. */
export class MissingCredentialsError extends Error {
  override name = "MissingCredentialsError";
}

export interface CredentialOptions {
  /** A profile of the shared config and credentials files (default: AWS_PROFILE, else "default"). */
  profile?: string | undefined;
  /** Credentials, or a provider, to use instead of the chain (an SDK provider such as fromIni() fits). */
  credentials?: ProxyCredentials | CredentialSource | undefined;
}

/**
 * Resolves the credentials once, so that a missing or broken set-up is reported before the proxy
 * listens, and returns the source to sign with. Without credentials a loopback target (a local
 * stand-in) is signed for with the mock's default pair, which a mock started with `--auth sigv4`
 * accepts; any other target is refused with HOW_TO_GIVE_CREDENTIALS.
 */
export async function resolveCredentials(options: CredentialOptions, loopback: boolean): Promise<{ source: CredentialSource; from: "given" | "chain" | "mock default" }> {
  const given = options.credentials;
  if (given !== undefined) {
    const source: CredentialSource = typeof given === "function" ? given : async () => given;
    await checked(source, "the given credentials");
    return { source, from: "given" };
  }
  const chain = defaultProvider(options.profile === undefined ? {} : { profile: options.profile });
  const source: CredentialSource = async () => chain();
  try {
    await checked(source, "the AWS credential chain");
    return { source, from: "chain" };
  } catch (error) {
    if (!loopback) throw new MissingCredentialsError(`No AWS credentials for the proxy: ${(error as Error).message}\n${HOW_TO_GIVE_CREDENTIALS}`);
    const fallback = { ...DEFAULT_CREDENTIALS };
    return { source: async () => fallback, from: "mock default" };
  }
}

async function checked(source: CredentialSource, what: string): Promise<ProxyCredentials> {
  const credentials = await source();
  if (!credentials || typeof credentials.accessKeyId !== "string" || credentials.accessKeyId === "" || typeof credentials.secretAccessKey !== "string" || credentials.secretAccessKey === "") {
    throw new Error(`${what} gave no access key ID and secret access key`);
  }
  return credentials;
}

/** The secret parts of a set of credentials, for the redaction that keeps them out of every file. */
export const secretsOf = (credentials: ProxyCredentials): string[] => [credentials.secretAccessKey, ...(credentials.sessionToken ? [credentials.sessionToken] : [])];

/** The secret parts of the credentials `--auth sigv4` accepts from callers (`AKID:SECRET[:TOKEN]` or objects). */
export function acceptedSecrets(auth: AuthOption | undefined): string[] {
  if (!auth || typeof auth !== "object") return [];
  return (auth.credentials ?? []).flatMap((accepted) =>
    (typeof accepted === "string" ? accepted.split(":").slice(1) : [accepted.secretAccessKey, accepted.sessionToken ?? ""]).filter((part) => part !== ""),
  );
}
