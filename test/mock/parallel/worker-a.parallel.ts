/** Parallel file a of the isolation proof (scenario.ts); worker-b.parallel.ts runs beside it. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "vitest";
import { isolationScenario } from "./scenario.js";

it("sees only its own data, journal and faults in the shared mock", async () => {
  const { pid } = await isolationScenario("a", "b");
  writeFileSync(join(process.env["PARALLEL_DIR"]!, "a.done"), String(pid));
});
