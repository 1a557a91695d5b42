/**
 * Contract tests: each client in CLIENTS against the mock started once in global-setup.ts. For each
 * of the five operations: a success parses, every documented error arrives as its typed error, a spec
 * violation arrives as ValidationException naming each member, and the paginators end.
 */
import { describe, expect, inject, it } from "vitest";
import { CLIENTS } from "./clients/index.js";
import type { ContractClient } from "./clients/contract-client.js";
import { at, documentedErrors, example, firstExampleName, OPERATIONS, withoutMembers } from "./operations.js";
import { awsMemberPath } from "../../src/model/index.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const url = inject("mockUrl");

/** An example as the client can see it: without the members its model lacks. */
const expected = (client: ContractClient, value: unknown): unknown => withoutMembers(value, client.unmodelledMembers);

const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    (value) => {
      throw new Error(`expected an error, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );

for (const makeClient of CLIENTS) {
  const client = makeClient(url);

  describe(client.label, () => {
    describe.each(OPERATIONS)("$name", (op) => {
      // Without Prefer the mock answers from its data set; the example is asked for by name.
      const firstExample = { prefer: `example=${firstExampleName(op.api, op.name, 200)}` };

      it("parses a success: the operation's first 200 example, with a request ID", async () => {
        const output = await client.call(op.name, structuredClone(op.input), firstExample);
        expect(client.toWire(output)).toEqual(expected(client, example(op.api, op.name, 200)));
        expect(client.requestId(output)).toMatch(UUID);
      });

      if (op.timestamp && client.timestampsAsDate) {
        it(`turns the wire's epoch seconds into a Date (${op.timestamp.join(".")})`, async () => {
          const output = await client.call(op.name, structuredClone(op.input), firstExample);
          const value = at(output, op.timestamp!);
          expect(value).toBeInstanceOf(Date);
          expect((value as Date).getTime()).toBe(Math.round((at(example(op.api, op.name, 200), op.timestamp!) as number) * 1000));
        });
      }

      it.each(documentedErrors(op.api, op.name))("throws $error (HTTP $status) when Prefer asks for it", async ({ status, error, common }) => {
        const thrown = await rejection(client.call(op.name, structuredClone(op.input), { prefer: `code=${status}, example=${error}` }));
        const documented = example(op.api, op.name, status, error) as { Message?: string; message?: string };
        expect(client.error(thrown)).toMatchObject({ name: error, status, message: documented.Message ?? documented.message });
        expect(client.error(thrown).requestId).toMatch(UUID);
        const typed = client.isTypedError(op.name, error, thrown);
        // Every error the operation documents has a typed class in the official SDKs; the common
        // errors (x-aws-common-error) mostly have none, and arrive named, as the service's base exception.
        if (!common) expect(typed).toBe(true);
        // The check discriminates: the same error is not typed as another documented error.
        for (const other of documentedErrors(op.api, op.name)) if (other.error !== error) expect(client.isTypedError(op.name, other.error, thrown)).not.toBe(true);
      });

      it("answers a request that breaks the spec with ValidationException naming every member at fault", async () => {
        const thrown = await rejection(client.call(op.name, structuredClone(op.invalid.input)));
        const error = client.error(thrown);
        expect(error).toMatchObject({ name: "ValidationException", status: 400 });
        expect(error.message).toMatch(new RegExp(`^${op.invalid.paths.length} validation errors? detected: `));
        // Member paths as the services write them: `/Filters/0/key` is `filters.1.member.key`.
        for (const path of op.invalid.paths) expect(error.message).toContain(` at '${awsMemberPath(path, op.invalid.input)}' failed to satisfy constraint: `);
      });

      if (op.token) {
        const token = op.token;
        it("the paginator ends after the first page by default (the default data set fits in one page)", async () => {
          const pages = await client.paginate(op.name, structuredClone(op.input));
          const single = await client.call(op.name, structuredClone(op.input));
          // Image Builder's requestId differs from one request to the next.
          const comparable = (page: unknown): unknown => withoutMembers(client.toWire(page), ["requestId"]);
          expect(pages.map(comparable)).toEqual([comparable(single)]);
          expect((client.toWire(pages[0]) as Record<string, unknown>)[token]).toBeUndefined();
        });

        it("with Prefer example=FirstPage, the paginator passes the token on and ends on LastPage", async () => {
          const sent: string[] = [];
          const pages = await client.paginate(op.name, structuredClone(op.input), { prefer: "example=FirstPage", onRequestBody: (body) => sent.push(body) });
          const firstPage = example(op.api, op.name, 200, "FirstPage");
          expect(firstPage[token]).toEqual(expect.any(String));
          expect(pages.map((page) => client.toWire(page))).toEqual([firstPage, example(op.api, op.name, 200, "LastPage")].map((page) => expected(client, page)));
          expect(sent.map((body) => JSON.parse(body)[token])).toEqual([undefined, firstPage[token]]);
        });

        it("with Prefer dynamic=true, the paginator ends", async () => {
          const pages = await client.paginate(op.name, structuredClone(op.input), { prefer: "dynamic=true" });
          expect(pages.length).toBeGreaterThanOrEqual(1);
          expect(pages.length).toBeLessThanOrEqual(2);
          expect((client.toWire(pages.at(-1)) as Record<string, unknown>)[token]).toBeUndefined();
        });
      }
    });
  });
}
