/**
 * A data set as large as the byte limit allows loads: a million small records in one collection,
 * from a file (how `--data` reads it), then answered page by page. Nothing here asserts on time.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDataSet } from "../../mock/src/data/index.js";
import { MAX_DATA_BYTES } from "../../mock/src/admin/data.js";
import { startMock } from "../../mock/src/index.js";
import { send } from "./wire.js";

const dir = mkdtempSync(join(tmpdir(), "mock-scale-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RECORDS = 1_000_000;
const commandId = (n: number): string => `c0000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

describe("a data set of a million records", () => {
  it("loads from a file within the byte limit and answers its first and last pages", async () => {
    const parts: string[] = [];
    for (let n = 0; n < RECORDS; n++) parts.push(`{"CommandId":"${commandId(n)}","RequestedDateTime":${1_700_000_000 + n},"Status":"Success"}`);
    const text = `{"Commands":[${parts.join(",")}]}`;
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_DATA_BYTES);
    const file = join(dir, "million.json");
    writeFileSync(file, text);
    parts.length = 0;

    expect(loadDataSet(file).Commands).toHaveLength(RECORDS);

    const mock = await startMock({ port: 0, data: file });
    try {
      const ask = (body: unknown) =>
        send(mock.url, { name: "ListCommands", method: "POST", path: "/", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands" }, body: JSON.stringify(body) }, 60_000);
      const first = JSON.parse((await ask({ MaxResults: 50 })).body) as { Commands: Array<{ CommandId: string }>; NextToken?: string };
      // Newest first: the last record of the file is the first answered.
      expect(first.Commands[0]!.CommandId).toBe(commandId(RECORDS - 1));
      expect(first.Commands).toHaveLength(50);
      expect(first.NextToken).toBeTypeOf("string");
      const one = JSON.parse((await ask({ CommandId: commandId(0) })).body) as { Commands: Array<{ CommandId: string }> };
      expect(one.Commands.map((c) => c.CommandId)).toEqual([commandId(0)]);
    } finally {
      await mock.close();
    }
  }, 240_000);
});
