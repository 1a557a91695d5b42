/** Parallel file b of the isolation proof (scenario.ts); worker-a.parallel.ts runs beside it. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "vitest";
import { isolationScenario } from "./scenario.js";

it("sees only its own data, journal and faults in the shared mock", async () => {
  const { pid } = await isolationScenario("b", "a");
  writeFileSync(join(process.env["PARALLEL_DIR"]!, "b.done"), String(pid));
});
