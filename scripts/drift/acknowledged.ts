/**
 * The one file of drift findings the spec keeps on purpose (openapi/drift-acknowledged.yaml): a list
 * of `{ finding: <id>, reason: <why> }`. A finding is acknowledged only by its exact id and only with
 * a reason; an entry that matches no finding any more is stale (the spec or the model moved on) and
 * is reported so that it can be removed, without failing the check: another change (a model
 * upgrade, a spec fix) that resolves a finding must not break the build by doing so.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { Finding } from "./compare.js";

export interface Acknowledgement {
  finding: string;
  reason: string;
}

export function readAcknowledged(file: string): Map<string, string> {
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const list = (doc as { acknowledged?: unknown } | null)?.acknowledged ?? [];
  if (!Array.isArray(list)) throw new Error(`${file}: 'acknowledged' must be a list of { finding, reason }`);
  const out = new Map<string, string>();
  list.forEach((entry: unknown, i) => {
    const { finding, reason } = (entry ?? {}) as Partial<Acknowledgement>;
    if (typeof finding !== "string" || finding.trim() === "") throw new Error(`${file}: acknowledged[${i}] has no 'finding' (the id npm run drift prints)`);
    if (typeof reason !== "string" || reason.trim() === "") throw new Error(`${file}: acknowledged[${i}] (${finding}) has no 'reason'`);
    if (out.has(finding)) throw new Error(`${file}: ${finding} is acknowledged twice`);
    out.set(finding, reason.trim());
  });
  return out;
}

export interface Verdict {
  open: Finding[];
  acknowledged: Array<Finding & { reason: string }>;
  /** Acknowledged ids no finding has any more. */
  stale: string[];
}

export function judge(findings: readonly Finding[], acknowledged: ReadonlyMap<string, string>): Verdict {
  const verdict: Verdict = { open: [], acknowledged: [], stale: [] };
  const seen = new Set<string>();
  for (const finding of findings) {
    seen.add(finding.id);
    const reason = acknowledged.get(finding.id);
    if (reason === undefined) verdict.open.push(finding);
    else verdict.acknowledged.push({ ...finding, reason });
  }
  verdict.stale = [...acknowledged.keys()].filter((id) => !seen.has(id));
  return verdict;
}
