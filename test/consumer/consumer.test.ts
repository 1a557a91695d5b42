/**
 * The package as consumers get it: `npm pack`, install the tarball into a temporary copy of
 * test/consumer/project, type-check the project with tsc against the installed package, run it
 * against a node:http server on 127.0.0.1 that answers the SSM wire, and check the README quotes
 * the project's examples verbatim.
 */
import { execFile, execFileSync } from "node:child_process";
import { cpSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installTarballs, pack, ROOT as root, tempDir } from "../support/pack.js";
import { brokenLinks, REPOSITORY } from "../support/readme-links.js";

const require = createRequire(import.meta.url);
const work = tempDir("consumer-");
const project = join(work, "project");
let tarball = "";
let mockTarball = "";
let server: Server;
let endpoint = "";
const seen: Array<{ url: string | undefined; target: string | undefined; type: string | undefined; signed: boolean }> = [];

const listingOf = (file: string): string[] => execFileSync("tar", ["-tzf", file], { encoding: "utf8" }).split("\n").filter(Boolean);

const readBody = async (req: IncomingMessage): Promise<string> => {
  let body = "";
  for await (const chunk of req) body += String(chunk);
  return body;
};

/** A tiny SSM: two pages of ListCommands, one known maintenance window execution. */
function ssmWire(): Server {
  return createServer(async (req, res) => {
    const target = req.headers["x-amz-target"] as string | undefined;
    seen.push({ url: req.url, target, type: req.headers["content-type"], signed: /^AWS4-HMAC-SHA256 /.test(req.headers.authorization ?? "") });
    const input = JSON.parse(await readBody(req)) as Record<string, unknown>;
    const send = (status: number, body: unknown) =>
      res.writeHead(status, { "content-type": "application/x-amz-json-1.1", "x-amzn-RequestId": "consumer-req-1" }).end(JSON.stringify(body));
    if (req.method !== "POST" || req.url !== "/") return send(404, { __type: "UnknownOperationException" });
    if (target === "AmazonSSM.ListCommands") {
      const command = (id: string) => ({ CommandId: id, Status: "Failed", RequestedDateTime: 1720404000.5 });
      return input["NextToken"] === "page-2" ? send(200, { Commands: [command("c-2")] }) : send(200, { Commands: [command("c-1")], NextToken: "page-2" });
    }
    if (target === "AmazonSSM.GetMaintenanceWindowExecution") {
      if (input["WindowExecutionId"] === "14bea65d-5ccc-462d-a2f3-e99c8EXAMPLE") return send(200, { WindowExecutionId: input["WindowExecutionId"], Status: "SUCCESS" });
      return send(400, { __type: "DoesNotExistException", Message: "not found" });
    }
    return send(400, { __type: "UnknownOperationException" });
  });
}

beforeAll(async () => {
  tarball = pack(work);
  mockTarball = pack(work, "aws-ops-contract-mock");
  cpSync(new URL("./project", import.meta.url), project, { recursive: true });
  installTarballs(project, [tarball, mockTarball]);
  server = ssmWire();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

describe("the packed package in a consumer project", () => {
  it("ships dist only (no src, test or openapi sources)", () => {
    const listing = listingOf(tarball);
    expect(listing).toContain("package/dist/src/index.js");
    expect(listing).toContain("package/dist/src/fetch.js");
    expect(listing).toContain("package/dist/src/fetch.browser.js");
    expect(listing).toContain("package/dist/generated/validators/ssm.js");
    expect(listing).toContain("package/dist/generated/openapi/ssm.json");
    expect(listing.filter((f) => !f.startsWith("package/dist/") && !/^package\/(package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(f))).toEqual([]);
  });

  it("both packages name their repository, homepage and bug tracker, and every link of their READMEs resolves", () => {
    for (const file of [tarball, mockTarball]) {
      const files = listingOf(file).map((f) => f.replace(/^package\//, ""));
      const text = (path: string): string => execFileSync("tar", ["-xzOf", file, `package/${path}`], { encoding: "utf8" });
      const manifest = JSON.parse(text("package.json")) as { repository?: { url?: string }; homepage?: string; bugs?: { url?: string } };
      expect(manifest.repository?.url).toBe(`git+${REPOSITORY}.git`);
      expect(manifest.homepage).toMatch(new RegExp(`^${REPOSITORY}(/|#)`));
      expect(manifest.bugs?.url).toBe(`${REPOSITORY}/issues`);
      expect(files).toContain("README.md");
      const readme = text("README.md");
      expect(readme.match(/\]\(/g)?.length ?? 0).toBeGreaterThan(3);
      expect(brokenLinks(readme, "README.md", files, root), file).toEqual([]);
    }
  });

  it("type-checks with tsc (strict, skipLibCheck off) against the installed package", () => {
    const tsc = require.resolve("typescript/bin/tsc");
    const run = (): string => execFileSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: project, encoding: "utf8" });
    expect(run).not.toThrow();
  });

  it("runs: both clients call POST / on the SSM wire, the fast one paginates and surfaces typed errors; validate and the specs work", async () => {
    // Asynchronously: the server answering the consumer lives in this process.
    const { stdout: output } = await promisify(execFile)(process.execPath, ["run.mjs", endpoint], { cwd: project, encoding: "utf8", timeout: 20_000 });
    const result = JSON.parse(output) as Record<string, unknown>;
    expect(result["failedCommands"]).toEqual(["c-1 requested 2024-07-08T02:00:00.500Z", "c-2 requested 2024-07-08T02:00:00.500Z"]);
    expect(result["fetched"]).toEqual(["c-1"]);
    expect(result["found"]).toBe("SUCCESS");
    expect(result["missing"]).toBe("DoesNotExistException (HTTP 400, request consumer-req-1)");
    expect(result["checks"]).toEqual([
      {
        ok: false,
        errors: [
          { path: "/Colour", rule: "additionalProperties", message: "'/Colour' is not a member of this shape", params: { additionalProperty: "Colour" } },
          { path: "/MaxResults", rule: "minimum", message: "'/MaxResults' must be >= 1", params: { comparison: ">=", limit: 1 } },
        ],
        omitted: 0,
      },
      "InvalidNextToken",
    ]);
    expect(result["operations"]).toEqual([
      "ListCommands",
      "ListCommandInvocations",
      "GetMaintenanceWindowExecution",
      "DescribeAutomationStepExecutions",
      "ListWorkflowStepExecutions",
    ]);
    expect(result["summary"]).toEqual(["c1: Failed"]);
    // Four calls of the fast client, one of the openapi-fetch client (aws-ops-contract/fetch).
    expect(seen.length).toBe(5);
    for (const request of seen) {
      expect(request).toMatchObject({ url: "/", type: "application/x-amz-json-1.1", signed: true });
    }
  });

  it("the mock's package: startMock and the bin resolve from the installed aws-ops-contract-mock", async () => {
    const exec = promisify(execFile);
    const { stdout: kind } = await exec(process.execPath, ["--input-type=module", "-e", "const m = await import('aws-ops-contract-mock'); console.log(typeof m.startMock)"], { cwd: project, encoding: "utf8" });
    expect(kind.trim()).toBe("function");
    const { stdout: help } = await exec(join(project, "node_modules", ".bin", "aws-ops-contract-mock"), ["--help"], { cwd: project, encoding: "utf8", timeout: 20_000 });
    expect(help).toContain("Usage: aws-ops-contract-mock");
  });

  it("the light package does not bring the mock: no Prism under aws-ops-contract's dependencies", () => {
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).filter((name) => name.startsWith("@stoplight/"))).toEqual([]);
    expect(listingOf(tarball).some((file) => file.includes("prism"))).toBe(false);
  });

  it.each(["aws-ops-contract", "aws-ops-contract-mock"])("arethetypeswrong finds no problem in the %s tarball (ESM-only profile: node10 and require() are out of scope)", async (name) => {
    const attw = join(root, "node_modules", ".bin", "attw");
    const file = name === "aws-ops-contract" ? tarball : mockTarball;
    const { stdout } = await promisify(execFile)(attw, [file, "--profile", "esm-only", "--format", "json"], { encoding: "utf8", timeout: 60_000 });
    const report = JSON.parse(stdout) as { problems: Record<string, Array<{ resolutionKind?: string }>> };
    const inScope = Object.values(report.problems).flat().filter((p) => p.resolutionKind !== "node10" && p.resolutionKind !== "node16-cjs");
    expect(inScope).toEqual([]);
  });

  it.each([".", "mock"])("publint --strict finds nothing in the package at %s", async (dir) => {
    const publint = join(root, "node_modules", ".bin", "publint");
    const { stdout } = await promisify(execFile)(publint, ["--strict", dir], { cwd: root, encoding: "utf8", timeout: 60_000 });
    expect(stdout).toContain("All good!");
  });

  it("the README quotes each example file of the consumer project verbatim", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    for (const file of ["client.ts", "fetch.ts", "types.ts", "validate.ts", "openapi.ts"]) {
      const code = readFileSync(new URL(`./project/src/${file}`, import.meta.url), "utf8");
      expect(readme, `README.md must quote test/consumer/project/src/${file}`).toContain("```ts\n" + code + "```");
    }
  });
});
