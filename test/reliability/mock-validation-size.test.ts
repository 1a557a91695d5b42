/**
 * The mock validates a hostile 1 MiB body in linear time and answers with a bounded message (issue
 * 12.1, 10.5): a list far over its `maxItems` is refused for that alone (no error per item), and a
 * body with thousands of violations lists a bounded number of them, then how many more. Before the
 * fix the first body blocked the mock for minutes. No wall-clock assertion: the test's timeout is
 * the only bound, and a valid request sent alongside must be answered too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock } from "../../mock/src/index.js";
import { DEFAULT_MAX_BODY_BYTES } from "../../mock/src/handler.js";

let mock: Awaited<ReturnType<typeof startMock>>;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
});
afterAll(async () => {
  await mock?.close();
});

const listCommands = (body: string) =>
  fetch(new URL("/", mock.url), {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands" },
    body,
  });

describe("the mock on a 1 MiB body of invalid items", () => {
  it("refuses a list over its maxItems for that alone, and keeps serving others meanwhile", async () => {
    const count = Math.floor((DEFAULT_MAX_BODY_BYTES - 20) / 3);
    const body = `{"Filters":[${Array(count).fill("{}").join(",")}]}`;
    expect(body.length).toBeLessThanOrEqual(DEFAULT_MAX_BODY_BYTES);
    const [big, small] = await Promise.all([listCommands(body), listCommands("{}")]);
    expect(small.status).toBe(200);
    expect(big.status).toBe(400);
    const answer = (await big.json()) as { __type: string; Message: string };
    expect(answer.__type).toBe("ValidationException");
    expect(answer.Message).toMatch(
      /^1 validation error detected: Value '\[\{\}, \{\}, [{}, ]+\.\.\.' at 'filters' failed to satisfy constraint: Member must have length less than or equal to 5$/,
    );
    expect(answer.Message.length).toBeLessThan(400);
  });

  it("lists a bounded number of violations and says how many more there were", async () => {
    const members = 40_000;
    const body = JSON.stringify(Object.fromEntries(Array.from({ length: members }, (_, i) => [`U${i}`, 0])));
    expect(body.length).toBeLessThanOrEqual(DEFAULT_MAX_BODY_BYTES);
    const response = await listCommands(body);
    expect(response.status).toBe(400);
    const { Message } = (await response.json()) as { Message: string };
    expect(Message).toMatch(new RegExp(`^${members} validation errors detected: Value '0' at 'u0' failed to satisfy constraint: `));
    const parts = Message.split("; ");
    expect(parts).toHaveLength(101);
    expect(parts.at(-1)).toBe(`and ${members - 100} more`);
  });
});
