/**
 * The mock's answers are valid against the spec, checked with the schemas as the OpenAPI documents'
 * tests compile them (test/openapi/load.ts), not with the mock's own validators: every documented
 * example through Prefer, and generated (dynamic) data.
 */
import { describe, expect, inject, it } from "vitest";
import { issuesFromAjvErrors } from "../../src/validation/errors.js";
import { createAjv, schemaKey } from "../openapi/load.js";
import { documentedErrors, example, OPERATIONS, responseSchemaRef, type OperationCase } from "./operations.js";
import { send, ssmHeaders, SSM_JSON } from "./wire.js";

const url = inject("mockUrl");
const ajv = createAjv();

const call = (op: OperationCase, prefer?: string) =>
  op.api === "ssm"
    ? send(url, { headers: ssmHeaders(op.name, prefer ? { prefer } : {}), body: JSON.stringify(op.input) })
    : send(url, { path: `/${op.name}`, headers: { "content-type": "application/json", ...(prefer ? { prefer } : {}) }, body: JSON.stringify(op.input) });

function expectValid(op: OperationCase, status: number, body: unknown): void {
  const validate = ajv.getSchema(schemaKey(op.api, responseSchemaRef(op.api, op.name, status)))!;
  expect(validate(body) ? [] : issuesFromAjvErrors(validate.errors)).toEqual([]);
}

const successExamples = (op: OperationCase): string[] => {
  const names = ["DocumentSample", "FirstPage", "LastPage", "Failed"];
  return names.filter((name) => {
    try {
      example(op.api, op.name, 200, name);
      return true;
    } catch {
      return false;
    }
  });
};

describe.each(OPERATIONS)("$name", (op) => {
  const mediaType = op.api === "ssm" ? SSM_JSON : "application/json";

  it.each(successExamples(op))("serves the 200 example %s as documented", async (name) => {
    const answer = await call(op, `example=${name}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe(mediaType);
    expect(answer.json).toEqual(example(op.api, op.name, 200, name));
    expectValid(op, 200, answer.json);
  });

  it.each(documentedErrors(op.api, op.name))("serves the $status example $error, valid against the error schema", async ({ status, error }) => {
    const answer = await call(op, `code=${status}, example=${error}`);
    expect(answer.status).toBe(status);
    expect(answer.headers.get("content-type")).toBe(mediaType);
    expect(answer.errorName).toBe(error);
    expect(answer.json).toEqual(example(op.api, op.name, status, error));
    expectValid(op, status, answer.json);
  });

  it("generates valid data on Prefer: dynamic=true, different from the examples", async () => {
    const bodies: unknown[] = [];
    for (let i = 0; i < 8; i++) {
      const answer = await call(op, "dynamic=true");
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toBe(mediaType);
      expectValid(op, 200, answer.json);
      bodies.push(answer.json);
    }
    const examples = successExamples(op).map((name) => JSON.stringify(example(op.api, op.name, 200, name)));
    expect(bodies.some((body) => !examples.includes(JSON.stringify(body)))).toBe(true);
  });

  it("generates the same data for the same seed", async () => {
    const first = await call(op, "dynamic=true, seed=contract");
    const second = await call(op, "dynamic=true, seed=contract");
    expect(second.json).toEqual(first.json);
  });
});
