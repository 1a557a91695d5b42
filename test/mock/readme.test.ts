/**
 * The SDK snippets of mock/README.md: run here against the shared mock, and quoted there verbatim
 * (the snippets of the first test below, the helpers of clients/aws-sdk.ts, the global set-up).
 */
import { readFileSync } from "node:fs";
import { InvalidNextToken, ListCommandsCommand, paginateListCommands, SSMClient } from "@aws-sdk/client-ssm";
import { describe, expect, inject, it } from "vitest";
import { sdkClientConfig, withPrefer } from "./clients/aws-sdk.js";

const url = inject("mockUrl");

it("the README's Prefer middleware gives a typed error and two pages", async () => {
  // readme:start
  const failing = withPrefer(new SSMClient(sdkClientConfig(url)), "code=400, example=InvalidNextToken");
  await expect(failing.send(new ListCommandsCommand({}))).rejects.toBeInstanceOf(InvalidNextToken);

  const twoPages = withPrefer(new SSMClient(sdkClientConfig(url)), "example=FirstPage");
  const pages = [];
  for await (const page of paginateListCommands({ client: twoPages }, {})) pages.push(page);
  expect(pages).toHaveLength(2);
  // readme:end
});

it("the README's endpoint override parses a page with Date timestamps", async () => {
  const ssm = new SSMClient(sdkClientConfig(url));
  const { Commands } = await ssm.send(new ListCommandsCommand({}));
  expect(Commands?.[0]?.RequestedDateTime).toBeInstanceOf(Date);
});

describe("mock/README.md quotes the code it shows", () => {
  const readme = readFileSync(new URL("../../mock/README.md", import.meta.url), "utf8");
  const source = (file: string): string => readFileSync(new URL(file, import.meta.url), "utf8");
  /** `export function <name>` through its closing brace at column 0. */
  const exported = (code: string, name: string): string => {
    const start = code.indexOf(`export function ${name}`);
    expect(start, `export function ${name}`).toBeGreaterThanOrEqual(0);
    return code.slice(start, code.indexOf("\n}\n", start) + 2);
  };

  it("the Prefer snippets of the test above, unindented", () => {
    const own = source("./readme.test.ts");
    const snippet = own.slice(own.indexOf("// readme:start\n") + "// readme:start\n".length, own.indexOf("  // readme:end"));
    expect(snippet.split("\n").length).toBeGreaterThan(5);
    expect(readme).toContain("```ts\n" + snippet.replace(/^ {2}/gm, "") + "```");
  });

  it.each(["withPrefer", "sdkClientConfig"])("%s from test/mock/clients/aws-sdk.ts", (name) => {
    expect(readme).toContain(exported(source("./clients/aws-sdk.ts"), name));
  });

  it("the Vitest global set-up of test/mock/global-setup.ts, importing the package by name", () => {
    const setup = source("./global-setup.ts");
    const code = setup.slice(setup.indexOf("import type")).replace('"../../mock/src/index.js"', '"aws-ops-contract-mock"');
    expect(readme).toContain("```ts\n" + code + "```");
  });
});
