/**
 * Derives the copy of the SSM bundle that Prism alone can serve, for the "Prism alone" baseline:
 * path keys without the `#X-Amz-Target=` fragment (`/AmazonSSM.ListCommands`) and `application/json`
 * for `application/x-amz-json-1.1`, which Prism neither parses nor serializes. The source spec in
 * openapi/ and the bundle in generated/ are untouched: this writes a temporary file.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadBundle } from "./fixtures.js";

export const PRISM_MEDIA_TYPE = "application/json";

export function prismPath(operation: string): string {
  return `/AmazonSSM.${operation}`;
}

export function writePrismFriendlySpec(dir: string): string {
  const bundle = loadBundle("ssm");
  const paths: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(bundle.paths)) {
    const target = /^\/#X-Amz-Target=AmazonSSM\.(\w+)$/.exec(key)?.[1];
    paths[target ? prismPath(target) : key] = item;
  }
  const text = JSON.stringify({ ...bundle, paths }).replaceAll('"application/x-amz-json-1.1"', JSON.stringify(PRISM_MEDIA_TYPE));
  const file = join(dir, "prism-ssm.json");
  writeFileSync(file, text);
  return file;
}
