/**
 * The admin API from a browser page of another origin, in Chromium: the page (on one 127.0.0.1
 * port) can call the AWS routes of the mock (on another), as AWS allows, but can neither read nor
 * replace the data set, unless the mock was started naming the page's origin.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../mock/src/index.js";
import { HAS_CHROMIUM, launchChromium, SKIPPED_WITHOUT_CHROMIUM, type Chromium } from "../support/chromium.js";

describe.skipIf(!HAS_CHROMIUM)(`the admin API and a page of another origin, in chromium${SKIPPED_WITHOUT_CHROMIUM}`, () => {
  let app: Server;
  let appUrl = "";
  let browser: Chromium;
  let closed: RunningMock;
  let named: RunningMock;

  beforeAll(async () => {
    app = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end('<!doctype html><link rel="icon" href="data:,"><title>app</title>'));
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    closed = await startMock({ port: 0 });
    named = await startMock({ port: 0, admin: { origins: [appUrl] } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await closed?.close();
    await named?.close();
    await new Promise<void>((resolve) => app.close(() => resolve()));
  });

  /** Runs fetch in the page; the outcome as the page sees it. */
  const pageFetch = (page: Page, url: string, init: RequestInit): Promise<string> =>
    page.evaluate(
      async ([u, i]) => {
        try {
          const response = await fetch(u, i);
          return `${response.status} ${(await response.text()).slice(0, 40)}`;
        } catch (error) {
          return `blocked: ${(error as Error).name}`;
        }
      },
      [url, init] as const,
    );

  it("reads and replaces nothing of a mock that did not name it; the AWS routes answer it", async () => {
    const page = await browser.context.newPage();
    await page.goto(appUrl);
    expect(await pageFetch(page, `${closed.url}/_mock/data`, {})).toBe("blocked: TypeError");
    expect(await pageFetch(page, `${closed.url}/_mock/data`, { method: "PUT", headers: { "content-type": "application/json" }, body: '{"Commands":[]}' })).toBe("blocked: TypeError");
    expect(await pageFetch(page, `${closed.url}/_mock/data`, { method: "DELETE" })).toBe("blocked: TypeError");
    // The data set is intact.
    expect(((await (await fetch(`${closed.url}/_mock/data`)).json()) as { Commands: unknown[] }).Commands.length).toBeGreaterThan(0);
    const aws = await pageFetch(page, `${closed.url}/`, { method: "POST", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands" }, body: "{}" });
    expect(aws).toMatch(/^200 /);
    await page.close();
  });

  it("a mock that named the page's origin lets it load a data set", async () => {
    const page = await browser.context.newPage();
    await page.goto(appUrl);
    expect(await pageFetch(page, `${named.url}/_mock/data`, { method: "PUT", headers: { "content-type": "application/json" }, body: '{"Commands":[]}' })).toMatch(/^200 /);
    expect(await pageFetch(page, `${named.url}/_mock/data`, {})).toMatch(/^200 \{"Commands":\[\]/);
    await page.close();
  });
});
