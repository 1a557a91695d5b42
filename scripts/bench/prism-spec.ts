/**
 * The copy of the SSM bundle that Prism alone can serve, for the "Prism alone" baseline: the very
 * document the mock hands Prism (mock/src/sources/prism-document.ts `prismDocument`: a plain path per operation,
 * `/AmazonSSM.ListCommands`, and `application/json` for `application/x-amz-json-1.1`, which Prism
 * neither parses nor serializes). The source spec and the bundle are untouched: this writes a
 * temporary file.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadSpec, operationsOf } from "../../src/model/index.js";
import { prismDocument } from "../../mock/src/sources/prism-document.js";

export const PRISM_MEDIA_TYPE = "application/json";

export function prismPath(operation: string): string {
  return `/${encodeURIComponent(`AmazonSSM.${operation}`)}`;
}

export function writePrismFriendlySpec(dir: string): string {
  const ssm = loadSpec("ssm");
  const file = join(dir, "prism-ssm.json");
  writeFileSync(file, JSON.stringify(prismDocument(ssm, operationsOf([ssm]))));
  return file;
}
