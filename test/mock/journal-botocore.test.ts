/**
 * boto3/botocore and the request journal: a paginated call's pages, a filter's exact input verified
 * over POST /_mock/verify, a retried call, a refused request's issues, redaction, isolation and
 * reset, driven by test/mock/botocore/journal.py against one mock with isolation and signature
 * checking; and the README's boto3 verification snippet, run as it is. Skipped, saying why, where
 * python3 or boto3 is missing.
 */
import { execFile, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../mock/src/index.js";

const SCRIPT = fileURLToPath(new URL("./botocore/journal.py", import.meta.url));
const A = ["AKIDBOTOA", "boto/secret/a"] as const;
const B = ["AKIDBOTOB", "boto/secret/b"] as const;
const SESSION = ["ASIABOTO", "boto/session/secret", "BOTOSESSIONTOKEN0123456789"] as const;

function botocoreMissing(): string | undefined {
  const probe = spawnSync("python3", ["-c", "import boto3"], { encoding: "utf8", timeout: 30_000 });
  if (probe.error) return "python3 is not installed";
  if (probe.status !== 0) return "boto3 is not installed for python3 (pip install boto3)";
  return undefined;
}
const missing = botocoreMissing();

interface Entry {
  operation: string;
  input: Record<string, unknown>;
  status: number;
  error: string | null;
  accessKeyId: string;
  signature: { valid: boolean; accessKeyId: string; service: string } | null;
}
type Http = [number, Record<string, unknown>];
interface Seen {
  loaded: number;
  pages: string[][];
  tokens: string[];
  listing: { status: number; entries: Entry[] };
  verified: Http;
  missed: Http;
  sequence: Http;
  retried: { retries: number; entries: { status: number; error: string | null; answeredBy: string; sdk: { invocationId: string; attempt: number | null; max: number | null } }[] };
  refused: { raised: string; status: number; input: Record<string, unknown>; issues: { path: string; rule: string }[] };
  redaction: { journal: string; authorization: string };
  isolated: { commands: number; journal: string[] };
  reset: Http;
  afterReset: { journal: number; commands: number };
}

describe.skipIf(missing !== undefined)(`boto3 and the request journal${missing ? ` (skipped: ${missing})` : ""}`, () => {
  let mock: RunningMock;
  let seen: Seen;
  const lines: string[] = [];

  beforeAll(async () => {
    mock = await startMock({
      port: 0,
      isolation: "accessKeyId",
      auth: { type: "sigv4", credentials: [A.join(":"), B.join(":"), SESSION.join(":")] },
      log: (line) => lines.push(line),
    });
    const args = JSON.stringify({ url: mock.url, a: A, b: B, session: SESSION, token: mock.adminToken });
    const { stdout } = await promisify(execFile)("python3", [SCRIPT, args], { timeout: 90_000, maxBuffer: 16 * 1024 * 1024 });
    seen = JSON.parse(stdout) as Seen;
  }, 120_000);
  afterAll(() => mock?.close());

  it("records every page of a paginated call: the NextToken chain followed, the page size", () => {
    expect(seen.loaded).toBe(200);
    expect(seen.pages.flat()).toHaveLength(4); // 4 of the 12 commands are Failed, 2 a page
    expect(seen.tokens).toHaveLength(1);
    expect(seen.listing.entries.map((e) => [e.input["MaxResults"], e.input["NextToken"]])).toEqual([[2, undefined], [2, seen.tokens[0]]]);
    for (const entry of seen.listing.entries) {
      expect(entry).toMatchObject({ operation: "ListCommands", status: 200, error: null, accessKeyId: A[0], signature: { valid: true, accessKeyId: A[0], service: "ssm" } });
    }
  });

  it("verifies a filter's exact input over POST /_mock/verify, and names the near miss", () => {
    expect(seen.verified).toEqual([200, expect.objectContaining({ ok: true, count: 1 })]);
    expect(seen.missed[0]).toBe(422);
    expect(seen.missed[1]).toMatchObject({ ok: false, count: 0 });
    expect(String(seen.missed[1]["message"])).toContain('input.Filters[?]: expected {"key":"Status","value":"Success"}, got {"key":"Status","value":"Failed"}');
    expect(seen.sequence).toEqual([200, expect.objectContaining({ ok: true, count: 2 })]);
  });

  it("records a retried call as one invocation with three attempts", () => {
    expect(seen.retried.retries).toBe(2);
    // botocore marks its first attempt `attempt=1` alone, the retries `ttl=...; attempt=N; max=M`.
    expect(seen.retried.entries.map((e) => [e.status, e.error, e.answeredBy, e.sdk.attempt, e.sdk.max])).toEqual([
      [400, "ThrottlingException", "fault", 1, null],
      [400, "ThrottlingException", "fault", 2, 3],
      [200, null, "data", 3, 3],
    ]);
    expect(new Set(seen.retried.entries.map((e) => e.sdk.invocationId)).size).toBe(1);
  });

  it("records a refused request's issues", () => {
    expect(seen.refused).toMatchObject({ raised: "ValidationException", status: 400, input: { MaxResults: 0 } });
    expect(seen.refused.issues).toEqual([expect.objectContaining({ path: "/MaxResults", rule: "minimum" })]);
  });

  it("never shows the session token, the secret or the signature", () => {
    const signature = /Signature=([0-9a-f]{64})/.exec(seen.redaction.authorization)?.[1];
    expect(signature).toBeDefined();
    for (const text of [seen.redaction.journal, lines.join("\n")]) {
      expect(text).not.toContain(signature!);
      expect(text).not.toContain(SESSION[2]);
      expect(text).not.toContain(SESSION[1]);
    }
    expect(seen.redaction.journal).toContain("(redacted)");
  });

  it("keeps another caller's data set and journal apart", () => {
    expect(seen.isolated.commands).toBeGreaterThan(0);
    expect(seen.isolated.commands).not.toBe(12);
    expect(seen.isolated.journal).toEqual([B[0]]);
  });

  it("resets a caller to the mock's start", () => {
    expect(seen.reset[0]).toBe(200);
    expect(seen.afterReset.journal).toBe(0);
    expect(seen.afterReset.commands).toBe(seen.isolated.commands);
  });

  it("runs mock/README.md's boto3 verification as it is", async () => {
    const readme = readFileSync(new URL("../../mock/README.md", import.meta.url), "utf8");
    const snippet = /```python\n(import json, urllib\.request[\s\S]*?)```/.exec(readme)?.[1];
    expect(snippet).toBeDefined();
    const plain = await startMock({ port: 0 });
    try {
      const run = promisify(execFile)("python3", ["-c", `${snippet!.replace("http://127.0.0.1:4010", plain.url)}\nprint(result["count"])`], { timeout: 60_000 });
      expect((await run).stdout.trim()).toBe("1");
    } finally {
      await plain.close();
    }
  });
});
