/**
 * The client's module structure: no import circles in src/client/, shared types in modules without
 * run-time code (src/client/types/), no run-time probing for Node's built-ins, and the platform
 * chosen by the package's export conditions (the Node modules reachable from index.ts only).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const CLIENT = join(ROOT, "src/client");
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));

/** The relative imports of a module that load code at run time (not `import type`), resolved to .ts files. */
function imports(file: string, { runtimeOnly }: { runtimeOnly: boolean }): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const add = (specifier: string): void => {
    if (specifier.startsWith(".")) found.push(resolve(dirname(file), specifier.replace(/\.js$/, ".ts")));
    else found.push(specifier);
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const typeOnly = clause?.isTypeOnly || (clause?.namedBindings && ts.isNamedImports(clause.namedBindings) && !clause.name && clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!runtimeOnly || !typeOnly) add(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      if (!runtimeOnly || !statement.isTypeOnly) add(statement.moduleSpecifier.text);
    }
  }
  // Dynamic import() loads lazily: a separate chunk, not part of a circle at load time.
  return found;
}

describe("src/client's modules", () => {
  const all = files(CLIENT);

  it("import each other without a circle (type imports included)", () => {
    const graph = new Map(all.map((file) => [file, imports(file, { runtimeOnly: false }).filter((i) => i.startsWith(CLIENT))]));
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") return void cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(CLIENT, f)).join(" -> "));
      state.set(file, "open");
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, "done");
    };
    for (const file of all) visit(file, []);
    expect(cycles).toEqual([]);
    // Every module of src/client was read, not an empty folder.
    expect(graph.size).toBeGreaterThan(10);
  });

  it("src/client/types/ holds types only: no run-time statement, no value import", () => {
    const typesDir = join(CLIENT, "types");
    const typeFiles = files(typesDir);
    expect(typeFiles.length).toBeGreaterThan(0);
    for (const file of typeFiles) {
      const output = ts.transpileModule(readFileSync(file, "utf8"), { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true } }).outputText;
      expect(output.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, "").trim(), relative(ROOT, file)).toMatch(/^(export \{\};?)?$/);
    }
  });

  it("nothing probes the runtime for Node's built-ins (process.getBuiltinModule, typeof process)", () => {
    for (const file of [...all, ...["index.ts", "index.browser.ts", "fetch.ts", "fetch.browser.ts", "fetch/middleware.ts", "fetch/clients.ts"].map((f) => join(ROOT, "src", f))]) {
      const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*/g, "");
      expect(text, relative(ROOT, file)).not.toMatch(/getBuiltinModule|typeof process|typeof window|globalThis\.process/);
    }
  });

  it("the browser entry reaches no node: module; the Node entry reaches no WebCrypto signer", () => {
    const reach = (entry: string): Set<string> => {
      const seen = new Set<string>();
      const walk = (file: string): void => {
        if (seen.has(file)) return;
        seen.add(file);
        if (file.startsWith(ROOT)) for (const next of imports(file, { runtimeOnly: true })) walk(next);
      };
      walk(entry);
      return seen;
    };
    const browser = [...reach(join(ROOT, "src/index.browser.ts"))];
    const node = [...reach(join(ROOT, "src/index.ts"))];
    expect(browser.filter((m) => m.startsWith("node:"))).toEqual([]);
    expect(browser.some((m) => m.endsWith("sign-node.ts") || m.endsWith("transport-node.ts") || m === "@smithy/signature-v4")).toBe(false);
    expect(browser).toContain(join(CLIENT, "sign-web.ts"));
    expect(node).toContain("node:http");
    expect(node).not.toContain(join(CLIENT, "sign-web.ts"));
    // aws-ops-contract/fetch chooses the same way.
    const fetchBrowser = [...reach(join(ROOT, "src/fetch.browser.ts"))];
    const fetchNode = [...reach(join(ROOT, "src/fetch.ts"))];
    expect(fetchBrowser.filter((m) => m.startsWith("node:"))).toEqual([]);
    expect(fetchBrowser).toContain(join(CLIENT, "sign-web.ts"));
    expect(fetchBrowser).not.toContain(join(CLIENT, "sign-node.ts"));
    expect(fetchNode).toContain(join(CLIENT, "sign-node.ts"));
    expect(fetchNode).not.toContain(join(CLIENT, "sign-web.ts"));
    // The fast client's entries never load openapi-fetch.
    expect([...browser, ...node]).not.toContain("openapi-fetch");
    expect(fetchBrowser).toContain("openapi-fetch");
  });

  it("package.json chooses the entry by export condition", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { exports: Record<string, Record<string, string>> };
    expect(manifest.exports["."]).toEqual({
      types: "./dist/src/index.d.ts",
      browser: "./dist/src/index.browser.js",
      worker: "./dist/src/index.browser.js",
      workerd: "./dist/src/index.browser.js",
      default: "./dist/src/index.js",
    });
    expect(manifest.exports["./fetch"]).toEqual({
      types: "./dist/src/fetch.d.ts",
      browser: "./dist/src/fetch.browser.js",
      worker: "./dist/src/fetch.browser.js",
      workerd: "./dist/src/fetch.browser.js",
      default: "./dist/src/fetch.js",
    });
  });
});
