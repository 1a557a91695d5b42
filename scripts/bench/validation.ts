/**
 * Validation: a ListCommands response of 50 commands (built from the spec's examples), validated
 * per second against JSON.parse of the same bytes per second. The ratio is validation time over
 * JSON.parse time (lower is better), so an app that validates what it parses pays at most double.
 */
import { listCommandsResponse } from "./fixtures.js";
import { loadValidate, missing } from "./package.js";
import type { Row } from "./report.js";
import { measureRates, type Contender } from "./timing.js";

export async function measureValidation(options: { rounds: number; perRound: number }): Promise<Row[]> {
  const body = listCommandsResponse(50);
  const bytes = JSON.stringify(body);
  const parsed = JSON.parse(bytes) as unknown;
  let sink = 0;
  const contenders: Contender[] = [{ label: "parse", run: () => (sink += (JSON.parse(bytes) as { Commands: unknown[] }).Commands.length) }];
  const validateModule = await loadValidate();
  if (validateModule) {
    const first = validateModule.validate("ListCommands", "response", parsed);
    if (!first.ok) throw new Error(`the 50-command page does not validate: ${JSON.stringify(first.errors).slice(0, 500)}`);
    contenders.push({ label: "validate", run: () => (sink += validateModule.validate("ListCommands", "response", parsed).ok ? 1 : 0) });
  }
  const rates = await measureRates(contenders, { warmup: 500, rounds: options.rounds, perRound: options.perRound });
  if (sink === 0) throw new Error("unreachable: keeps the work observable");
  const parse = rates.find((r) => r.label === "parse")!.perSecond;
  const validate = rates.find((r) => r.label === "validate")?.perSecond;
  // Time per operation, so the ratio reads "validation costs N x a JSON.parse".
  return [
    {
      group: "validation",
      measure: `ListCommands response, 50 commands (${(bytes.length / 1024).toFixed(1)} KiB), time per op`,
      unit: "µs",
      ours: validate === undefined ? null : 1e6 / validate,
      oursLabel: "validate()",
      theirs: 1e6 / parse,
      theirsLabel: "JSON.parse",
      budget: { max: 0.5 },
      ...(validateModule ? {} : { note: missing("validate") }),
    },
  ];
}
