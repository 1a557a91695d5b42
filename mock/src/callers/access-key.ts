/**
 * Who is calling, from what every AWS SDK already sends: the access key ID of its credentials, the
 * first element of the SigV4 credential scope, in the `Authorization` header
 * (`AWS4-HMAC-SHA256 Credential=AKID/20260304/us-east-1/ssm/aws4_request, ...`) or in a presigned
 * URL's `X-Amz-Credential` query parameter. Read whether or not signatures are checked: a test
 * picks its state by the (dummy) credentials its client is given, with no custom client.
 */

/** Longer than any real access key ID (20 characters) or dummy one a test would use. */
export const MAX_ACCESS_KEY_ID_LENGTH = 128;

const CREDENTIAL_PARAM = /(?:^|[\s,])Credential=([^/,\s]+)\//;
/** What an access key ID may be: printable, no separators of the scope or the header. */
const ACCESS_KEY_ID = /^[\x21-\x7e]+$/;

const valid = (id: string | undefined): string | undefined =>
  id !== undefined && id.length <= MAX_ACCESS_KEY_ID_LENGTH && ACCESS_KEY_ID.test(id) ? id : undefined;

/** The access key ID of a request, or undefined when it carries no credential scope. */
export function accessKeyIdOf(authorization: string | undefined, target: string | undefined): string | undefined {
  if (authorization !== undefined) {
    const match = CREDENTIAL_PARAM.exec(authorization);
    if (match) return valid(match[1]);
  }
  const q = target?.indexOf("?") ?? -1;
  if (target === undefined || q === -1) return undefined;
  const credential = new URLSearchParams(target.slice(q + 1)).get("X-Amz-Credential");
  return credential ? valid(credential.split("/")[0]) : undefined;
}
