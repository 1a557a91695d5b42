/**
 * The built site in a real browser (Debian's chromium through playwright-core), served by serveDocs
 * on a loopback port: every page loads with a clean console, no failed request and no request
 * leaving 127.0.0.1; every operation is reachable from the landing page and shows its curl, AWS CLI
 * and TypeScript samples. Screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_PAGES, buildDocs, DEFAULT_OUT_DIR, isDocsBuildFresh, listGuidePages, listOperations, ROOT } from "../../scripts/docs.js";
import { serveDocs, type DocsServer } from "../../scripts/serve-docs.js";
import { HAS_CHROMIUM, launchChromium, SKIPPED_WITHOUT_CHROMIUM, type Chromium } from "../support/chromium.js";

const SCREENSHOTS = join(ROOT, "test-results", "screenshots");
const operations = listOperations();
const guide = listGuidePages();

interface PageLog {
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
  badResponses: string[];
}

describe.skipIf(!HAS_CHROMIUM)(`docs site in chromium${SKIPPED_WITHOUT_CHROMIUM}`, () => {
  let server: DocsServer;
  let browser: Chromium;
  let context: BrowserContext;

  beforeAll(async () => {
    // A fresh build unless build/docs is already newer than every source.
    if (!isDocsBuildFresh(DEFAULT_OUT_DIR)) buildDocs({ outDir: DEFAULT_OUT_DIR });
    server = await serveDocs({ dir: DEFAULT_OUT_DIR, port: 0 });
    browser = await launchChromium();
    context = browser.context;
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Records everything that would show a broken or leaky page. */
  function watch(page: Page): PageLog {
    const log: PageLog = { consoleErrors: [], failedRequests: [], foreignRequests: [], badResponses: [] };
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") log.consoleErrors.push(`${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => log.consoleErrors.push(`pageerror: ${error.message}`));
    page.on("requestfailed", (request) => log.failedRequests.push(`${request.url()} ${request.failure()?.errorText ?? ""}`));
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.protocol === "data:" || url.protocol === "blob:") return;
      if (url.hostname !== "127.0.0.1") log.foreignRequests.push(request.url());
    });
    page.on("response", (response) => {
      if (response.status() >= 400) log.badResponses.push(`${response.status()} ${response.url()}`);
    });
    return log;
  }

  const expectClean = (log: PageLog): void => {
    expect(log.foreignRequests, "requests to hosts other than 127.0.0.1").toEqual([]);
    expect(log.failedRequests, "failed requests").toEqual([]);
    expect(log.badResponses, "HTTP error responses").toEqual([]);
    expect(log.consoleErrors, "console errors and warnings").toEqual([]);
  };

  it("the landing page loads cleanly, explains the wire, and links both references", async () => {
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(server.url, { waitUntil: "load" });
    await expect.poll(() => page.title()).toContain("aws-ops-contract");
    const text = await page.locator("main").innerText();
    for (const needle of ["X-Amz-Target", "application/x-amz-json-1.1", "ssm", "imagebuilder", "__type", "x-amzn-ErrorType", "NextToken", "nextToken", "epoch", "npm install aws-ops-contract", "createSsmClient", "validate(", "startMock"]) {
      expect(text, needle).toContain(needle);
    }
    for (const { page: file } of API_PAGES) expect(await page.locator(`a[href="${file}"]`).count(), file).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, "landing.png"), fullPage: true });
    // The favicon is there for the browser's implicit /favicon.ico request.
    const favicon = await page.request.get(new URL("/favicon.ico", server.url).href);
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toBe("image/x-icon");
    expectClean(log);
    await page.close();
  });

  it.each(API_PAGES)("the $api reference page loads cleanly, fully offline", async ({ api, page: file }) => {
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(new URL(file, server.url).href, { waitUntil: "load" });
    await expect.poll(() => page.locator('[data-component-name="Button/Button"]').count()).toBeGreaterThan(0); // hydrated
    await page.waitForLoadState("networkidle");
    await expect(page.locator("img[alt='redocly logo']").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, `${api}.png`) });
    expectClean(log);
    await page.close();
  });

  it("the mock's guide is reachable from the landing page, and its anchors lead across pages", async () => {
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(server.url, { waitUntil: "load" });
    await page.locator('a[href="mock.html"]').first().click();
    await page.waitForURL((url) => url.pathname === "/mock.html");
    expect(await page.locator("nav.guide a").allInnerTexts()).toEqual(guide.map((p) => p.title));
    // The first page links to the data sets section, a page of its own.
    await page.locator('main > p a[href="mock-data-sets.html#data-sets"]').first().click();
    await page.waitForURL((url) => url.pathname === "/mock-data-sets.html" && url.hash === "#data-sets");
    await expect.poll(() => page.locator("#data-sets").isVisible()).toBe(true);
    expect(await page.locator("main").innerText()).toContain("PUT /_mock/data");
    await page.screenshot({ path: join(SCREENSHOTS, "mock-guide.png") });
    expectClean(log);
    await page.close();
  });

  it.each(guide)("the guide page $file loads cleanly", async ({ file, title }) => {
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(new URL(file, server.url).href, { waitUntil: "load" });
    expect(await page.locator("main h1, main h2").first().innerText()).toBe(title);
    expect(await page.locator('nav.guide a[aria-current="page"]').innerText()).toBe(title);
    expectClean(log);
    await page.close();
  });

  it.each(operations)("$operationId is reachable from the landing page and shows curl, AWS CLI and TypeScript samples", async (op) => {
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(server.url, { waitUntil: "load" });
    await page.locator(`a[data-operation="${op.operationId}"]`).click();
    await page.waitForURL((url) => url.hash.length > 1);
    expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe(`/${op.href}`);

    const section = page.locator(`[id="${op.href.split("#/")[1]}"]`);
    await expect.poll(() => section.isVisible(), { timeout: 15_000 }).toBe(true);
    // Named as AWS names it, with the sentence that describes it beneath.
    await expect.poll(() => section.locator("h1, h2").first().innerText()).toBe(op.operationId);
    await expect.poll(() => section.innerText()).toContain(op.summary);

    // Redoc 3 lists the samples in a language menu whose button shows the chosen one (and remembers
    // the choice across pages). Pick each sample in turn and check its code is shown.
    const menu = section.getByRole("button", { name: /^(curl|AWS CLI|TypeScript|Payload)$/ });
    await expect.poll(() => menu.isVisible()).toBe(true);
    const samples = [
      ["AWS CLI", "--endpoint-url http://127.0.0.1:4010"],
      ["TypeScript", 'from "aws-ops-contract"'],
      ["curl", "curl -sS -X POST"],
    ] as const;
    for (const [label, needle] of samples) {
      await menu.click();
      expect(await page.getByRole("menuitem").allInnerTexts()).toEqual(["curl", "AWS CLI", "TypeScript", "Payload"]);
      await page.getByRole("menuitem", { name: label, exact: true }).click();
      await expect.poll(() => menu.innerText()).toBe(label);
      await expect.poll(() => section.locator("pre").filter({ hasText: needle }).count(), { message: `${label} sample` }).toBe(1);
    }
    await page.screenshot({ path: join(SCREENSHOTS, `${op.operationId}.png`) });
    expectClean(log);
    await page.close();
  });
});
