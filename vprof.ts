import { listCommandsResponse } from "./scripts/bench/fixtures.js";
import { isPlainJson } from "./src/validation/json-value.js";
import * as ssm from "./generated/validators/ssm.js";
const body = listCommandsResponse(50); const bytes = JSON.stringify(body); const parsed = JSON.parse(bytes);
const best: Record<string, number> = {};
function time(label: string, f: () => unknown, n = 1000) { const t = performance.now(); for (let i = 0; i < n; i++) f(); const us = (performance.now() - t) / n * 1000; best[label] = Math.min(best[label] ?? Infinity, us); }
const v = (process.argv[2] ? await import(process.argv[2]) : ssm) as any;
for (let r = 0; r < 15; r++) {
time("JSON.parse", () => JSON.parse(bytes));
time("isPlainJson", () => isPlainJson(parsed));
time("validator", () => v.ListCommandsResponse(parsed));
}
console.log(Object.entries(best).map(([k, t]) => `${k} ${t.toFixed(1)}µs`).join("  "), "validator/parse", (best["validator"]! / best["JSON.parse"]!).toFixed(2), "(validator+walk)/parse", ((best["validator"]! + best["isPlainJson"]!) / best["JSON.parse"]!).toFixed(2));
