/**
 * Loading data sets: from JSON and YAML files (--data, startMock({ data })), with SSM timestamps
 * as epoch seconds or ISO 8601 strings; invalid ones refused whole with a message naming the file,
 * the record and the member; and the HTTP data endpoint (GET, PUT, DELETE /_mock/data).
 */
import { spawn } from "node:child_process";
import { request as httpRequest } from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetMaintenanceWindowExecutionCommand, ListCommandsCommand, SSMClient } from "@aws-sdk/client-ssm";
import { stringify } from "yaml";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseMockArgs } from "../../mock/src/cli-args.js";
import { startMock, type RunningMock } from "../../mock/src/index.js";
import { sdkClientConfig } from "./clients/aws-sdk.js";
import { BASE, command, commandId, dataSet, WINDOW_EXECUTION_ID } from "./data-fixtures.js";
import { send, ssmHeaders } from "./wire.js";

const dir = mkdtempSync(join(tmpdir(), "mock-data-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const mocks: RunningMock[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});
const start = async (data: Parameters<typeof startMock>[0] extends infer O ? (O extends { data?: infer D } ? D : never) : never): Promise<RunningMock> => {
  const mock = await startMock({ port: 0, data });
  mocks.push(mock);
  return mock;
};
const listCommandIds = async (mock: RunningMock, input: ConstructorParameters<typeof ListCommandsCommand>[0] = {}): Promise<string[]> =>
  ((await new SSMClient(sdkClientConfig(mock.url)).send(new ListCommandsCommand(input))).Commands ?? []).map((c) => c.CommandId!);

/** A record with a fault: a Status the schema does not have, in Commands[2]. */
const invalidSet = (): ReturnType<typeof dataSet> => {
  const set = dataSet(3);
  set.Commands[2]!["Status"] = "Exploded";
  return set;
};
const INVALID_MESSAGE = new RegExp(`Commands\\[2\\] \\(CommandId ${commandId(2)}\\): member '/Status' breaks 'enum'`);

describe("loading a data set", () => {
  it("from a JSON file and from a YAML file, the same data", async () => {
    const json = await start(file("set.json", JSON.stringify(dataSet(5))));
    const yaml = await start(file("set.yaml", stringify(dataSet(5))));
    const expected = [4, 3, 2, 1, 0].map(commandId);
    expect(await listCommandIds(json)).toEqual(expected);
    expect(await listCommandIds(yaml)).toEqual(expected);
  });

  it("SSM timestamps as ISO 8601 strings (as the AWS CLI prints them) go out as epoch seconds", async () => {
    const set = dataSet(2) as { Commands: Array<Record<string, unknown>>; MaintenanceWindowExecutions: Array<Record<string, unknown>> };
    set.Commands[1]!["RequestedDateTime"] = "2024-08-04T11:45:34.994000-07:00";
    set.MaintenanceWindowExecutions[0]!["StartTime"] = "2024-08-04T18:45:34Z";
    const mock = await start(set);
    const raw = await send(mock.url, { headers: ssmHeaders("ListCommands"), body: JSON.stringify({ CommandId: commandId(1) }) });
    expect((raw.json?.["Commands"] as Array<Record<string, unknown>>)[0]!["RequestedDateTime"]).toBe(1722797134.994);
    const window = await new SSMClient(sdkClientConfig(mock.url)).send(new GetMaintenanceWindowExecutionCommand({ WindowExecutionId: WINDOW_EXECUTION_ID }));
    expect(window.StartTime).toEqual(new Date("2024-08-04T18:45:34Z"));
  });

  it("the whole output of `aws ssm list-commands --output json` can be pasted as a data file", async () => {
    const output = { Commands: [{ ...command(1), RequestedDateTime: "2024-07-08T02:00:00.500000+00:00", ExpiresAfter: "2024-07-08T04:00:00.500000+00:00" }], NextToken: "AAEAAfromtheservice" };
    const mock = await start(file("list-commands.json", JSON.stringify(output, null, 4)));
    expect(await listCommandIds(mock)).toEqual([commandId(1)]);
  });

  it("startMock rejects an invalid data set whole, naming the record and the member", async () => {
    await expect(startMock({ port: 0, data: invalidSet() })).rejects.toThrow(INVALID_MESSAGE);
  });

  it("names the file, a missing ID, a duplicate and an unknown collection", async () => {
    const set = dataSet(2) as Record<string, unknown>;
    (set["Commands"] as Array<Record<string, unknown>>).push({ ...command(0) });
    delete (set["MaintenanceWindowExecutions"] as Array<Record<string, unknown>>)[0]!["WindowExecutionId"];
    const path = file("faults.json", JSON.stringify(set));
    const error = (await startMock({ port: 0, data: path }).then(
      (started) => started.close().then(() => new Error("started")),
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toContain(`Data set ${path} is invalid`);
    expect(error.message).toMatch(/Commands\[2\] \(CommandId c0000000-0000-4000-8000-000000000000\): the same CommandId as Commands\[0\]/);
    expect(error.message).toMatch(/MaintenanceWindowExecutions\[0\]: member '\/WindowExecutionId' is required/);
    await expect(startMock({ port: 0, data: { Comands: [] } as never })).rejects.toThrow(/unknown member 'Comands'/);
    await expect(startMock({ port: 0, data: file("broken.json", "{ nope") })).rejects.toThrow(/broken\.json is not valid JSON/);
    await expect(startMock({ port: 0, data: join(dir, "absent.json") })).rejects.toThrow(/Cannot read the data set .*absent\.json/);
  });

  it("--data FILE is a bin option; the bin exits non-zero with the message for an invalid file", async () => {
    expect(parseMockArgs(["--data", "set.yaml"], {})).toEqual({ help: false, options: { port: 4010, data: "set.yaml" } });
    const path = file("invalid.json", JSON.stringify(invalidSet()));
    const child = spawn(process.execPath, ["--import", "tsx", "mock/src/cli.ts", "--port", "0", "--data", path], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).not.toBe(0);
    expect(stderr).toContain(path);
    expect(stderr).toMatch(INVALID_MESSAGE);
  });
});

describe("the HTTP data endpoint /_mock/data", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock?.close());
  const endpoint = (method: string, body?: string, contentType = "application/json") =>
    fetch(`${mock.url}/_mock/data`, { method, ...(body === undefined ? {} : { body, headers: { "content-type": contentType } }) });

  it("one upload at a time: a PUT while another is still arriving answers 409, and the first then loads", async () => {
    const text = JSON.stringify(dataSet(2));
    const first = httpRequest(`${mock.url}/_mock/data`, { method: "PUT", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(text) } });
    const firstStatus = new Promise<number>((resolve, reject) => first.on("response", (res) => (res.resume(), resolve(res.statusCode!))).on("error", reject));
    first.write(text.slice(0, 10)); // the rest is held back: the upload stays in flight
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await endpoint("PUT", text);
    expect(second.status).toBe(409);
    expect(((await second.json()) as { message: string }).message).toMatch(/one data set at a time/);
    first.end(text.slice(10));
    expect(await firstStatus).toBe(200);
    expect(await listCommandIds(mock)).toEqual([1, 0].map(commandId));
    expect((await endpoint("DELETE")).status).toBe(200);
  });

  it("PUT replaces the data set (JSON or YAML), DELETE restores the default, GET shows it", async () => {
    const defaults = await listCommandIds(mock);
    expect(defaults).toContain("0831e1a8-a1ac-4257-a1fd-c831bEXAMPLE");

    const put = await endpoint("PUT", JSON.stringify(dataSet(3)));
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ counts: { Commands: 3, CommandInvocations: 3, AutomationExecutions: 1 } });
    expect(await listCommandIds(mock)).toEqual([2, 1, 0].map(commandId));

    const yaml = await endpoint("PUT", stringify({ Commands: [command(7)] }), "application/yaml");
    expect(yaml.status).toBe(200);
    expect(await listCommandIds(mock)).toEqual([commandId(7)]);
    const shown = (await (await endpoint("GET")).json()) as { Commands: Array<{ RequestedDateTime: number }> };
    expect(shown.Commands[0]!.RequestedDateTime).toBe(BASE + 7 * 60);

    const deleted = await endpoint("DELETE");
    expect(deleted.status).toBe(200);
    expect(await listCommandIds(mock)).toEqual(defaults);
  });

  it("PUT of an invalid data set answers 400 naming the record and member, and keeps the old data set", async () => {
    await endpoint("PUT", JSON.stringify(dataSet(2)));
    const refused = await endpoint("PUT", JSON.stringify(invalidSet()));
    expect(refused.status).toBe(400);
    expect(refused.headers.get("x-amzn-errortype")).toBe("InvalidDataSetException");
    expect(((await refused.json()) as { message: string }).message).toMatch(INVALID_MESSAGE);
    expect(await listCommandIds(mock)).toEqual([1, 0].map(commandId));
    expect((await endpoint("PUT", "{ not json")).status).toBe(400);
    expect((await endpoint("PUT", "x", "text/plain")).status).toBe(415);
    expect((await endpoint("POST", "{}")).status).toBe(405);
    expect(await listCommandIds(mock)).toEqual([1, 0].map(commandId));
    await endpoint("DELETE");
  });

  it("a token issued before the data set was replaced is InvalidNextToken afterwards", async () => {
    await endpoint("PUT", JSON.stringify(dataSet(10)));
    const client = new SSMClient(sdkClientConfig(mock.url));
    const page = await client.send(new ListCommandsCommand({ MaxResults: 3 }));
    await endpoint("PUT", JSON.stringify(dataSet(10)));
    await expect(client.send(new ListCommandsCommand({ MaxResults: 3, NextToken: page.NextToken }))).rejects.toMatchObject({ name: "InvalidNextToken" });
    await endpoint("DELETE");
  });
});
