/**
 * Data sets that would block, bloat or mislead the mock are refused, each with a message naming
 * the rule and, where there is one, the record and the member: YAML over its size limit or its
 * alias budget, a %YAML 1.1 document, a record too big for a page, dates that name no day or lie
 * outside what clients read, a JSON member named twice; and an upload trickled to hold the upload
 * slot. Loopback only; every wait is bounded, and nothing asserts on time.
 */
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { DataSetError, loadDataSet, parseDataText } from "../../mock/src/data/index.js";
import { MAX_RECORD_BYTES } from "../../mock/src/data/record-size.js";
import { MAX_YAML_ALIASES, MAX_YAML_BYTES, MAX_YAML_EXPANDED_BYTES } from "../../mock/src/data/yaml.js";
import { startMock } from "../../mock/src/index.js";
import { send } from "./wire.js";

const COMMAND_ID = "c0000000-0000-4000-8000-000000000001";
const load = (text: string, yaml = false) => loadDataSet(parseDataText(text, "the test's", yaml), "the test's", { owned: true });
const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataSetError);
    return (error as Error).message;
  }
  throw new Error("the data set was accepted");
};

describe("YAML data sets are bounded", () => {
  it("a YAML text over the limit is refused before it is parsed, pointing to JSON", () => {
    const line = `  - CommandId: ${COMMAND_ID}\n`;
    const text = `Commands:\n${line.repeat(Math.ceil(MAX_YAML_BYTES / line.length) + 1)}`;
    expect(refusal(() => load(text, true))).toMatch(new RegExp(`at most ${MAX_YAML_BYTES} bytes .*send a larger one as JSON`));
  });

  it("aliases that would expand a small file far past its size are refused before they are expanded", () => {
    // One long string, repeated through aliases into a huge record.
    const big = "x".repeat(200_000);
    const text = `Commands:\n  - CommandId: ${COMMAND_ID}\n    Comment: &long ${big}\n    Parameters:\n      commands: [${Array.from({ length: 60 }, () => "*long").join(", ")}]\n`;
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_YAML_BYTES);
    expect(60 * big.length).toBeGreaterThan(MAX_YAML_EXPANDED_BYTES);
    expect(refusal(() => load(text, true))).toMatch(/with its aliases expanded, the YAML data set would be over \d+ bytes/);
  });

  it("nested aliases (a billion laughs) are refused by the same count, without expanding them", () => {
    const levels = ["a: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let n = 1; n < 10; n++) levels.push(`a${n}: &a${n} [${Array.from({ length: 10 }, () => `*a${n - 1}`).join(", ")}]`);
    const text = `Commands:\n  - CommandId: ${COMMAND_ID}\n    Parameters:\n${levels.map((l) => `      ${l.replace(/^a(\d*):/, "p$1:")}`).join("\n")}\n`;
    expect(refusal(() => load(text, true))).toMatch(/aliases expanded|at most \d+ aliases/);
  });

  it(`more than ${MAX_YAML_ALIASES} aliases are refused; a file that shares a block through a few loads`, () => {
    const many = `Commands:\n  - CommandId: ${COMMAND_ID}\n    Targets: &t []\n    Parameters:\n      commands: [${Array.from({ length: MAX_YAML_ALIASES + 1 }, () => "*t").join(", ")}]\n`;
    expect(refusal(() => load(many, true))).toMatch(new RegExp(`at most ${MAX_YAML_ALIASES} aliases`));

    const shared = [
      "CommandInvocations:",
      ...[1, 2, 3].map((n) => `  - CommandId: ${COMMAND_ID}\n    InstanceId: i-0000000000000000${n}\n    CommandPlugins: ${n === 1 ? "&plugins " : "*plugins"}${n === 1 ? "\n      - Name: aws:runShellScript\n        Status: Success\n        Output: done" : ""}`),
    ].join("\n");
    const set = load(shared, true);
    expect(set.CommandInvocations.map((r) => (r["CommandPlugins"] as Array<{ Output: string }>)[0]!.Output)).toEqual(["done", "done", "done"]);
  });

  it("a %YAML 1.1 document is refused; without it, yes and 1:30 stay the strings they are", () => {
    const body = `Commands:\n  - CommandId: ${COMMAND_ID}\n    Comment: yes\n    Parameters:\n      commands: [1:30]\n`;
    expect(refusal(() => load(`%YAML 1.1\n---\n${body}`, true))).toMatch(/%YAML 1\.1.*remove the directive/);
    const command = load(body, true).Commands[0]!;
    expect([command["Comment"], command["Parameters"]]).toEqual(["yes", { commands: ["1:30"] }]);
  });
});

describe("records and their members", () => {
  it("a record over the size limit is refused, naming it; a workflow's step is measured on its own", () => {
    const huge = "x".repeat(MAX_RECORD_BYTES);
    const command = refusal(() => load(JSON.stringify({ Commands: [{ CommandId: COMMAND_ID, Comment: "ok" }, { CommandId: "c-2", Parameters: { commands: [huge] } }] })));
    expect(command).toContain(`Commands[1] (CommandId c-2): member '/' is over ${MAX_RECORD_BYTES} characters as JSON`);

    const step = (name: string, extra = {}) => ({ stepExecutionId: `step-${name}`, name, status: "COMPLETED", ...extra });
    const workflow = { workflowExecutionId: "wf-00000000-0000-4000-8000-000000000001", steps: [step("a"), step("b", { message: huge })] };
    expect(refusal(() => load(JSON.stringify({ WorkflowExecutions: [workflow] })))).toContain("WorkflowExecutions[0] (workflowExecutionId wf-00000000-0000-4000-8000-000000000001): member '/steps/1' is over");
  });

  it("a date that names no day is refused, naming the record and the member; a real leap day loads", () => {
    const message = refusal(() => load(JSON.stringify({ Commands: [{ CommandId: COMMAND_ID, RequestedDateTime: "2024-02-30T00:00:00Z" }] })));
    expect(message).toContain(`Commands[0] (CommandId ${COMMAND_ID}): member '/RequestedDateTime' '2024-02-30T00:00:00Z' is not a date: February 2024 has 29 days`);
    expect(refusal(() => load(JSON.stringify({ Commands: [{ CommandId: COMMAND_ID, RequestedDateTime: "2023-02-29T00:00:00Z" }] })))).toContain("February 2023 has 28 days");
    expect(refusal(() => load(JSON.stringify({ Commands: [{ CommandId: COMMAND_ID, RequestedDateTime: "2024-01-01T24:30:00Z" }] })))).toContain("is not a time of day");
    expect(load(JSON.stringify({ Commands: [{ CommandId: COMMAND_ID, RequestedDateTime: "2024-02-29T12:00:00Z" }] })).Commands[0]!["RequestedDateTime"]).toBe(Date.UTC(2024, 1, 29, 12) / 1000);
  });

  it("a timestamp no client can read (1e300 seconds) is refused, naming the record and the member", () => {
    const message = refusal(() => load(JSON.stringify({ Commands: [{ CommandId: COMMAND_ID, RequestedDateTime: 1e300 }] })));
    expect(message).toContain(`Commands[0] (CommandId ${COMMAND_ID}): member '/RequestedDateTime' 1e+300 is outside the timestamps clients can read`);
    const steps = { AutomationExecutionId: "aaaaaaaa-0000-4000-8000-000000000001", StepExecutions: [{ StepName: "a", ExecutionStartTime: -1e20 }] };
    expect(refusal(() => load(JSON.stringify({ AutomationExecutions: [steps] })))).toContain("AutomationExecutions[0] (AutomationExecutionId aaaaaaaa-0000-4000-8000-000000000001): member '/StepExecutions/0/ExecutionStartTime' -100000000000000000000 is outside");
  });

  it("a JSON member named twice is refused, naming the record and the member, however it is spelled", () => {
    const text = `{"Commands":[{"CommandId":"${COMMAND_ID}","Status":"Success"},{"CommandId":"c0000000-0000-4000-8000-000000000002","Status":"Success","\\u0053tatus":"Failed","Parameters":{"a":["1"],"a":["2"]}}]}`;
    const message = refusal(() => load(text));
    expect(message).toContain("Commands[1] (CommandId c0000000-0000-4000-8000-000000000002): member '/Status' is given twice");
    expect(message).toContain("Commands[1] (CommandId c0000000-0000-4000-8000-000000000002): member '/Parameters/a' is given twice");
    expect(message).not.toContain("Commands[0]");
    // The same keys in different objects are no duplicates.
    expect(load(`{"Commands":[{"CommandId":"${COMMAND_ID}","Status":"Success"},{"CommandId":"c0000000-0000-4000-8000-000000000002","Status":"Success"}]}`).Commands).toHaveLength(2);
  });
});

describe("the data endpoint", () => {
  const put = (url: string, body: string, type = "application/json") => send(url, { name: "PUT", method: "PUT", path: "/_mock/data", headers: { "content-type": type }, body });

  it("refuses a YAML body over the limit from its Content-Length, before reading it", async () => {
    const mock = await startMock({ port: 0 });
    try {
      const { port } = new URL(mock.url);
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), "127.0.0.1", () => {
          // Headers only: the answer must come without the body.
          socket.write(`PUT /_mock/data HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/yaml\r\nContent-Length: ${MAX_YAML_BYTES + 1}\r\n\r\n`);
        });
        let text = "";
        socket.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
          if (text.includes("}")) {
            socket.destroy();
            resolve(text);
          }
        });
        socket.on("error", reject);
        setTimeout(() => reject(new Error("no answer")), 10_000).unref();
      });
      expect(answer).toMatch(/^HTTP\/1\.1 413/);
      expect(answer).toContain("RequestEntityTooLargeException");
      expect(answer).toContain("send a larger one as JSON");
    } finally {
      await mock.close();
    }
  });

  it("refuses a duplicate JSON member and an impossible date with InvalidDataSetException, keeping the old data set", async () => {
    const mock = await startMock({ port: 0 });
    try {
      const twice = await put(mock.url, `{"Commands":[{"CommandId":"${COMMAND_ID}","Status":"Success","Status":"Failed"}]}`);
      expect(twice.status).toBe(400);
      expect(twice.body).toContain(`Commands[0] (CommandId ${COMMAND_ID}): member '/Status' is given twice`);
      const date = await put(mock.url, `Commands:\n  - CommandId: ${COMMAND_ID}\n    RequestedDateTime: 2024-02-30T00:00:00Z\n`, "application/yaml");
      expect(date.status).toBe(400);
      expect(date.body).toContain("February 2024 has 29 days");
    } finally {
      await mock.close();
    }
  });

  it("a trickled upload loses the upload slot once it falls behind the minimum rate; the next upload then loads", async () => {
    const mock = await startMock({ port: 0, bodyTimeoutMs: 300 });
    try {
      const { port } = new URL(mock.url);
      const body = JSON.stringify({ Commands: [{ CommandId: COMMAND_ID }] });
      let sent = 0;
      const socket = connect(Number(port), "127.0.0.1");
      socket.on("error", () => undefined);
      const answered = new Promise<string>((resolve) => {
        let text = "";
        socket.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
        socket.on("close", () => resolve(text));
      });
      socket.write(`PUT /_mock/data HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
      // A byte every 100 ms: never idle for the 300 ms body timeout, far below the rate.
      const trickle = setInterval(() => {
        if (sent < body.length - 1 && !socket.destroyed) socket.write(body[sent++]!);
      }, 100);
      try {
        // While it trickles, it holds the slot.
        while (sent < 2) await new Promise((r) => setTimeout(r, 20));
        expect((await put(mock.url, body)).status).toBe(409);
        const answer = await answered;
        expect(answer).toMatch(/^HTTP\/1\.1 408/);
        expect(answer).toContain("arrived too slowly");
        // Refused before the trickler was done.
        expect(sent).toBeLessThan(body.length - 1);
      } finally {
        clearInterval(trickle);
        socket.destroy();
      }
      expect((await put(mock.url, body)).status).toBe(200);
    } finally {
      await mock.close();
    }
  });
});

describe("attempt counting", () => {
  it("refuses an amz-sdk-invocation-id longer than the cap, naming the header; a UUID counts as before", async () => {
    const mock = await startMock({ port: 0 });
    try {
      const ask = (id: string) =>
        send(mock.url, {
          name: "ListCommands",
          method: "POST",
          path: "/",
          headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands", prefer: "example=ThrottlingException, code=400, failures=1", "amz-sdk-invocation-id": id },
          body: "{}",
        });
      const long = await ask("x".repeat(15_000));
      expect(long.status).toBe(400);
      expect(long.body).toMatch(/InvalidPreferHeaderException.*amz-sdk-invocation-id may be at most 64 characters/);
      const id = "0b7f6a3e-4a52-4c9e-9d0a-6f8f1c2d3e4f";
      expect(JSON.parse((await ask(id)).body).__type).toBe("ThrottlingException");
      expect((await ask(id)).status).toBe(200);
    } finally {
      await mock.close();
    }
  });
});
