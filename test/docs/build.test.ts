/** The docs build (scripts/docs.ts) and the static server (scripts/serve-docs.ts), without a browser. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Marked } from "marked";
import { guidePages, headingSlugger } from "../../scripts/docs-guide.js";
import { buildDocs, faviconIco, listGuidePages, listOperations, MOCK_README, offlineRedocPage, remoteResourceUrls, renderLanding, type DocsBuild } from "../../scripts/docs.js";
import { serveDocs, type DocsServer } from "../../scripts/serve-docs.js";

describe("npm run docs", () => {
  let build: DocsBuild;
  const out = mkdtempSync(join(tmpdir(), "docs-build-"));
  beforeAll(() => {
    build = buildDocs({ outDir: out });
  }, 60_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("writes the landing page, both references, the favicon and the logo stand-ins", () => {
    const names = build.files.map((f) => f.path.slice(out.length + 1)).sort();
    const guide = listGuidePages().map((page) => page.file);
    expect(names).toEqual(["assets/redocly-logo-full.svg", "assets/redocly-logo-mini.svg", "favicon.ico", "imagebuilder.html", "index.html", ...guide, "ssm.html"].sort());
  });

  it("every page is self-contained: no remote script, style, font or image, telemetry off", () => {
    for (const name of ["index.html", "ssm.html", "imagebuilder.html", ...listGuidePages().map((page) => page.file)]) {
      const html = readFileSync(join(out, name), "utf8");
      expect(remoteResourceUrls(html), name).toEqual([]);
      expect(html, name).toContain('<link rel="icon" href="favicon.ico"');
    }
    const ssm = readFileSync(join(out, "ssm.html"), "utf8");
    expect(ssm).toContain('"disableTelemetry":true');
    expect(ssm).not.toContain("cdn.redoc");
    expect(ssm).toContain("assets/redocly-logo-full.svg");
  });

  it("each reference carries its operations' code samples, read from docs/samples", () => {
    for (const op of build.operations) {
      const html = readFileSync(join(out, op.href.split("#")[0]!), "utf8");
      const curl = readFileSync(join("docs", "samples", op.operationId, "curl.sh"), "utf8").replace(/^#!.*\n/, "").trimEnd() + "\n";
      expect(html, op.operationId).toContain(JSON.stringify(curl).replace(/</g, "\\u003c").slice(1, -1));
    }
    const ts = JSON.stringify(readFileSync(join("docs", "samples", "ListWorkflowStepExecutions", "client.ts"), "utf8").trimEnd() + "\n");
    expect(readFileSync(join(out, "imagebuilder.html"), "utf8")).toContain(ts.replace(/</g, "\\u003c").slice(1, -1));
  });

  it("the landing page links every operation at Redoc's anchor and includes the usage snippets", () => {
    const html = readFileSync(join(out, "index.html"), "utf8");
    for (const op of listOperations()) expect(html).toContain(`href="${op.href}" data-operation="${op.operationId}"`);
    expect(html).toContain('href="ssm.html#/run-command/listcommands"');
    expect(html).toContain('href="imagebuilder.html#/workflows/listworkflowstepexecutions"');
    expect(html).toContain("import { validate } from &quot;aws-ops-contract/validate&quot;;");
    expect(html).not.toMatch(/\{\{/);
  });
});

describe("the mock's guide on the site is mock/README.md", () => {
  let build: DocsBuild;
  const out = mkdtempSync(join(tmpdir(), "docs-guide-"));
  beforeAll(() => {
    build = buildDocs({ outDir: out });
  }, 60_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const readme = readFileSync(MOCK_README, "utf8");
  const built = (file: string): string => readFileSync(join(out, file), "utf8");

  it("a page per ## section, in the README's order, each titled by its heading", () => {
    const sections = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.replace(/`/g, ""));
    const pages = listGuidePages();
    expect(pages.map((page) => page.title)).toEqual(["aws-ops-contract-mock", ...sections]);
    for (const page of pages) expect(build.files.some((f) => f.path.endsWith(`/${page.file}`)), page.file).toBe(true);
  });

  it("every heading keeps GitHub's anchor, and all the README's text and code is on the pages", () => {
    const all = listGuidePages().map((page) => built(page.file)).join("\n");
    const slug = headingSlugger();
    for (const m of readme.replace(/^```[\s\S]*?^```/gm, "").matchAll(/^#{1,6} (.+)$/gm)) expect(all).toContain(`id="${slug(m[1]!.replace(/`/g, ""))}"`);
    // The same Markdown rendered whole, links aside: what a reader of the README reads.
    const text = (html: string): string => html.replace(/<a [^>]*>|<\/a>/g, "").replace(/<h(\d) id="[^"]*">/g, "<h$1>");
    const whole = text(new Marked({ gfm: true }).parse(readme) as string);
    const pages = text(listGuidePages().map((page) => page.html).join(""));
    expect(pages).toBe(whole);
    for (const needle of ["Prefer", "/_mock/data", "startMock", "InvalidSignatureException", "--auth sigv4"]) expect(all, needle).toContain(needle);
  });

  it("links work on the site: anchors go to the page holding the heading, files of the repository lose their link", () => {
    const pages = listGuidePages();
    for (const page of pages) {
      const html = built(page.file);
      for (const [, href] of html.matchAll(/<a href="([^"]+)"/g)) {
        if (/^https?:/.test(href!)) continue;
        const [file, anchor] = href!.split("#");
        const target = file === "" ? page.file : file!;
        expect(build.files.some((f) => f.path.endsWith(`/${target}`)), `${page.file}: ${href}`).toBe(true);
        if (anchor) expect(built(target), `${page.file}: ${href}`).toContain(`id="${anchor}"`);
      }
      // A relative link into the repository is no page of the site (a URL, such as the repository's on GitHub, stays).
      expect(html, page.file).not.toMatch(/href="(?!https?:)[^"]*\.(md|ts)["#]/);
    }
    expect(() => guidePages("# T\n\nSee [x](#nowhere).\n")).toThrow(/#nowhere, which no heading has/);
  });

  it("the landing page and both references lead to the guide", () => {
    expect(built("index.html")).toContain('<a href="mock.html">');
    for (const page of listGuidePages()) expect(built("index.html"), page.file).toContain(`href="${page.file}"`);
    for (const reference of ["ssm.html", "imagebuilder.html"]) {
      const html = built(reference);
      for (const needle of ["mock-data-sets.html", "Prefer", "/_mock/data", "startMock", "--auth sigv4", "InvalidSignatureException"]) expect(html, `${reference}: ${needle}`).toContain(needle);
    }
  });
});

describe("offline checks bite", () => {
  it("remoteResourceUrls reports loads, not links", () => {
    const page = `<html><head><script type="module" src="https://cdn.example.net/app.js"></script>
      <link rel="stylesheet" href="//fonts.example.org/a.css"><style>body{background:url("https://img.example.com/bg.png")}</style></head>
      <body><a href="https://docs.aws.amazon.com/">docs</a><img src="assets/local.svg"><script>const logo=\`https://cdn.redoc.ly/redoc/logo-mini.svg\`;</script></body></html>`;
    expect(remoteResourceUrls(page).sort()).toEqual(
      ["//fonts.example.org/a.css", "https://cdn.example.net/app.js", "https://cdn.redoc.ly/redoc/logo-mini.svg", "https://img.example.com/bg.png"].sort(),
    );
  });

  it("offlineRedocPage refuses a page whose CDN URLs moved or whose telemetry is on", () => {
    const redoc = '<head></head><script>a=`https://cdn.redoc.ly/redoc/logo-mini-full.svg`;b=`https://cdn.redoc.ly/redoc/logo-mini.svg`;c=`https://cdn.redocly.com/icons/fa`;o={"disableTelemetry":true}</script>';
    expect(offlineRedocPage(redoc, "x.html")).toContain("assets/redocly-logo-mini.svg");
    expect(() => offlineRedocPage(redoc.replace("logo-mini.svg", "logo-v2.svg"), "x.html")).toThrow(/logo-mini\.svg; has Redoc changed/);
    expect(() => offlineRedocPage(redoc.replace('"disableTelemetry":true', '"disableTelemetry":false'), "x.html")).toThrow(/telemetry/);
  });

  it("names every operation as AWS does, with its description's first sentence beneath", () => {
    const ops = listOperations();
    expect(ops.map((op) => op.heading)).toEqual(ops.map((op) => op.operationId));
    expect(ops.find((op) => op.operationId === "ListCommands")?.summary).toBe("Lists the commands requested by users of the Amazon Web Services account.");
    for (const op of ops) expect(op.summary, op.operationId).toMatch(/^[A-Z].{20,}\.$/);
  });

  it("renderLanding refuses unknown placeholders and a page that misses an operation", () => {
    const ops = listOperations();
    const all = ops.map((op) => `{{href:${op.operationId}}}`).join(" ");
    expect(renderLanding(`${all} {{page:ssm}} {{version}}`, ops, "1.2.3")).toContain("ssm.html 1.2.3");
    expect(renderLanding(`${all} {{guide}}`, ops, "1", [{ file: "mock.html", title: "Guide & more", html: "" }])).toContain('<li><a href="mock.html">Guide &amp; more</a></li>');
    expect(() => renderLanding(`${all} {{nope}}`, ops, "1")).toThrow(/unknown placeholder \{\{nope\}\}/);
    expect(() => renderLanding(`${all} {{href:ListThings}}`, ops, "1")).toThrow(/unknown operation ListThings/);
    expect(() => renderLanding("{{href:ListCommands}}", ops, "1")).toThrow(/does not link to: ListCommandInvocations/);
  });

  it("the favicon is a 16x16 32-bit ICO", () => {
    const ico = faviconIco();
    expect([...ico.subarray(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
    expect([ico[6], ico[7], ico.readUInt16LE(12)]).toEqual([16, 16, 32]);
    expect(ico.readUInt32LE(14) + ico.readUInt32LE(18)).toBe(ico.length);
  });
});

describe("serveDocs", () => {
  const root = mkdtempSync(join(tmpdir(), "docs-serve-"));
  const site = join(root, "site");
  let server: DocsServer;
  beforeAll(async () => {
    mkdirSync(join(site, "assets"), { recursive: true });
    writeFileSync(join(site, "index.html"), "<h1>home</h1>");
    writeFileSync(join(site, "assets", "logo.svg"), "<svg/>");
    writeFileSync(join(site, "favicon.ico"), faviconIco());
    writeFileSync(join(root, "secret.txt"), "outside");
    symlinkSync(join(root, "secret.txt"), join(site, "link.txt"));
    server = await serveDocs({ dir: site, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** A raw request, so paths such as /../x reach the server unnormalised. */
  const get = (path: string, method = "GET") =>
    new Promise<{ status: number; type: string | undefined; body: string }>((ok, fail) => {
      const url = new URL(server.url);
      const req = request({ host: url.hostname, port: url.port, path, method }, (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (c: string) => (body += c));
        res.on("end", () => ok({ status: res.statusCode ?? 0, type: res.headers["content-type"], body }));
      });
      req.on("error", fail).end();
    });

  it("binds 127.0.0.1 and serves files with their content types", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await get("/")).toEqual({ status: 200, type: "text/html; charset=utf-8", body: "<h1>home</h1>" });
    expect((await get("/assets/logo.svg")).type).toBe("image/svg+xml");
    expect((await get("/favicon.ico")).type).toBe("image/x-icon");
    expect((await get("/index.html?x=1#frag")).status).toBe(200);
    expect(await get("/", "HEAD")).toMatchObject({ status: 200, body: "" });
  });

  it("answers 404 for missing files and anything outside its folder, 405 for other methods", async () => {
    for (const path of ["/nope.html", "/assets/", "/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt", "/link.txt", "/%00", "/%E0%A4%A"]) {
      expect((await get(path)).status, path).toBe(404);
    }
    expect((await get("/", "POST")).status).toBe(405);
  });

  it("refuses to start on a folder that does not exist", async () => {
    await expect(serveDocs({ dir: join(root, "missing"), port: 0 })).rejects.toThrow(/npm run docs/);
  });
});
