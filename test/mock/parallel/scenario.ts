/**
 * What each parallel test file does against the one mock, under its own access key ID: loads a data
 * set of its own, fails the first attempt of a call (`Prefer: failures=1`, attempts counted by the
 * mock from a shared `amz-sdk-invocation-id`), waits until the other file has done the same, then
 * checks that it sees only its own data, journal and fault counter. The files meet at barriers
 * (marker files in $PARALLEL_DIR), so their requests interleave.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ListCommandsCommand, SSMClient } from "@aws-sdk/client-ssm";
import { expect, inject } from "vitest";
import { connectMock } from "../../../mock/src/index.js";
import { mockMatchers } from "../../../mock/src/vitest.js";

expect.extend(mockMatchers);

const INVOCATION = "9b2f8c2e-0000-4000-8000-0000000000aa";

async function barrier(me: string, other: string, step: string): Promise<void> {
  const dir = process.env["PARALLEL_DIR"]!;
  writeFileSync(join(dir, `${me}.${step}`), String(process.pid));
  // Up to 60 s: the other worker process may still be starting on a loaded machine.
  for (let i = 0; i < 3000 && !existsSync(join(dir, `${other}.${step}`)); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  if (!existsSync(join(dir, `${other}.${step}`))) throw new Error(`${other} never reached ${step}`);
}

/** One raw ListCommands request under `accessKeyId` with the SDK's invocation ID (no attempt number, so the mock counts attempts). */
async function attempt(url: string, accessKeyId: string, prefer: string): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "AmazonSSM.ListCommands",
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260304/us-east-1/ssm/aws4_request, SignedHeaders=host, Signature=00`,
      "amz-sdk-invocation-id": INVOCATION,
      prefer,
    },
    body: "{}",
  });
  await response.text();
  return response.status;
}

export async function isolationScenario(me: string, other: string): Promise<{ pid: number }> {
  const url = inject("mockUrl");
  const accessKeyId = `worker-${me}`;
  const commandId = me === "a" ? "0831e1a8-a1ac-4257-a1fd-c831b0e0e0aa" : "0831e1a8-a1ac-4257-a1fd-c831b0e0e0bb";
  const mock = connectMock(url, { accessKeyId });
  const ssm = new SSMClient({ endpoint: url, region: "us-east-1", credentials: { accessKeyId, secretAccessKey: "x" }, maxAttempts: 1 });

  await mock.putData({ Commands: [{ CommandId: commandId, DocumentName: `Doc-${me}`, Status: "Success", RequestedDateTime: 1720400000 }] });
  // The first attempt of the shared invocation fails in each file's own fault counter.
  expect(await attempt(url, accessKeyId, "example=ThrottlingException, failures=1")).toBe(400);
  await barrier(me, other, "loaded");

  // Without isolation the other file's data set (loaded last) and its attempt would be seen here.
  expect(await attempt(url, accessKeyId, "example=ThrottlingException, failures=1")).toBe(200);
  const { Commands } = await ssm.send(new ListCommandsCommand({}));
  expect(Commands?.map((c) => c.CommandId)).toEqual([commandId]);

  const journal = await mock.requests();
  expect(journal.map((entry) => entry.accessKeyId)).toEqual([accessKeyId, accessKeyId, accessKeyId]);
  expect(journal.map((entry) => [entry.status, entry.error])).toEqual([[400, "ThrottlingException"], [200, null], [200, null]]);
  await expect(mock).toHaveReceivedTimes("ListCommands", 3);
  await expect(mock).toHaveReceivedInOrder([{ error: "ThrottlingException", answeredBy: "fault" }, { status: 200 }]);
  await barrier(me, other, "checked");
  return { pid: process.pid };
}
