/** The README's SDK snippets, as written there ("Contract testing with the mock"). */
import { InvalidNextToken, ListCommandsCommand, paginateListCommands, SSMClient } from "@aws-sdk/client-ssm";
import { expect, inject, it } from "vitest";
import { sdkClientConfig, withPrefer } from "./clients/aws-sdk.js";

const url = inject("mockUrl");

it("the README's Prefer middleware gives a typed error and two pages", async () => {
  const failing = withPrefer(new SSMClient(sdkClientConfig(url)), "code=400, example=InvalidNextToken");
  await expect(failing.send(new ListCommandsCommand({}))).rejects.toBeInstanceOf(InvalidNextToken);

  const twoPages = withPrefer(new SSMClient(sdkClientConfig(url)), "example=FirstPage");
  const pages = [];
  for await (const page of paginateListCommands({ client: twoPages }, {})) pages.push(page);
  expect(pages).toHaveLength(2);
});

it("the README's endpoint override parses a page with Date timestamps", async () => {
  const ssm = new SSMClient(sdkClientConfig(url));
  const { Commands } = await ssm.send(new ListCommandsCommand({}));
  expect(Commands?.[0]?.RequestedDateTime).toBeInstanceOf(Date);
});
