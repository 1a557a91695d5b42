/**
 * The credentials a signature-checking mock accepts: `AKID:SECRET` (long-term) or
 * `AKID:SECRET:SESSION_TOKEN` (temporary), as given to `--credentials` or `startMock({ auth })`.
 */
export interface MockCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials: every request must carry this `X-Amz-Security-Token`. */
  sessionToken?: string;
}

/**
 * Accepted when no credentials are given: the example pair of the AWS Signature Version 4 test
 * suite, also the one the root README's client examples use.
 */
export const DEFAULT_CREDENTIALS: MockCredentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};

/** `AKID:SECRET` or `AKID:SECRET:TOKEN`. Throws an Error naming the flag and the rule. */
export function parseCredentials(text: string, what = "--credentials"): MockCredentials {
  const parts = text.split(":");
  if ((parts.length !== 2 && parts.length !== 3) || parts.some((part) => part === "")) {
    throw new Error(`${what} must be AKID:SECRET or AKID:SECRET:SESSION_TOKEN, each part non-empty (got '${text}')`);
  }
  const [accessKeyId, secretAccessKey, sessionToken] = parts as [string, string, string?];
  return sessionToken === undefined ? { accessKeyId, secretAccessKey } : { accessKeyId, secretAccessKey, sessionToken };
}

/** Checks a list given in code (`startMock({ auth: { credentials } })`); keys must be unique. */
export function checkCredentialList(list: readonly (MockCredentials | string)[]): MockCredentials[] {
  const byKey = new Map<string, MockCredentials>();
  for (const entry of list) {
    const credentials = typeof entry === "string" ? parseCredentials(entry, "auth.credentials") : entry;
    if (!credentials || typeof credentials.accessKeyId !== "string" || credentials.accessKeyId === "" || typeof credentials.secretAccessKey !== "string" || credentials.secretAccessKey === "") {
      throw new Error("auth.credentials: each entry needs a non-empty accessKeyId and secretAccessKey");
    }
    if (byKey.has(credentials.accessKeyId)) throw new Error(`auth.credentials: the access key ${credentials.accessKeyId} is given twice`);
    // A copy: the AWS SDKs annotate the credential objects they are given.
    const { accessKeyId, secretAccessKey, sessionToken } = credentials;
    byKey.set(accessKeyId, sessionToken === undefined ? { accessKeyId, secretAccessKey } : { accessKeyId, secretAccessKey, sessionToken });
  }
  return [...byKey.values()];
}
