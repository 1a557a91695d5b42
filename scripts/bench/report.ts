/**
 * The bench's one result shape: each row sets this package's figure beside the alternative's,
 * measured in the same run, with the ratio and (where one is set) the budget, met or missed.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, freemem, loadavg, totalmem } from "node:os";

export interface Budget {
  /** ratio = ours / theirs; the budget holds when ratio <= max or ratio >= min. */
  max?: number;
  min?: number;
}

export interface Row {
  group: string;
  measure: string;
  unit: string;
  /** null: this package's side could not be measured (the reason is in `note`). */
  ours: number | null;
  oursLabel: string;
  theirs: number;
  theirsLabel: string;
  budget?: Budget;
  /** Why this row reads as it does (what it is made of); printed under the table and kept in the JSON. */
  detail?: string;
  note?: string;
}

export interface EvaluatedRow extends Row {
  ratio: number | null;
  status: "met" | "missed" | "not measured" | "info";
}

export function evaluate(row: Row): EvaluatedRow {
  const ratio = row.ours === null || row.theirs === 0 ? null : row.ours / row.theirs;
  let status: EvaluatedRow["status"] = "info";
  if (row.budget) {
    if (ratio === null) status = "not measured";
    else status = (row.budget.max === undefined || ratio <= row.budget.max) && (row.budget.min === undefined || ratio >= row.budget.min) ? "met" : "missed";
  }
  return { ...row, ratio, status };
}

export const budgetText = (b: Budget | undefined): string =>
  b === undefined ? "-" : b.max !== undefined ? `<= ${b.max === 0.1 ? "1/10" : `${b.max}x`}` : `>= ${b.min}x`;

const formatNumber = (n: number | null, unit: string): string => {
  if (n === null) return "n/a";
  const digits = n >= 100 ? 0 : n >= 10 ? 1 : 2;
  return `${n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 })} ${unit}`;
};

/** A Markdown table, readable in a terminal and pasteable into CONTRIBUTING.md. */
export function formatTable(rows: EvaluatedRow[]): string {
  const header = ["measure", "this package", "alternative", "ratio", "budget", "status"];
  const lines = rows.map((r) => [
    `${r.group}: ${r.measure}`,
    `${formatNumber(r.ours, r.unit)} (${r.oursLabel})`,
    `${formatNumber(r.theirs, r.unit)} (${r.theirsLabel})`,
    r.ratio === null ? "-" : `${r.ratio.toFixed(r.ratio < 0.1 ? 3 : 2)}x`,
    budgetText(r.budget),
    r.status,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [fmt(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...lines.map(fmt)].join("\n");
}

export interface Machine {
  nproc: number;
  cpuModel: string;
  memory: string;
  node: string;
  platform: string;
  /** 1, 5 and 15 minute load averages when the run ended: how busy the machine was. */
  loadAverage: number[];
}

/** The CPU model as /proc/cpuinfo names it (os.cpus() where there is none). */
function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8").split("\n").find((l) => l.startsWith("model name"));
    if (line) return line.split(":")[1]!.trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? "unknown";
}

export function machine(): Machine {
  let memory = `${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free`;
  try {
    // `free -h`'s "Mem:" line, as CONTRIBUTING.md quotes it.
    const line = execFileSync("free", ["-h"], { encoding: "utf8" }).split("\n").find((l) => l.startsWith("Mem:"));
    if (line) {
      const [, total, used, free] = line.split(/\s+/);
      memory = `${total} total, ${used} used, ${free} free (free -h)`;
    }
  } catch {
    // `free` is missing on some systems; os.totalmem() is the fallback.
  }
  return {
    nproc: Number(execFileSync("nproc", { encoding: "utf8" }).trim()) || cpus().length,
    cpuModel: cpuModel(),
    memory,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}
