/**
 * The client with the SDK's own credential providers (@aws-sdk/credential-providers), against a
 * mock that checks every signature (auth sigv4): environment credentials, a shared credentials file
 * with a profile, the Node chain; and the Region from the environment, as the SDK and the CLI read it.
 */
import { fromEnv, fromIni, fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startMock } from "../../mock/src/index.js";
import { createImageBuilderClient, createSsmClient, isServiceError } from "../../src/index.js";

const LONG_TERM = { accessKeyId: "AKIDPROFILEEXAMPLE", secretAccessKey: "profile/secret/EXAMPLEKEY" };
const SESSION = { accessKeyId: "ASIAENVEXAMPLE", secretAccessKey: "env/secret/EXAMPLEKEY", sessionToken: "env-session-token-EXAMPLE" };

let mock: Awaited<ReturnType<typeof startMock>>;
let dir: string;
beforeAll(async () => {
  mock = await startMock({
    port: 0,
    auth: { type: "sigv4", credentials: [`${LONG_TERM.accessKeyId}:${LONG_TERM.secretAccessKey}`, `${SESSION.accessKeyId}:${SESSION.secretAccessKey}:${SESSION.sessionToken}`] },
    log: () => undefined,
  });
  dir = mkdtempSync(join(tmpdir(), "aws-ops-contract-credentials-"));
  writeFileSync(
    join(dir, "credentials"),
    `[default]\naws_access_key_id = AKIDUNKNOWNEXAMPLE\naws_secret_access_key = unknown\n\n[reports]\naws_access_key_id = ${LONG_TERM.accessKeyId}\naws_secret_access_key = ${LONG_TERM.secretAccessKey}\n`,
  );
  writeFileSync(join(dir, "config"), "[default]\nregion = eu-west-1\n");
});
afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => void vi.unstubAllEnvs());

/** No credentials or profile from the machine running the tests. */
function cleanEnvironment(): void {
  for (const name of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_CREDENTIAL_EXPIRATION"]) vi.stubEnv(name, undefined);
  vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", join(dir, "credentials"));
  vi.stubEnv("AWS_CONFIG_FILE", join(dir, "config"));
  // The chain would otherwise ask the instance metadata service (not on loopback) last.
  vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
}

describe("the SDK's credential providers", () => {
  it("fromEnv(): temporary credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN", async () => {
    cleanEnvironment();
    vi.stubEnv("AWS_ACCESS_KEY_ID", SESSION.accessKeyId);
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", SESSION.secretAccessKey);
    vi.stubEnv("AWS_SESSION_TOKEN", SESSION.sessionToken);
    const ssm = createSsmClient({ region: "us-east-1", endpoint: mock.url, credentials: fromEnv() });
    await expect(ssm.listCommands({ MaxResults: 1 })).resolves.toHaveProperty("Commands");
  });

  it("fromIni({ profile }): a profile of a shared credentials file", async () => {
    cleanEnvironment();
    const ssm = createSsmClient({ region: "us-east-1", endpoint: mock.url, credentials: fromIni({ profile: "reports", filepath: join(dir, "credentials"), configFilepath: join(dir, "config") }) });
    await expect(ssm.listCommands({ MaxResults: 1 })).resolves.toHaveProperty("Commands");
    // The [default] profile's key is not one the mock knows: the signature check bites.
    const other = createSsmClient({ region: "us-east-1", endpoint: mock.url, credentials: fromIni({ filepath: join(dir, "credentials"), configFilepath: join(dir, "config") }) });
    const error = await other.listCommands().catch((e: unknown) => e);
    expect(isServiceError(error, "UnrecognizedClientException")).toBe(true);
  });

  it("fromNodeProviderChain(): AWS_PROFILE picks the shared file's profile, for both clients", async () => {
    cleanEnvironment();
    vi.stubEnv("AWS_PROFILE", "reports");
    const credentials = fromNodeProviderChain();
    await expect(createSsmClient({ region: "us-east-1", endpoint: mock.url, credentials }).listCommands({ MaxResults: 1 })).resolves.toHaveProperty("Commands");
    const steps = createImageBuilderClient({ region: "us-east-1", endpoint: mock.url, credentials }).listWorkflowStepExecutions({ workflowExecutionId: "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b" });
    await expect(steps).resolves.toHaveProperty("steps");
  });

  it("a provider chain that finds nothing is a CredentialsError with the SDK's error as cause", async () => {
    cleanEnvironment();
    vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", join(dir, "missing"));
    vi.stubEnv("AWS_CONFIG_FILE", join(dir, "missing"));
    const ssm = createSsmClient({ region: "us-east-1", endpoint: mock.url, credentials: fromEnv() });
    const error = (await ssm.listCommands().catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ name: "CredentialsError", operation: "ListCommands" });
    expect(error.message).toMatch(/^ListCommands: the credentials provider .*failed \(CredentialsProviderError: Unable to find environment variable credentials/);
    expect((error.cause as Error).name).toBe("CredentialsProviderError");
  });
});

describe("the Region from the environment (Node.js)", () => {
  const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" };
  /** The Region a client signs for, read from the Authorization header it sends. */
  async function signedRegion(env: Record<string, string>, region?: string): Promise<string> {
    cleanEnvironment();
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    let seen = "";
    const fetch = async (request: Request): Promise<Response> => {
      seen = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(request.headers.get("authorization") ?? "")![1]! + " " + new URL(request.url).host;
      return new Response("{}", { headers: { "content-type": "application/x-amz-json-1.1" } });
    };
    await createSsmClient({ credentials, fetch, ...(region ? { region } : {}) }).listCommands();
    return seen;
  }

  it("AWS_REGION, as the SDK reads it, picks the Region and the endpoint", async () => {
    expect(await signedRegion({ AWS_REGION: "ap-southeast-2" })).toBe("ap-southeast-2 ssm.ap-southeast-2.amazonaws.com");
  });

  it("AWS_DEFAULT_REGION, as the AWS CLI reads it, when AWS_REGION is not set", async () => {
    expect(await signedRegion({ AWS_DEFAULT_REGION: "eu-central-1" })).toBe("eu-central-1 ssm.eu-central-1.amazonaws.com");
    expect(await signedRegion({ AWS_REGION: "us-west-2", AWS_DEFAULT_REGION: "eu-central-1" })).toBe("us-west-2 ssm.us-west-2.amazonaws.com");
  });

  it("the region option wins; none at all is a TypeError naming AWS_REGION", async () => {
    expect(await signedRegion({ AWS_REGION: "us-west-2" }, "sa-east-1")).toBe("sa-east-1 ssm.sa-east-1.amazonaws.com");
    cleanEnvironment();
    expect(() => createSsmClient({ credentials })).toThrow(/region is required \(or, under Node.js, the AWS_REGION environment variable\)/);
  });
});
