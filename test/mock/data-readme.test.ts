/**
 * The data file and the contract test of mock/README.md ("Data sets"), as written there: the YAML is
 * read out of the README and served; the test's assertions run against it with the SDK v3 client.
 */
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InvalidCommandId, ListCommandsCommand, paginateListCommands, SSMClient } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../mock/src/index.js";

const readme = readFileSync(new URL("../../mock/README.md", import.meta.url), "utf8");
const section = readme.slice(readme.indexOf("## Data sets"));
const yaml = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
const dir = mkdtempSync(join(tmpdir(), "mock-readme-"));
const file = join(dir, "fleet.yaml");
writeFileSync(file, yaml);

let mock: RunningMock;
let ssm: SSMClient;
beforeAll(async () => {
  mock = await startMock({ port: 0, data: file });
  ssm = new SSMClient({ endpoint: mock.url, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
});
afterAll(async () => {
  await mock?.close();
  rmSync(dir, { recursive: true, force: true });
});

it("the README's data file loads, and its contract test holds: only the failed commands, page by page", async () => {
  expect(section).toContain('startMock({ port: 0, data: "fleet.yaml" })');
  const failed = [];
  for await (const page of paginateListCommands({ client: ssm, pageSize: 1 }, { Filters: [{ key: "Status", value: "Failed" }] })) {
    failed.push(...page.Commands!.map((c) => c.CommandId));
  }
  expect(failed).toEqual(["0831e1a8-a1ac-4257-a1fd-c831b0e0e0e1"]);
  const all = await ssm.send(new ListCommandsCommand({}));
  expect(all.Commands!.map((c) => c.CommandId)).toEqual(["0831e1a8-a1ac-4257-a1fd-c831b0e0e0e2", "0831e1a8-a1ac-4257-a1fd-c831b0e0e0e1"]);
});

it("the README's test of a command that does not exist", async () => {
  await expect(ssm.send(new ListCommandsCommand({ CommandId: "00000000-0000-4000-8000-000000000000" }))).rejects.toBeInstanceOf(InvalidCommandId);
});

/** The root README's "Contract testing with the mock": its own data file, the same assertions. */
it("README.md's contract-testing data file and test hold as written there", async () => {
  const root = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const contract = root.slice(root.indexOf("### Contract testing with the mock"));
  expect(contract).toContain('startMock({ port: 0, data: "fleet.yaml" })');
  const rootFile = join(dir, "root-fleet.yaml");
  writeFileSync(rootFile, /```yaml\n([\s\S]*?)```/.exec(contract)![1]!);
  const rootMock = await startMock({ port: 0, data: rootFile });
  try {
    const client = new SSMClient({ endpoint: rootMock.url, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
    const failed = [];
    for await (const page of paginateListCommands({ client, pageSize: 1 }, { Filters: [{ key: "Status", value: "Failed" }] })) {
      failed.push(...page.Commands!.map((c) => c.CommandId));
    }
    expect(failed).toEqual(["0831e1a8-a1ac-4257-a1fd-c831b0e0e0e1"]);
    await expect(client.send(new ListCommandsCommand({ CommandId: "00000000-0000-4000-8000-000000000000" }))).rejects.toBeInstanceOf(InvalidCommandId);
  } finally {
    await rootMock.close();
  }
});
