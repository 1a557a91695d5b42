/**
 * The clients' browser builds in Chromium, calling the mock from a page on another origin (the page
 * on one 127.0.0.1 port, the mock on another), as a browser app under test would:
 * - this package's client, bundled by esbuild (platform browser, ESM, code splitting) from the
 *   PACKED package installed into a project outside the repository;
 * - the official SDK v3's browser build (@aws-sdk/client-ssm and client-imagebuilder, bundled by
 *   esbuild for the browser, which picks their browser runtime: fetch, WebCrypto).
 * - this package's openapi-fetch clients (`aws-ops-contract/fetch`), from the same bundle.
 * Each gets a success, a documented error injected with `Prefer` thrown as its typed error, and a
 * paginator that ends; this package's `validateResponses` loads its lazy chunk in the browser; and
 * the signature the client makes in the browser (aws4fetch on WebCrypto) equals the one the SDK v3
 * signer (@smithy/signature-v4, with the Sha256 of the SDK's browser build) computes in the same page
 * for the same request.
 * No console error, no failed request, no HTTP error but the ones asked for.
 */
import { readFile } from "node:fs/promises";
import { writeFileSync, mkdirSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize, relative } from "node:path";
import { build, type Metafile } from "esbuild";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockHandler } from "../../mock/src/index.js";
import { example } from "../mock/operations.js";
import { HAS_CHROMIUM, launchChromium, SKIPPED_WITHOUT_CHROMIUM, type Chromium } from "../support/chromium.js";
import { installTarballs, pack, ROOT, tempDir } from "../support/pack.js";

/**
 * The app page's own origin: a plain static server, as an app's dev server would be (the docs
 * server's Content-Security-Policy, rightly, lets its pages connect to their own origin only).
 */
async function serveApp(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://app").pathname)).replace(/^(\.\.[/\\])+/, "");
    readFile(join(dir, path)).then(
      (body) => res.writeHead(200, { "content-type": path.endsWith(".html") ? "text/html" : "text/javascript" }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WORKFLOW_EXECUTION_ID = "wf-4e57b8a0-7c1d-4f2e-9a3b-5c6d7e8f9a0b";

/** What the page's bundles put on `globalThis` for the tests to drive. */
const CLIENT_ENTRY = `import { createImageBuilderClient, createSsmClient, ContractValidationError, isServiceError, ServiceError } from "aws-ops-contract";
import { createImageBuilderFetchClient, createSsmFetchClient } from "aws-ops-contract/fetch";
globalThis.awsOpsContract = { createImageBuilderClient, createSsmClient, ContractValidationError, isServiceError, ServiceError };
globalThis.awsOpsContractFetch = { createImageBuilderFetchClient, createSsmFetchClient };
`;
const SDK_ENTRY = `import { InvalidCommandId, ListCommandsCommand, paginateListCommands, SSMClient, SSMServiceException } from "@aws-sdk/client-ssm";
import { ImagebuilderClient, InvalidRequestException, ListWorkflowStepExecutionsCommand } from "@aws-sdk/client-imagebuilder";
import { SignatureV4 } from "@smithy/signature-v4";
globalThis.sdk = { ImagebuilderClient, InvalidCommandId, InvalidRequestException, ListCommandsCommand, ListWorkflowStepExecutionsCommand, paginateListCommands, SignatureV4, SSMClient, SSMServiceException };
`;
const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>aws-ops-contract in a browser</title>
<script type="module" src="client/client.js"></script>
<script type="module" src="sdk/sdk.js"></script>
</head><body>browser clients</body></html>
`;

/** Browser-side globals (the page's code is plain JavaScript run by page.evaluate). */
type PageGlobals = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** An error thrown in the page, read member by member. */
type Thrown = any; // eslint-disable-line @typescript-eslint/no-explicit-any

interface PageLog {
  consoleErrors: string[];
  failedRequests: string[];
  /** `status method url` of every HTTP error answer. */
  errorAnswers: string[];
  /** Every script the page asked for, in order (paths relative to the site). */
  scripts: string[];
}

describe.skipIf(!HAS_CHROMIUM)(`the clients in chromium, against the mock on another origin${SKIPPED_WITHOUT_CHROMIUM}`, () => {
  let work: string;
  let mock: Server;
  let mockUrl: string;
  let site: Awaited<ReturnType<typeof serveApp>>;
  let browser: Chromium;
  let context: BrowserContext;
  /** What reached the mock: method, path and Origin of every request, preflights included. */
  const arrived: Array<{ method: string; path: string; origin: string | undefined; authorization: string | undefined }> = [];
  /** The client bundle's lazy validation chunk, and any Node-only module the bundler took in (none). */
  const chunks = { validation: "", nodeOnly: [] as string[] };

  beforeAll(async () => {
    work = tempDir("browser-clients-");
    const project = join(work, "app");
    const out = join(work, "site");
    mkdirSync(project);
    mkdirSync(out);

    // The packed package, installed as an app installs it.
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "browser-app", private: true, type: "module" }));
    installTarballs(project, [pack(work)]);
    writeFileSync(join(project, "client.js"), CLIENT_ENTRY);
    const client = await build({
      absWorkingDir: project,
      entryPoints: ["client.js"],
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      outdir: join(out, "client"),
      metafile: true,
      logLevel: "silent",
    });
    readChunks(client.metafile, project, out);

    // The official SDK's browser build, from this repository's devDependencies.
    await build({
      stdin: { contents: SDK_ENTRY, resolveDir: ROOT, sourcefile: "sdk-entry.js" },
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      outfile: join(out, "sdk", "sdk.js"),
      logLevel: "silent",
    });
    writeFileSync(join(out, "index.html"), PAGE);

    // A data set of the first documented examples, so that a request without Prefer gets them.
    const { requestId: _requestId, ...workflow } = example("imagebuilder", "ListWorkflowStepExecutions", 200);
    const handler = await createMockHandler({ data: { Commands: example("ssm", "ListCommands", 200)["Commands"] as unknown[], WorkflowExecutions: [workflow] } });
    mock = createServer((req, res) => {
      const origin = req.headers.origin;
      arrived.push({ method: req.method ?? "", path: req.url ?? "", origin, authorization: req.headers.authorization });
      handler(req, res);
    });
    await new Promise<void>((resolve) => mock.listen(0, "127.0.0.1", resolve));
    mockUrl = `http://127.0.0.1:${(mock.address() as AddressInfo).port}`;
    site = await serveApp(out);
    browser = await launchChromium();
    context = browser.context;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (mock) {
      const closed = new Promise((resolve) => mock.close(resolve));
      mock.closeAllConnections();
      await closed;
    }
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /**
   * Which output chunk holds the validators; and that no chunk holds the Node-only transport or
   * signer: the package's `browser` export condition hands the bundler index.browser.js, which never
   * imports them.
   */
  function readChunks(metafile: Metafile, project: string, out: string): void {
    for (const [file, output] of Object.entries(metafile.outputs)) {
      const inputs = Object.keys(output.inputs);
      // Output paths are relative to the project; the page asks for them relative to the site.
      const name = relative(out, join(project, file)).replaceAll("\\", "/");
      if (inputs.some((input) => input.endsWith("node_modules/aws-ops-contract/dist/src/validation/validate.js"))) chunks.validation = name;
      if (inputs.some((input) => /node_modules\/aws-ops-contract\/dist\/src\/(client\/(sign|transport)-node|client\/platform\/node|index|fetch)\.js$/.test(input))) chunks.nodeOnly.push(name);
      // Everything in the client bundle comes from the installed tarball, none from this repository.
      for (const input of inputs) expect(input, file).toMatch(/^(node_modules\/|client\.js$)/);
    }
    expect(chunks.validation, "the chunk holding the validators").toMatch(/^client\/(?!client\.js$).+\.js$/);
    expect(chunks.nodeOnly, "chunks holding the Node-only transport, signer or entry").toEqual([]);
  }

  async function openPage(options: { clock?: Date } = {}): Promise<{ page: Page; log: PageLog }> {
    const page = await context.newPage();
    const log: PageLog = { consoleErrors: [], failedRequests: [], errorAnswers: [], scripts: [] };
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") log.consoleErrors.push(`${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => log.consoleErrors.push(`pageerror: ${error.message}`));
    page.on("requestfailed", (request) => log.failedRequests.push(`${request.method()} ${request.url()} ${request.failure()?.errorText ?? ""}`));
    page.on("request", (request) => {
      if (request.resourceType() === "script") log.scripts.push(new URL(request.url()).pathname.slice(1));
    });
    page.on("response", (response) => {
      if (response.status() >= 400) log.errorAnswers.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
    if (options.clock) await page.clock.setFixedTime(options.clock);
    await page.goto(new URL("index.html", site.url).href, { waitUntil: "load" });
    await expect.poll(() => page.evaluate(() => typeof (globalThis as PageGlobals)["awsOpsContract"] + typeof (globalThis as PageGlobals)["sdk"])).toBe("objectobject");
    return { page, log };
  }

  /**
   * Chromium reports an HTTP error answer to fetch() on the console ("Failed to load resource: the
   * server responded with a status of 400"); those are the errors the test asked for, listed in
   * `errorAnswers`. Anything else on the console fails the test.
   */
  function expectClean(log: PageLog, expectedErrorAnswers: string[] = []): void {
    expect(log.failedRequests, "failed requests").toEqual([]);
    // The browser path only: the Node-only transport and signer (aws4fetch's twin) are not even bundled.
    expect(chunks.nodeOnly, "chunks holding Node-only code").toEqual([]);
    expect(log.errorAnswers, "HTTP error answers").toEqual(expectedErrorAnswers);
    const unexpected = log.consoleErrors.filter((line) => !/^error: Failed to load resource: the server responded with a status of 4\d\d/.test(line));
    expect(unexpected, "console errors and warnings").toEqual([]);
    expect(log.consoleErrors.length, "one console report per HTTP error answer").toBe(expectedErrorAnswers.length);
  }

  it("the page and the mock are different origins, and the browser preflights the mock", async () => {
    const { page, log } = await openPage();
    const before = arrived.length;
    const output = await page.evaluate(async (endpoint) => {
      const { createSsmClient } = (globalThis as PageGlobals)["awsOpsContract"];
      return createSsmClient({ region: "us-east-1", endpoint, credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" } }).listCommands({ MaxResults: 10 });
    }, mockUrl);
    expect(output).toEqual(example("ssm", "ListCommands", 200));
    const seen = arrived.slice(before);
    expect(new URL(site.url).origin).not.toBe(new URL(mockUrl).origin);
    expect(seen.map(({ method, path }) => `${method} ${path}`)).toEqual(["OPTIONS /", "POST /"]);
    expect(seen.map(({ origin }) => origin)).toEqual([new URL(site.url).origin, new URL(site.url).origin]);
    expectClean(log);
    await page.close();
  });

  it("the openapi-fetch clients (aws-ops-contract/fetch, its browser condition): { data } from each service, { error } for a Prefer'd InvalidNextToken", async () => {
    const { page, log } = await openPage();
    const before = arrived.length;
    const outputs = await page.evaluate(
      async ({ endpoint, workflowExecutionId }) => {
        const { createImageBuilderFetchClient, createSsmFetchClient } = (globalThis as PageGlobals)["awsOpsContractFetch"];
        const config = { region: "us-east-1", endpoint, credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" } };
        const params = { header: { "X-Amz-Target": "AmazonSSM.ListCommands" } };
        const commands = await createSsmFetchClient(config).POST("/#X-Amz-Target=AmazonSSM.ListCommands", { params, body: { MaxResults: 10 } });
        const steps = await createImageBuilderFetchClient(config).POST("/ListWorkflowStepExecutions", { body: { workflowExecutionId } });
        const refused = await createSsmFetchClient({ ...config, headers: { prefer: "code=400, example=InvalidNextToken" } }).POST("/#X-Amz-Target=AmazonSSM.ListCommands", { params, body: {} });
        return [commands.data, steps.data, refused.error, refused.response.status];
      },
      { endpoint: mockUrl, workflowExecutionId: WORKFLOW_EXECUTION_ID },
    );
    expect(outputs).toEqual([
      example("ssm", "ListCommands", 200),
      { ...example("imagebuilder", "ListWorkflowStepExecutions", 200), requestId: expect.stringMatching(UUID) },
      expect.objectContaining({ __type: "InvalidNextToken" }),
      400,
    ]);
    const posts = arrived.slice(before).filter(({ method }) => method === "POST");
    expect(posts.map(({ path }) => path)).toEqual(["/", "/ListWorkflowStepExecutions", "/"]);
    for (const { authorization } of posts) expect(authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);
    expectClean(log, [`400 POST ${mockUrl}/`]);
    await page.close();
  });

  describe("this package's client (aws4fetch, the global fetch)", () => {
    it("retries in the browser: ThrottlingException once, then the answer; each attempt carries amz-sdk-request through CORS", async () => {
      const { page, log } = await openPage();
      const before = arrived.length;
      const output = await page.evaluate(async (endpoint) => {
        const { createSsmClient } = (globalThis as PageGlobals)["awsOpsContract"];
        const ssm = createSsmClient({ region: "us-east-1", endpoint, credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }, headers: { prefer: "example=ThrottlingException, failures=1" } });
        return ssm.listCommands({ MaxResults: 10 });
      }, mockUrl);
      expect(output).toEqual(example("ssm", "ListCommands", 200));
      expect(arrived.slice(before).filter(({ method }) => method === "POST")).toHaveLength(2);
      expectClean(log, [`400 POST ${mockUrl}/`]);
      await page.close();
    });

    it("a success from each service, on the default browser path (no fetch option)", async () => {
      const { page, log } = await openPage();
      const outputs = await page.evaluate(
        async ({ endpoint, workflowExecutionId }) => {
          const { createImageBuilderClient, createSsmClient } = (globalThis as PageGlobals)["awsOpsContract"];
          const config = { region: "us-east-1", endpoint, credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" } };
          return [await createSsmClient(config).listCommands({ MaxResults: 10 }), await createImageBuilderClient(config).listWorkflowStepExecutions({ workflowExecutionId })];
        },
        { endpoint: mockUrl, workflowExecutionId: WORKFLOW_EXECUTION_ID },
      );
      // Image Builder's requestId is new on every answer.
      expect(outputs).toEqual([example("ssm", "ListCommands", 200), { ...example("imagebuilder", "ListWorkflowStepExecutions", 200), requestId: expect.stringMatching(UUID) }]);
      expectClean(log);
      await page.close();
    });

    it.each([
      { service: "ssm", error: "InvalidCommandId", status: 400 },
      { service: "imagebuilder", error: "InvalidRequestException", status: 400 },
    ])("a documented error asked for with Prefer is thrown as ServiceError named $error (via $service)", async ({ service, error, status }) => {
      const { page, log } = await openPage();
      const thrown = await page.evaluate(
        async ({ endpoint, service, prefer, workflowExecutionId }) => {
          const { createImageBuilderClient, createSsmClient, isServiceError, ServiceError } = (globalThis as PageGlobals)["awsOpsContract"];
          // The client's own extension point adds the mock's Prefer header; the global fetch sends it.
          const fetch = (request: Request): Promise<Response> => {
            const headers = new Headers(request.headers);
            headers.set("prefer", prefer);
            return globalThis.fetch(new Request(request, { headers }));
          };
          const config = { region: "us-east-1", endpoint, credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }, fetch };
          try {
            await (service === "ssm" ? createSsmClient(config).listCommands({}) : createImageBuilderClient(config).listWorkflowStepExecutions({ workflowExecutionId }));
            return { resolved: true };
          } catch (caught) {
            const e = caught as Thrown;
            return { instanceOfServiceError: e instanceof ServiceError, isServiceError: isServiceError(e), name: e.name, status: e.status, requestId: e.requestId, message: e.message };
          }
        },
        { endpoint: mockUrl, service, prefer: `code=${status}, example=${error}`, workflowExecutionId: WORKFLOW_EXECUTION_ID },
      );
      const documented = example(service as "ssm" | "imagebuilder", service === "ssm" ? "ListCommands" : "ListWorkflowStepExecutions", status, error) as { Message?: string; message?: string };
      // The name and request ID come from exposed headers for REST JSON (x-amzn-ErrorType) and both protocols (x-amzn-RequestId).
      expect(thrown).toEqual({ instanceOfServiceError: true, isServiceError: true, name: error, status, requestId: expect.stringMatching(UUID), message: documented.Message ?? documented.message });
      const path = service === "ssm" ? "/" : "/ListWorkflowStepExecutions";
      expectClean(log, [`${status} POST ${mockUrl}${path}`]);
      await page.close();
    });

    it("a paginator passes NextToken on and ends", async () => {
      const { page, log } = await openPage();
      const result = await page.evaluate(async (endpoint) => {
        const { createSsmClient } = (globalThis as PageGlobals)["awsOpsContract"];
        const sent: unknown[] = [];
        const fetch = async (request: Request): Promise<Response> => {
          sent.push(JSON.parse(await request.clone().text()).NextToken ?? null);
          const headers = new Headers(request.headers);
          headers.set("prefer", "example=FirstPage");
          return globalThis.fetch(new Request(request, { headers }));
        };
        const ssm = createSsmClient({ region: "us-east-1", endpoint, credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }, fetch });
        const pages: unknown[] = [];
        for await (const page of ssm.paginateListCommands({ MaxResults: 10 })) pages.push(page);
        return { pages, sent };
      }, mockUrl);
      const firstPage = example("ssm", "ListCommands", 200, "FirstPage");
      expect(result.pages).toEqual([firstPage, example("ssm", "ListCommands", 200, "LastPage")]);
      expect(result.sent).toEqual([null, firstPage["NextToken"]]);
      expectClean(log);
      await page.close();
    });

    it("validateResponses loads the validators' chunk on first use only, and catches a body that breaks the contract", async () => {
      const { page, log } = await openPage();
      const before = [...log.scripts];
      expect(before).toContain("client/client.js");
      expect(before, "the validators' chunk before any validating call").not.toContain(chunks.validation);

      const result = await page.evaluate(async (endpoint) => {
        const { createSsmClient, ContractValidationError } = (globalThis as PageGlobals)["awsOpsContract"];
        const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };
        const valid = await createSsmClient({ region: "us-east-1", endpoint, credentials, validateResponses: true }).listCommands({ MaxResults: 10 });
        // The same answer with one member broken on its way in (a number where the contract says string).
        const fetch = async (request: Request): Promise<Response> => {
          const response = await globalThis.fetch(request);
          const body = await response.json();
          body.Commands[0].CommandId = 42;
          return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
        };
        try {
          await createSsmClient({ region: "us-east-1", endpoint, credentials, validateResponses: true, fetch }).listCommands({ MaxResults: 10 });
          return { valid, broken: "resolved" };
        } catch (caught) {
          const e = caught as Thrown;
          return { valid, broken: { contractError: e instanceof ContractValidationError, name: e.name, kind: e.kind, paths: e.issues.map((issue: { path: string }) => issue.path) } };
        }
      }, mockUrl);
      expect(result.valid).toEqual(example("ssm", "ListCommands", 200));
      expect(result.broken).toEqual({ contractError: true, name: "ContractValidationError", kind: "response", paths: ["/Commands/0/CommandId"] });
      expect(log.scripts, "the validators' chunk, requested by the first validating call").toContain(chunks.validation);
      expectClean(log);
      await page.close();
    });
  });

  describe("the official SDK v3's browser build", () => {
    it("a success from each service", async () => {
      const { page, log } = await openPage();
      const outputs = await page.evaluate(
        async ({ endpoint, workflowExecutionId }) => {
          const { ImagebuilderClient, ListCommandsCommand, ListWorkflowStepExecutionsCommand, SSMClient } = (globalThis as PageGlobals)["sdk"];
          const config = { region: "us-east-1", endpoint, credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }, maxAttempts: 1 };
          const ssm = await new SSMClient(config).send(new ListCommandsCommand({ MaxResults: 10 }));
          const imagebuilder = await new ImagebuilderClient(config).send(new ListWorkflowStepExecutionsCommand({ workflowExecutionId }));
          return [
            { requestId: ssm.$metadata.requestId, commandIds: ssm.Commands.map((command: { CommandId: string }) => command.CommandId) },
            { requestId: imagebuilder.$metadata.requestId, stepIds: imagebuilder.steps.map((step: { stepExecutionId: string }) => step.stepExecutionId) },
          ];
        },
        { endpoint: mockUrl, workflowExecutionId: WORKFLOW_EXECUTION_ID },
      );
      const ssm = example("ssm", "ListCommands", 200) as { Commands: Array<{ CommandId: string }> };
      const imagebuilder = example("imagebuilder", "ListWorkflowStepExecutions", 200) as { steps: Array<{ stepExecutionId: string }> };
      expect(outputs).toEqual([
        { requestId: expect.stringMatching(UUID), commandIds: ssm.Commands.map((command) => command.CommandId) },
        { requestId: expect.stringMatching(UUID), stepIds: imagebuilder.steps.map((step) => step.stepExecutionId) },
      ]);
      expectClean(log);
      await page.close();
    });

    it.each([
      { service: "ssm", error: "InvalidCommandId", status: 400 },
      { service: "imagebuilder", error: "InvalidRequestException", status: 400 },
    ])("a documented error asked for with Prefer is thrown as the SDK's $error class (via $service)", async ({ service, error, status }) => {
      const { page, log } = await openPage();
      const thrown = await page.evaluate(
        async ({ endpoint, service, error, prefer, workflowExecutionId }) => {
          const sdk = (globalThis as PageGlobals)["sdk"];
          const config = { region: "us-east-1", endpoint, credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }, maxAttempts: 1 };
          const client = service === "ssm" ? new sdk.SSMClient(config) : new sdk.ImagebuilderClient(config);
          // The SDK's documented middleware API sets the mock's Prefer header.
          client.middlewareStack.add(
            (next: (args: unknown) => unknown) => (args: { request: { headers: Record<string, string> } }) => {
              args.request.headers["prefer"] = prefer;
              return next(args);
            },
            { step: "build", name: "prefer" },
          );
          const command = service === "ssm" ? new sdk.ListCommandsCommand({}) : new sdk.ListWorkflowStepExecutionsCommand({ workflowExecutionId });
          try {
            await client.send(command);
            return { resolved: true };
          } catch (caught) {
            const e = caught as Thrown;
            return { instanceOfClass: e instanceof sdk[error], name: e.name, status: e.$metadata?.httpStatusCode, requestId: e.$metadata?.requestId };
          }
        },
        { endpoint: mockUrl, service, error, prefer: `code=${status}, example=${error}`, workflowExecutionId: WORKFLOW_EXECUTION_ID },
      );
      expect(thrown).toEqual({ instanceOfClass: true, name: error, status, requestId: expect.stringMatching(UUID) });
      const path = service === "ssm" ? "/" : "/ListWorkflowStepExecutions";
      expectClean(log, [`${status} POST ${mockUrl}${path}`]);
      await page.close();
    });

    it("paginateListCommands passes NextToken on and ends", async () => {
      const { page, log } = await openPage();
      const pages = await page.evaluate(async (endpoint) => {
        const { paginateListCommands, SSMClient } = (globalThis as PageGlobals)["sdk"];
        const client = new SSMClient({ region: "us-east-1", endpoint, credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }, maxAttempts: 1 });
        client.middlewareStack.add(
          (next: (args: unknown) => unknown) => (args: { request: { headers: Record<string, string> } }) => {
            args.request.headers["prefer"] = "example=FirstPage";
            return next(args);
          },
          { step: "build", name: "prefer" },
        );
        const tokens: unknown[] = [];
        for await (const page of paginateListCommands({ client }, { MaxResults: 10 })) tokens.push(page.NextToken ?? null);
        return tokens;
      }, mockUrl);
      expect(pages).toEqual([example("ssm", "ListCommands", 200, "FirstPage")["NextToken"], null]);
      expectClean(log);
      await page.close();
    });
  });

  describe("SigV4 in the browser: aws4fetch in the client equals the AWS SDK v3 signer", () => {
    // Fixed for both signers, and near the real time, so a mock that checks clock skew accepts it.
    const date = new Date(Math.floor(Date.now() / 1000) * 1000);
    const amzDate = date.toISOString().replace(/[:-]|\.\d{3}/g, "");
    const cases = [
      {
        label: "SSM ListCommands, temporary credentials",
        service: "ssm",
        region: "ap-southeast-2",
        credentials: { accessKeyId: "ASIAEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: "FQoGZXIvYXdzEXAMPLE//token=" },
      },
      {
        label: "Image Builder ListWorkflowStepExecutions, static credentials",
        service: "imagebuilder",
        region: "us-east-2",
        credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret/with+chars" },
      },
    ];

    it.each(cases)("$label", async ({ service, region, credentials }) => {
      // A frozen page clock: both signers sign at the same fixed time.
      const { page, log } = await openPage({ clock: date });
      const before = arrived.length;
      const sent = new Promise<{ url: string; method: string; headers: Record<string, string>; body: string }>((resolve) => {
        page.on("request", async (request) => {
          if (request.method() === "POST" && request.url().startsWith(mockUrl)) {
            resolve({ url: request.url(), method: request.method(), headers: await request.allHeaders(), body: request.postData() ?? "" });
          }
        });
      });
      // The client on its default browser path: no fetch option, the global fetch sends what aws4fetch signed.
      await page.evaluate(
        async ({ endpoint, service, region, credentials, workflowExecutionId }) => {
          const { createImageBuilderClient, createSsmClient } = (globalThis as PageGlobals)["awsOpsContract"];
          const config = { region, endpoint, credentials };
          if (service === "ssm") await createSsmClient(config).listCommands({ Filters: [{ key: "DocumentName", value: "AWS-RunShellScript" }], MaxResults: 10 });
          else await createImageBuilderClient(config).listWorkflowStepExecutions({ workflowExecutionId, maxResults: 5 });
        },
        { endpoint: mockUrl, service, region, credentials, workflowExecutionId: WORKFLOW_EXECUTION_ID },
      );
      const request = await sent;
      const authorization = request.headers["authorization"];
      expect(authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${amzDate.slice(0, 8)}/${region}/${service}/aws4_request, SignedHeaders=`));
      expect(request.headers["x-amz-date"]).toBe(amzDate);
      // What the browser showed is what reached the mock.
      expect(arrived.slice(before).filter(({ method }) => method === "POST").map((request) => request.authorization)).toEqual([authorization]);

      // The SDK signer, in the same page, on the request's own headers: everything but what the
      // browser adds (user agent, origin, fetch metadata, ...) and what the signature adds.
      const browserAdded = /^(sec-|accept|user-agent$|origin$|referer$|connection$|content-length$|authorization$|x-amz-date$|x-amz-security-token$)/;
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !browserAdded.test(name)));
      const sdkSign = (secretAccessKey: string, signingDate: string, body: string): Promise<string> =>
        page.evaluate(
          async ({ request, headers, service, region, credentials, signingDate, body }) => {
            const { SignatureV4, SSMClient } = (globalThis as PageGlobals)["sdk"];
            // The hash the SDK's browser build signs with (its resolved config's sha256).
            const sha256 = new SSMClient({ region }).config.sha256;
            const url = new URL(request.url);
            const signer = new SignatureV4({ service, region, credentials, sha256, applyChecksum: false });
            const signed = await signer.sign(
              { method: request.method, protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: url.pathname, query: {}, headers: { ...headers, host: url.host }, body },
              { signingDate: new Date(signingDate) },
            );
            return signed.headers["authorization"] as string;
          },
          { request, headers, service, region, credentials: { ...credentials, secretAccessKey }, signingDate, body },
        );
      expect(await sdkSign(credentials.secretAccessKey, date.toISOString(), request.body)).toBe(authorization);
      // The comparison bites: another key, second or body signs differently.
      expect(await sdkSign(`${credentials.secretAccessKey}x`, date.toISOString(), request.body)).not.toBe(authorization);
      expect(await sdkSign(credentials.secretAccessKey, new Date(date.getTime() + 1000).toISOString(), request.body)).not.toBe(authorization);
      expect(await sdkSign(credentials.secretAccessKey, date.toISOString(), request.body.replace("10", "11").replace("5", "6"))).not.toBe(authorization);
      expectClean(log);
      await page.close();
    });
  });
});
