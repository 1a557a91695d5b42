/** Wire bodies for the benchmarks, built from the bundled spec's own examples. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

type Json = Record<string, unknown>;
interface Bundle {
  paths: Record<string, Record<string, Json>>;
  components: { examples: Record<string, { value: unknown }> };
}

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export function loadBundle(api: "ssm" | "imagebuilder"): Bundle {
  return JSON.parse(readFileSync(new URL(`../../generated/openapi/${api}.json`, import.meta.url), "utf8")) as Bundle;
}

/** Every `ListCommandsResult-*` example's value, first (paginator-ending) one first. */
function listCommandsResults(): Array<{ Commands: Json[]; NextToken?: string }> {
  const { components } = loadBundle("ssm");
  return Object.entries(components.examples)
    .filter(([name]) => name.startsWith("ListCommandsResult-"))
    .map(([, example]) => example.value as { Commands: Json[]; NextToken?: string });
}

/** The spec's first ListCommands success example: what the mock answers by default. */
export function listCommandsPage(): Json {
  return listCommandsResults()[0] as Json;
}

/**
 * A ListCommands response page of `count` commands: the examples' commands in turn, each with its
 * own CommandId so the page is not one object repeated.
 */
export function listCommandsResponse(count = 50): Json {
  const pool = listCommandsResults().flatMap((r) => r.Commands);
  const commands = Array.from({ length: count }, (_, i) => {
    const base = structuredClone(pool[i % pool.length]!);
    base["CommandId"] = `${String(i).padStart(8, "0")}-f292-48b3-8180-d8be9EXAMPLE`;
    return base;
  });
  return { Commands: commands };
}
