/**
 * The credential lookup, through the SDK's own provider chain (@aws-sdk/credential-provider-node):
 * the environment, a profile of a shared credentials file, and what happens when there is nothing
 * (the machine's own AWS set-up is hidden, and the instance metadata service is switched off, so
 * nothing leaves the machine).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HOW_TO_GIVE_CREDENTIALS, MissingCredentialsError, resolveCredentials } from "../../mock/src/proxy/credentials.js";
import { DEFAULT_CREDENTIALS } from "../../mock/src/auth/index.js";

const saved = { ...process.env };
const dir = mkdtempSync(join(tmpdir(), "proxy-credentials-"));
const credentialsFile = join(dir, "credentials");
writeFileSync(credentialsFile, "[default]\naws_access_key_id = AKIDDEFAULTPROFILE\naws_secret_access_key = default/secret\n\n[nightly]\naws_access_key_id = AKIDNIGHTLY\naws_secret_access_key = nightly/secret\naws_session_token = NIGHTLYTOKEN\n");

beforeEach(() => {
  for (const name of Object.keys(process.env)) if (name.startsWith("AWS_")) delete process.env[name];
  Object.assign(process.env, { AWS_CONFIG_FILE: join(dir, "no-config"), AWS_SHARED_CREDENTIALS_FILE: join(dir, "no-credentials"), AWS_EC2_METADATA_DISABLED: "true" });
});
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
});

describe("resolveCredentials", () => {
  it("takes AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from the environment", async () => {
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: "AKIDFROMENV", AWS_SECRET_ACCESS_KEY: "env/secret", AWS_SESSION_TOKEN: "ENVTOKEN" });
    const { source, from } = await resolveCredentials({}, false);
    expect(from).toBe("chain");
    expect(await source()).toMatchObject({ accessKeyId: "AKIDFROMENV", secretAccessKey: "env/secret", sessionToken: "ENVTOKEN" });
  });

  it("takes a profile of the shared credentials file, by AWS_PROFILE or by name", async () => {
    process.env["AWS_SHARED_CREDENTIALS_FILE"] = credentialsFile;
    expect(await (await resolveCredentials({}, false)).source()).toMatchObject({ accessKeyId: "AKIDDEFAULTPROFILE" });
    process.env["AWS_PROFILE"] = "nightly";
    expect(await (await resolveCredentials({}, false)).source()).toMatchObject({ accessKeyId: "AKIDNIGHTLY", sessionToken: "NIGHTLYTOKEN" });
    delete process.env["AWS_PROFILE"];
    expect(await (await resolveCredentials({ profile: "nightly" }, false)).source()).toMatchObject({ accessKeyId: "AKIDNIGHTLY" });
  });

  it("refuses to start for a real endpoint without credentials, and says how to give them", async () => {
    const failure = await resolveCredentials({}, false).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MissingCredentialsError);
    expect((failure as Error).message).toContain(HOW_TO_GIVE_CREDENTIALS);
    expect((failure as Error).message).toMatch(/AWS_ACCESS_KEY_ID.*AWS_PROFILE.*AWS_WEB_IDENTITY_TOKEN_FILE/s);
  });

  it("signs for a loopback stand-in with the mock's default pair when there are none", async () => {
    const { source, from } = await resolveCredentials({}, true);
    expect(from).toBe("mock default");
    expect(await source()).toEqual(DEFAULT_CREDENTIALS);
  });

  it("uses given credentials or a provider instead of the chain, and refuses an empty pair", async () => {
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: "AKIDFROMENV", AWS_SECRET_ACCESS_KEY: "env/secret" });
    expect(await (await resolveCredentials({ credentials: { accessKeyId: "AKIDGIVEN", secretAccessKey: "s" } }, false)).source()).toMatchObject({ accessKeyId: "AKIDGIVEN" });
    let calls = 0;
    const provider = async () => ({ accessKeyId: `AKIDCALL${++calls}`, secretAccessKey: "s" });
    const resolved = await resolveCredentials({ credentials: provider }, false);
    expect((await resolved.source()).accessKeyId).toBe("AKIDCALL2");
    await expect(resolveCredentials({ credentials: { accessKeyId: "", secretAccessKey: "" } }, false)).rejects.toThrow(/no access key ID/);
  });
});
