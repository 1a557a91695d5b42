/**
 * `npm run drift`: the spec against the official service models, offline, from what npm installs
 * (the AWS SDK for JavaScript v3 clients pinned as dev dependencies) and, where python3 has it,
 * botocore's data. Fails on any finding openapi/drift-acknowledged.yaml does not acknowledge.
 */
import { fileURLToPath } from "node:url";
import { loadSpec, type OpenApiDocument } from "../src/model/index.js";
import { judge, readAcknowledged, type Verdict } from "./drift/acknowledged.js";
import { findBotocore, readBotocoreModel } from "./drift/botocore.js";
import { compareModel, type Finding } from "./drift/compare.js";
import { readSdkModel } from "./drift/sdk.js";
import { readSpecSide } from "./lib/spec-shapes.js";
import { parseCommandLine, runIfMain } from "./lib/cli.js";

const HELP = `Usage: npm run drift [-- --spec <name|file>]... [-- --acknowledged <file>] [-- --help]

Compares each operation of the spec (the bundled documents in generated/openapi/, read through the
operation model) with the official service models, by direction (request, response, error):
members missing or extra, type and required mismatches, enum values missing or extra, errors
missing or extra (errors whose example is marked x-aws-common-error: true are the common set,
which no operation's model lists: they are never extra), error statuses, paging members, routes.
  models   @aws-sdk/client-ssm and @aws-sdk/client-imagebuilder (dev dependencies): structure,
           enums, errors, paging, HTTP bindings
           botocore (found through python3, when installed): lengths, patterns, ranges, list
           bounds, whole numbers; the report says when it is not found
Each finding has an id: <Operation> <direction> <where> <kind>[ <value>].
Exit 1 when a finding is not acknowledged (with a reason) in openapi/drift-acknowledged.yaml;
acknowledgements no finding matches any more are listed as stale, to be removed.

Options:
  --spec <name|file>     a bundled document's name (ssm, imagebuilder) or a bundled JSON file;
                         repeatable (default: both bundled documents)
  --acknowledged <file>  the acknowledgements (default: openapi/drift-acknowledged.yaml)
  --help                 show this text`;

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const ACKNOWLEDGED = fileURLToPath(new URL("../openapi/drift-acknowledged.yaml", import.meta.url));

/** The models of each API, by the document's `info.version` (the AWS API version). */
const SERVICES: Record<string, { sdk: string; botocore: [service: string, apiVersion: string] }> = {
  "2014-11-06": { sdk: "@aws-sdk/client-ssm", botocore: ["ssm", "2014-11-06"] },
  "2019-12-02": { sdk: "@aws-sdk/client-imagebuilder", botocore: ["imagebuilder", "2019-12-02"] },
};

export interface DriftReport {
  findings: Finding[];
  verdict: Verdict;
  /** What was compared, for the report: one line per model. */
  sources: string[];
}

export function drift(docs: readonly OpenApiDocument[], acknowledged: ReadonlyMap<string, string>): DriftReport {
  const botocore = findBotocore();
  const sources: string[] = [];
  const findings: Finding[] = [];
  for (const doc of docs) {
    const service = SERVICES[doc.info?.version ?? ""];
    if (!service) throw new Error(`No service model is known for ${doc.info?.title ?? "a document"} (API version ${doc.info?.version ?? "none"})`);
    const specs = readSpecSide(doc);
    const names = [...specs.keys()];
    const sdk = readSdkModel(service.sdk, names, `${ROOT}/package.json`);
    sources.push(`${sdk.origin}: ${names.join(", ")}`);
    findings.push(...compareModel(specs, sdk));
    const boto = botocore ? readBotocoreModel(botocore, ...service.botocore, names) : undefined;
    if (boto) {
      sources.push(`${boto.origin}: constraints of ${[...boto.operations.keys()].join(", ")}`);
      findings.push(...compareModel(specs, boto));
    } else {
      sources.push(`botocore ${service.botocore.join("/")}: not found (${botocore ? `botocore@${botocore.version} has no such model` : "no python3 with botocore"}); lengths, patterns and ranges not compared`);
    }
  }
  return { findings, verdict: judge(findings, acknowledged), sources };
}

export function formatReport({ verdict, sources }: DriftReport): string {
  const lines = ["Compared with:", ...sources.map((s) => `  ${s}`), ""];
  const byOperation = new Map<string, string[]>();
  const line = (f: Finding, text: string): void => {
    const list = byOperation.get(f.operation) ?? [];
    list.push(text);
    byOperation.set(f.operation, list);
  };
  for (const f of verdict.open) line(f, `  FAIL ${f.id}\n       ${f.message}`);
  for (const f of verdict.acknowledged) line(f, `  ok   ${f.id}\n       ${f.message}\n       acknowledged: ${f.reason}`);
  for (const [operation, entries] of byOperation) lines.push(operation, ...entries, "");
  if (verdict.stale.length) lines.push("Stale acknowledgements (no such finding any more; remove them):", ...verdict.stale.map((id) => `  ${id}`), "");
  lines.push(`${verdict.open.length} unacknowledged finding(s), ${verdict.acknowledged.length} acknowledged, ${verdict.stale.length} stale acknowledgement(s)`);
  return lines.join("\n");
}

runIfMain(import.meta.url, {
  help: HELP,
  run(argv) {
    const { values } = parseCommandLine(argv, { options: { spec: { type: "string", multiple: true }, acknowledged: { type: "string" } } });
    const docs = (values.spec ?? ["ssm", "imagebuilder"]).map((source) => loadSpec(source));
    const report = drift(docs, readAcknowledged(values.acknowledged ?? ACKNOWLEDGED));
    console.log(formatReport(report));
    return report.verdict.open.length > 0 ? 1 : 0;
  },
});
