/**
 * Builds the API docs site into build/docs (git-ignored):
 *
 *   index.html          the landing page, rendered from docs/landing/index.html
 *   ssm.html            Redoc reference for the four SSM operations
 *   imagebuilder.html   Redoc reference for ListWorkflowStepExecutions
 *   mock*.html          the mock's guide: mock/README.md, a page per section (scripts/docs-guide.ts)
 *   favicon.ico, assets/...
 *
 * The code samples are real files (docs/samples/<Operation>/{curl.sh,aws-cli.sh,client.ts}) that
 * test/docs runs or type-checks. They reach Redoc as `x-codeSamples`, added here to an in-memory copy
 * of the bundled spec (generated/openapi/<api>.json): openapi/ and generated/ stay untouched.
 *
 * The site works offline. `--inlineBundle` embeds Redoc's script, telemetry is switched off, and the
 * few URLs in Redoc's bundle that would fetch from Redocly's CDN at view time (the "API docs by
 * Redocly" logo, the icon sets) are pointed at local files. The build then scans every page for a
 * remote URL in a resource-loading position and fails if it finds one.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { GUIDE_FIRST_PAGE, guidePages, renderGuidePage, type GuidePage } from "./docs-guide.js";
import { parseCommandLine, runIfMain } from "./lib/cli.js";
import { leadSentence, loadSpec, nodeAt, readOperations, type OpenApiDocument } from "../src/model/index.js";

const HELP = `Usage: npm run docs [-- --out <dir>] [-- --if-stale] [-- --help]

Builds the API docs site: a landing page and one Redoc reference page per API, with curl, AWS CLI
and TypeScript samples for every operation (from docs/samples/), for offline viewing.

  --out <dir>   where to write the site (default: build/docs)
  --if-stale    build only when the site is missing or older than its sources
  --help        show this help

Serve it with \`npm run docs:serve\` (http://127.0.0.1:4020/).`;

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_OUT_DIR = join(ROOT, "build", "docs");
const SAMPLES_DIR = join(ROOT, "docs", "samples");
const LANDING_DIR = join(ROOT, "docs", "landing");
const SITE_CSS = join(ROOT, "docs", "site.css");
const GUIDE_TEMPLATE = join(ROOT, "docs", "guide", "page.html");
/** The mock's guide, the source of the site's guide pages. */
export const MOCK_README = join(ROOT, "mock", "README.md");

/** The mock's guide as the site's pages. */
export const listGuidePages = (): GuidePage[] => guidePages(readFileSync(MOCK_README, "utf8"));

export interface ApiPage {
  api: "ssm" | "imagebuilder";
  /** The bundled spec the page is built from. */
  spec: string;
  /** File name of the Redoc page inside the site. */
  page: string;
}

export const API_PAGES: readonly ApiPage[] = [
  { api: "ssm", spec: join(ROOT, "generated", "openapi", "ssm.json"), page: "ssm.html" },
  { api: "imagebuilder", spec: join(ROOT, "generated", "openapi", "imagebuilder.json"), page: "imagebuilder.html" },
];

/**
 * One Redocly code sample per file, in the order the language menu lists them. `lang` picks the
 * syntax highlighting; Redoc 3 matches a sample to a menu entry by its label.
 */
export const SAMPLE_FILES = [
  { file: "curl.sh", lang: "curl", label: "curl" },
  { file: "aws-cli.sh", lang: "bash", label: "AWS CLI" },
  { file: "client.ts", lang: "typescript", label: "TypeScript" },
] as const;

/**
 * Redoc options for build-docs. Redoc 3 shows only the code-sample languages its `codeSamples`
 * option lists (by default curl, JavaScript, Python, ... and Payload), so the list is derived from
 * SAMPLE_FILES; Payload (the request example as JSON) stays last.
 */
export const REDOC_OPTIONS = {
  codeSamples: { languages: [...SAMPLE_FILES.map(({ lang, label }) => ({ lang, label })), { lang: "payload", label: "Payload" }] },
};

/**
 * URLs in Redoc's bundle that fetch from Redocly's CDN at view time, and the local files that stand
 * in for them. Each must be found: if a Redoc upgrade moves one, the build says so instead of
 * quietly shipping a page that calls out.
 */
const CDN_REPLACEMENTS = [
  { find: "https://cdn.redoc.ly/redoc/logo-mini-full.svg", replace: "assets/redocly-logo-full.svg" },
  { find: "https://cdn.redoc.ly/redoc/logo-mini.svg", replace: "assets/redocly-logo-mini.svg" },
  // Icon sets, drawn as CSS masks when an icon is shown; nothing on these pages uses one.
  { find: "https://cdn.redocly.com/icons/", replace: "assets/icons/" },
] as const;

export interface Operation {
  api: ApiPage["api"];
  operationId: string;
  /** The operation's heading in the sidebar and on the page: its name, as AWS names it (the spec's `summary`). */
  heading: string;
  /** The sentence under the heading: the first paragraph of the operation's description. */
  summary: string;
  tag: string;
  /** Link from the landing page into the Redoc page, such as ssm.html#/run-command/listcommands. */
  href: string;
}

type OpenApiDoc = OpenApiDocument & { info: { title: string; version: string } };

const readSpec = (page: ApiPage): OpenApiDoc => loadSpec(page.spec) as OpenApiDoc;

/** Redoc 3's route for an operation: `#/<tag slug>/<operationId, lower case>`. */
export function redocAnchor(tag: string, operationId: string): string {
  const slug = (text: string) => text.trim().toLowerCase().replace(/\s+/g, "-");
  return `#/${slug(tag)}/${slug(operationId)}`;
}

export function listOperations(): Operation[] {
  const out: Operation[] = [];
  for (const page of API_PAGES) {
    for (const operation of readOperations(readSpec(page))) {
      const { operationId } = operation;
      const tag = operation.tags[0];
      if (!tag) throw new Error(`${page.api}: operation ${operationId} has no tag; the docs link to operations by tag`);
      // Readers scan the sidebar for an operation's name: the spec's summary is that name.
      if (operation.summary !== operationId) throw new Error(`${page.api}: operation ${operationId} has summary ${JSON.stringify(operation.summary)}; the docs name each operation as AWS does, so its summary must be ${operationId}`);
      out.push({ api: page.api, operationId, heading: operation.summary, summary: leadSentence(operation), tag, href: `${page.page}${redocAnchor(tag, operationId)}` });
    }
  }
  return out;
}

/** The sample as shown: the file without its `#!` line. */
export function sampleSource(operationId: string, file: string): string {
  const path = join(SAMPLES_DIR, operationId, file);
  if (!existsSync(path)) throw new Error(`missing code sample ${relative(ROOT, path)} (every operation needs ${SAMPLE_FILES.map((s) => s.file).join(", ")})`);
  return readFileSync(path, "utf8").replace(/^#!.*\n/, "").trimEnd() + "\n";
}

/**
 * A copy of the spec with `x-codeSamples` on every operation. Fails when an operation has no samples
 * or a samples folder names no operation, so samples cannot drift away from the spec unnoticed.
 */
export function withCodeSamples(doc: OpenApiDoc, knownElsewhere: ReadonlySet<string> = new Set()): { doc: OpenApiDoc; operationIds: string[] } {
  const copy = structuredClone(doc);
  const operationIds: string[] = [];
  for (const { operationId, pointer } of readOperations(copy)) {
    operationIds.push(operationId);
    (nodeAt(copy, pointer) as Record<string, unknown>)["x-codeSamples"] = SAMPLE_FILES.map(({ file, lang, label }) => ({ lang, label, source: sampleSource(operationId, file) }));
  }
  const known = new Set([...operationIds, ...knownElsewhere]);
  const strays = readdirSync(SAMPLES_DIR).filter((name) => statSync(join(SAMPLES_DIR, name)).isDirectory() && !known.has(name));
  if (strays.length > 0) throw new Error(`docs/samples/ has folders for unknown operations: ${strays.join(", ")}`);
  return { doc: copy, operationIds };
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Renders docs/landing/index.html. Placeholders: {{version}}, {{style}} (docs/site.css),
 * {{page:<api>}}, {{href:<OperationId>}}, {{summary:<OperationId>}}, {{code:<file under docs/landing
 * or docs/samples>}} (HTML-escaped), {{guide}} (a list of links to the mock guide's pages).
 * An unknown placeholder is an error.
 */
export function renderLanding(template: string, operations: readonly Operation[], version: string, guide: readonly GuidePage[] = []): string {
  const byId = new Map(operations.map((op) => [op.operationId, op]));
  const operation = (id: string): Operation => {
    const op = byId.get(id);
    if (!op) throw new Error(`landing page links to unknown operation ${id}`);
    return op;
  };
  const linked = new Set<string>();
  const html = template.replace(/\{\{(\w+)(?::([^}]+))?\}\}/g, (whole, kind: string, arg: string | undefined) => {
    switch (kind) {
      case "version":
        return escapeHtml(version);
      case "style":
        return readFileSync(SITE_CSS, "utf8");
      case "guide":
        return `<ul>\n${guide.map((page) => `    <li><a href="${page.file}">${escapeHtml(page.title)}</a></li>`).join("\n")}\n  </ul>`;
      case "page": {
        const page = API_PAGES.find((p) => p.api === arg);
        if (!page) throw new Error(`landing page names unknown API ${arg}`);
        return page.page;
      }
      case "href":
        linked.add(arg ?? "");
        return escapeHtml(operation(arg ?? "").href);
      case "summary":
        return escapeHtml(operation(arg ?? "").summary);
      case "code": {
        const file = [join(LANDING_DIR, arg ?? ""), join(SAMPLES_DIR, arg ?? "")].find((f) => existsSync(f));
        if (!file) throw new Error(`landing page includes missing file ${arg}`);
        return escapeHtml(readFileSync(file, "utf8").replace(/^#!.*\n/, "").trimEnd());
      }
      default:
        throw new Error(`landing page has unknown placeholder ${whole}`);
    }
  });
  const unlinked = operations.filter((op) => !linked.has(op.operationId)).map((op) => op.operationId);
  if (unlinked.length > 0) throw new Error(`landing page does not link to: ${unlinked.join(", ")}`);
  return html;
}

/**
 * Remote URLs a page would load as resources: src/srcset/poster attributes, <link href>, CSS url()
 * and @import, module imports, and URL literals in scripts that end in a resource extension.
 * Plain links (<a href>) are navigation, not loads, and are not reported.
 */
export function remoteResourceUrls(html: string): string[] {
  const remote = String.raw`(?:https?:)?//[^\s"'\`)<>]+`;
  const patterns = [
    new RegExp(String.raw`\b(?:src|srcset|poster|data)\s*=\s*["']?\s*(${remote})`, "gi"),
    new RegExp(String.raw`<link\b[^>]*\bhref\s*=\s*["']?(${remote})`, "gi"),
    new RegExp(String.raw`url\(\s*["']?(${remote})`, "gi"),
    new RegExp(String.raw`@import\s+(?:url\()?["']?(${remote})`, "gi"),
    new RegExp(String.raw`\bimport\s*(?:\(|[^;'"\`]*?\bfrom)\s*["'\`](${remote})`, "gi"),
    new RegExp(String.raw`["'\`](https?://[^\s"'\`]+\.(?:js|mjs|css|svg|png|jpe?g|gif|webp|ico|woff2?|ttf|otf))["'\`]`, "gi"),
    // Redocly's CDNs, however the URL is put together.
    /(https?:\/\/cdn\.redoc(?:ly)?\.(?:ly|com)[^\s"'`)]*)/gi,
  ];
  const found = new Set<string>();
  for (const pattern of patterns) for (const match of html.matchAll(pattern)) found.add(match[1] ?? match[0]);
  return [...found];
}

/**
 * What each reference page says about the mock (Markdown, under the API's own description): where
 * its guide is, page by page, so that a reader of the reference finds how to load data, ask for an
 * error or a fault, and check signatures.
 */
export function mockGuideNote(guide: readonly GuidePage[]): string {
  const pages = guide.map((page) => `[${page.title.replace(/[[\]]/g, "")}](${page.file})`).join(" · ");
  return [
    "**Trying these operations against the contract mock** (`npx aws-ops-contract-mock`, or `startMock()` in a test):",
    "its guide shows how to load a data set (`--data`, `startMock({ data })`, `PUT /_mock/data`), ask for a documented",
    "error, a throttling fault or a delay with the `Prefer` header, and check signatures with `--auth sigv4`",
    `(refused requests get \`InvalidSignatureException\` and its kin, as from AWS). Pages: ${pages}.`,
  ].join("\n");
}

const FAVICON_LINK = '<link rel="icon" href="favicon.ico" sizes="16x16">';

/** Makes one Redoc page self-contained; throws if Redoc's output no longer looks as expected. */
export function offlineRedocPage(html: string, page: string): string {
  let out = html;
  for (const { find, replace } of CDN_REPLACEMENTS) {
    if (!out.includes(find)) throw new Error(`${page}: expected Redoc's bundle to contain ${find}; has Redoc changed? Update CDN_REPLACEMENTS in scripts/docs.ts`);
    out = out.split(find).join(replace);
  }
  if (!out.includes('"disableTelemetry":true')) throw new Error(`${page}: Redoc telemetry is not disabled (REDOCLY_TELEMETRY=off was ignored?)`);
  if (!out.includes("</head>")) throw new Error(`${page}: no </head> to add the favicon to`);
  return out.replace("</head>", `  ${FAVICON_LINK}\n</head>`);
}

/** A 16x16 icon (one 32-bit BMP image in an ICO container): a blue tile with a white bar chart. */
export function faviconIco(): Buffer {
  const size = 16;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const top = size - 1 - y; // BMP rows run bottom-up
      const corner = (x === 0 || x === size - 1) && (top === 0 || top === size - 1);
      const bars = [
        [3, 5, 9],
        [7, 9, 5],
        [11, 13, 7],
      ].some(([from, to, height]) => x >= from! && x < to! && top >= size - 3 - height! && top < size - 3);
      const [b, g, r, a] = corner ? [0, 0, 0, 0] : bars ? [255, 255, 255, 255] : [0xd4, 0x44, 0x00, 255];
      pixels.set([b, g, r, a], (y * size + x) * 4);
    }
  }
  const mask = Buffer.alloc(size * 4); // 1-bit AND mask, 4 bytes per row; alpha does the work
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows + mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(pixels.length + mask.length, 20);
  const image = Buffer.concat([header, pixels, mask]);
  const dir = Buffer.alloc(6 + 16);
  dir.writeUInt16LE(1, 2); // type: icon
  dir.writeUInt16LE(1, 4); // one image
  dir.writeUInt8(size, 6);
  dir.writeUInt8(size, 7);
  dir.writeUInt16LE(1, 10); // planes
  dir.writeUInt16LE(32, 12); // bits per pixel
  dir.writeUInt32LE(image.length, 14);
  dir.writeUInt32LE(dir.length, 18);
  return Buffer.concat([dir, image]);
}

/** Stand-ins for Redocly's CDN logos: the same attribution, drawn locally. */
const LOGO_FULL = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16" viewBox="0 0 64 16"><text x="0" y="12.5" font-family="system-ui, sans-serif" font-size="13" font-weight="700" fill="#0044d4">Redocly</text></svg>\n`;
const LOGO_MINI = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0044d4"/><text x="8" y="12.5" text-anchor="middle" font-family="system-ui, sans-serif" font-size="12" font-weight="700" fill="#fff">R</text></svg>\n`;

function runBuildDocs(specFile: string, optionsFile: string, output: string, title: string): void {
  const redocly = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
  execFileSync(
    process.execPath,
    [redocly, "build-docs", specFile, "--inlineBundle", "--output", output, "--title", title, "--openapi", optionsFile, "--config", join(ROOT, "redocly.yaml")],
    {
      cwd: ROOT,
      // Telemetry off: the CLI then sends no usage data, and the page's options say disableTelemetry.
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_NOTIFICATIONS: "true", NO_COLOR: "1" },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
}

/** Every file the site is built from; the site is stale when one is newer than its index.html. */
export function docsSources(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
  // src/model: the operations, headings and sentences are read with the operation model.
  const guideScript = fileURLToPath(new URL("./docs-guide.ts", import.meta.url));
  return [...API_PAGES.map((p) => p.spec), ...walk(join(ROOT, "docs")), ...walk(join(ROOT, "src", "model")), fileURLToPath(import.meta.url), guideScript, MOCK_README, join(ROOT, "redocly.yaml")];
}

export function isDocsBuildFresh(outDir = DEFAULT_OUT_DIR): boolean {
  const outputs = ["index.html", "favicon.ico", GUIDE_FIRST_PAGE, ...API_PAGES.map((p) => p.page)].map((f) => join(outDir, f));
  if (!outputs.every((f) => existsSync(f))) return false;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return docsSources().every((f) => statSync(f).mtimeMs <= built);
}

export interface BuiltFile {
  path: string;
  bytes: number;
}

export interface DocsBuild {
  outDir: string;
  files: BuiltFile[];
  operations: Operation[];
  ms: number;
}

export function buildDocs({ outDir = DEFAULT_OUT_DIR }: { outDir?: string } = {}): DocsBuild {
  const started = performance.now();
  const operations = listOperations();
  const guide = listGuidePages();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, "assets"), { recursive: true });
  const work = mkdtempSync(join(tmpdir(), "aws-ops-contract-docs-"));
  const files: BuiltFile[] = [];
  const write = (name: string, content: string | Buffer): void => {
    const path = join(outDir, name);
    writeFileSync(path, content);
    files.push({ path, bytes: Buffer.byteLength(content) });
  };
  try {
    const allIds = new Set(operations.map((op) => op.operationId));
    const optionsFile = join(work, "redoc-options.json");
    writeFileSync(optionsFile, JSON.stringify(REDOC_OPTIONS));
    for (const page of API_PAGES) {
      const spec = readSpec(page);
      const { doc } = withCodeSamples(spec, allIds);
      const info = doc.info as { description?: string };
      info.description = `${info.description ?? ""}\n\n${mockGuideNote(guide)}`.trimStart();
      const input = join(work, `${page.api}.json`);
      writeFileSync(input, JSON.stringify(doc));
      const raw = join(work, page.page);
      runBuildDocs(input, optionsFile, raw, `${spec.info.title} — API reference`);
      write(page.page, offlineRedocPage(readFileSync(raw, "utf8"), page.page));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
  write("index.html", renderLanding(readFileSync(join(LANDING_DIR, "index.html"), "utf8"), operations, version, guide));
  const guideTemplate = readFileSync(GUIDE_TEMPLATE, "utf8").replace("{{style}}", () => readFileSync(SITE_CSS, "utf8"));
  for (const page of guide) write(page.file, renderGuidePage(guideTemplate, page, guide, version));
  write("favicon.ico", faviconIco());
  write("assets/redocly-logo-full.svg", LOGO_FULL);
  write("assets/redocly-logo-mini.svg", LOGO_MINI);

  for (const file of files.filter((f) => f.path.endsWith(".html"))) {
    const remote = remoteResourceUrls(readFileSync(file.path, "utf8"));
    if (remote.length > 0) throw new Error(`${relative(ROOT, file.path)} would load remote resources: ${remote.join(", ")}`);
  }
  return { outDir, files, operations, ms: performance.now() - started };
}

runIfMain(import.meta.url, {
  help: HELP,
  run(argv) {
    const { values } = parseCommandLine(argv, { options: { out: { type: "string" }, "if-stale": { type: "boolean" } } });
    const outDir = values.out === undefined ? DEFAULT_OUT_DIR : resolve(values.out);
    if (values["if-stale"] && isDocsBuildFresh(outDir)) {
      console.log(`${relative(ROOT, outDir) || "."} is up to date`);
      return;
    }
    const build = buildDocs({ outDir });
    for (const file of build.files) console.log(`${relative(ROOT, file.path).padEnd(44)} ${(file.bytes / 1024).toFixed(0).padStart(6)} KiB`);
    console.log(`built ${build.files.length} files, ${build.operations.length} operations, in ${(build.ms / 1000).toFixed(1)} s`);
  },
});
