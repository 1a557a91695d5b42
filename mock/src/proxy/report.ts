/**
 * The violation report: every violation the proxy saw, counted once per operation, direction,
 * member path, rule, kind and status, with what was forwarded; written as JSON (`--report FILE`)
 * and summarised in a few lines when the proxy stops. It holds names and counts only: no value,
 * no body, no header.
 */
import type { ValidationMode } from "./contract.js";
import { writeJsonFile } from "./files.js";
import type { Violation } from "./violations.js";

export interface ReportedViolation extends Violation {
  /** How many times it was seen. */
  count: number;
  /** When it was first seen (ISO 8601). */
  firstSeen: string;
}

export interface OperationCounts {
  forwarded: number;
  /** Upstream answers by HTTP status. */
  statuses: Record<string, number>;
  /** Requests the upstream never answered (network failure, timeout). */
  unanswered: number;
}

export interface ProxyReport {
  /** The format of this file, for the scripts that read it. */
  format: "aws-ops-contract-proxy-report/1";
  validation: ValidationMode;
  region: string;
  /** Where each service was forwarded to. */
  endpoints: Record<string, string>;
  startedAt: string;
  finishedAt: string | undefined;
  /** Requests the proxy answered itself without forwarding (not one of the five operations, unsigned with --auth sigv4, unreadable). */
  refused: number;
  operations: Record<string, OperationCounts>;
  summary: { violations: number; distinct: number; breaking: number };
  violations: ReportedViolation[];
}

export class ViolationReport {
  private readonly byKey = new Map<string, ReportedViolation>();
  private readonly operations: Record<string, OperationCounts> = {};
  private refusedCount = 0;
  private readonly startedAt: string;
  private finishedAt: string | undefined;

  constructor(
    private readonly info: { validation: ValidationMode; region: string; endpoints: Record<string, string> },
    private readonly now: () => number,
  ) {
    this.startedAt = new Date(now()).toISOString();
  }

  private counts(operation: string): OperationCounts {
    return (this.operations[operation] ??= { forwarded: 0, statuses: {}, unanswered: 0 });
  }

  forwarded(operation: string, status: number | undefined): void {
    const counts = this.counts(operation);
    counts.forwarded++;
    if (status === undefined) counts.unanswered++;
    else counts.statuses[String(status)] = (counts.statuses[String(status)] ?? 0) + 1;
  }

  refused(): void {
    this.refusedCount++;
  }

  add(violations: readonly Violation[]): void {
    for (const violation of violations) {
      const key = JSON.stringify([violation.operation, violation.direction, violation.path, violation.rule, violation.kind, violation.status, violation.error]);
      const known = this.byKey.get(key);
      if (known) known.count++;
      else this.byKey.set(key, { ...violation, count: 1, firstSeen: new Date(this.now()).toISOString() });
    }
  }

  finish(): void {
    this.finishedAt ??= new Date(this.now()).toISOString();
  }

  toJSON(): ProxyReport {
    const violations = [...this.byKey.values()];
    return {
      format: "aws-ops-contract-proxy-report/1",
      ...this.info,
      startedAt: this.startedAt,
      finishedAt: this.finishedAt,
      refused: this.refusedCount,
      operations: structuredClone(this.operations),
      summary: {
        violations: violations.reduce((sum, v) => sum + v.count, 0),
        distinct: violations.length,
        breaking: violations.filter((v) => v.breaking).reduce((sum, v) => sum + v.count, 0),
      },
      violations: violations.map((v) => ({ ...v })),
    };
  }

  /** Writes the report as JSON, whole or not at all. */
  write(file: string): void {
    writeJsonFile(file, this.toJSON());
  }

  /** A few lines for the terminal: what was forwarded, and each distinct violation. */
  summary(): string {
    const report = this.toJSON();
    const forwarded = Object.values(report.operations).reduce((sum, c) => sum + c.forwarded, 0);
    const lines = [
      `Proxy: ${forwarded} request${forwarded === 1 ? "" : "s"} forwarded, ${report.refused} refused; ${report.summary.violations} contract violation${report.summary.violations === 1 ? "" : "s"} (${report.summary.distinct} distinct, ${report.summary.breaking} breaking, ${report.validation} validation)`,
    ];
    for (const v of report.violations.slice(0, 20)) {
      const at = v.path === "" ? "(the body)" : v.path;
      const status = v.status === undefined ? "" : ` ${v.status}`;
      const error = v.error === undefined ? "" : ` ${v.error}`;
      lines.push(`  ${v.breaking ? "breaking" : "compatible"}  ${v.operation} ${v.direction}${status}${error}: ${at} ${v.rule} (${v.kind}) x${v.count}`);
    }
    if (report.violations.length > 20) lines.push(`  ... and ${report.violations.length - 20} more in the report`);
    return lines.join("\n");
  }
}
