/**
 * Property-based: for every operation body (request, success response, error), payloads generated
 * from the schema pass the package's validate(), and a payload with exactly one member broken is
 * rejected with an issue naming that member and the broken rule. Bounded: NUM_RUNS per property; the seed is printed on
 * failure (fast-check's report) and can be pinned with FC_SEED.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryFor } from "./arbitrary.js";
import { mutationsOf } from "./mutations.js";
import { operationBodies, packageValidator, type OperationBody, type Validate } from "./operations.js";
import type { Schema } from "./schema.js";

const NUM_RUNS = 150;
const seed = process.env["FC_SEED"] === undefined ? undefined : Number(process.env["FC_SEED"]);
fc.configureGlobal({ numRuns: NUM_RUNS, ...(seed === undefined ? {} : { seed }) });

// The package's validate() is under test. (There is no second ajv set-up to agree with: the generator,
// the mock and the tests all compile with src/validation/ajv.ts.)
const validate = packageValidator();
const bodies = operationBodies();

describe("operation bodies found in the specs", () => {
  it("covers every operation with a request, a success response and an error body", () => {
    const byOperation = new Map<string, Set<string>>();
    for (const b of bodies) byOperation.set(b.operationId, (byOperation.get(b.operationId) ?? new Set()).add(b.kind));
    expect([...byOperation.keys()].sort()).toEqual([
      "DescribeAutomationStepExecutions", "GetMaintenanceWindowExecution", "ListCommandInvocations", "ListCommands", "ListWorkflowStepExecutions",
    ]);
    for (const kinds of byOperation.values()) expect([...kinds].sort()).toEqual(["error", "request", "response"]);
  });
});

describe.each(bodies.map((b) => [`${b.operationId} ${b.kind} (${b.schemaRef.split("/").pop()})`, b] as const))("%s", (_name, body) => {
  const payloads = arbitraryFor(body.doc, { $ref: body.schemaRef });

  it("accepts every payload generated from its schema", () => {
    fc.assert(
      fc.property(payloads, (payload) => {
        const result = validate(body, payload);
        if (!result.ok) throw new Error(`rejected a generated payload: ${JSON.stringify(result.errors)}`);
      }),
    );
  });

  it("rejects a payload with one member broken, naming that member and rule", () => {
    const seenRules = new Set<string>();
    fc.assert(oneMemberBroken(body, validate, seenRules));
    // The root's wrong-type mutation always exists, so at least that rule was exercised.
    expect(seenRules.has("type")).toBe(true);
  });
});

function oneMemberBroken(body: OperationBody, check: Validate, seenRules = new Set<string>()) {
  const schema: Schema = { $ref: body.schemaRef };
  return fc.property(arbitraryFor(body.doc, schema), fc.nat(), (payload, pick) => {
    const mutations = mutationsOf(body.doc, schema, payload);
    const mutation = mutations[pick % mutations.length]!;
    seenRules.add(mutation.rule);
    const broken = mutation.apply(payload);
    const result = check(body, broken);
    expect(result.ok, `${mutation.rule} at '${mutation.path}' passed validation`).toBe(false);
    // Every issue names the broken member (no collateral errors elsewhere) ...
    expect(result.errors.map((e) => e.path)).toEqual(result.errors.map(() => mutation.path));
    // ... and one of them names the broken rule.
    expect(result.errors.map((e) => e.rule)).toContain(mutation.rule);
  });
}

describe("the one-member property catches a faulty validator", () => {
  const body = bodies.find((b) => b.operationId === "GetMaintenanceWindowExecution" && b.kind === "request")!;
  it("one that ignores `pattern`", () => {
    const ignoresPattern: Validate = (b, payload) => {
      const errors = validate(b, payload).errors.filter((e) => e.rule !== "pattern");
      return { ok: errors.length === 0, errors };
    };
    expect(fc.check(oneMemberBroken(body, ignoresPattern), { numRuns: 200, seed: 1 }).failed).toBe(true);
  });
  it("one that points at the parent instead of the member", () => {
    const parentPaths: Validate = (b, payload) => {
      const result = validate(b, payload);
      return { ...result, errors: result.errors.map((e) => ({ ...e, path: e.path.replace(/\/[^/]*$/, "") })) };
    };
    expect(fc.check(oneMemberBroken(body, parentPaths), { numRuns: 200, seed: 1 }).failed).toBe(true);
  });
});
