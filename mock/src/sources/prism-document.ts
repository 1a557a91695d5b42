/**
 * The copy of a document that Prism can take. Prism cannot take the real wire as written, so the
 * mock adapts Prism's INPUT here, on a private copy (the documents themselves stay the real wire):
 * - Prism only treats `application/json` and `application/*+json` as JSON, so every other JSON media
 *   type (`application/x-amz-json-1.1`) becomes `application/json` in the copy; the mock writes the
 *   real media type on the way out.
 * - Path keys with a fragment (`/#X-Amz-Target=...`) are not paths: each such operation gets a
 *   plain, unique one (`/AmazonSSM.ListCommands`). Prism never routes on it (the mock does), but
 *   its path parsing must not trip over the `#`.
 * No Prism import here: the bench's "Prism alone" baseline serves this very copy.
 */
import type { IndexedOperation, OpenApiDocument } from "aws-ops-contract/model";

export const PRISM_JSON = "application/json";
/** Media types Prism parses and serialises as JSON already. */
const isPrismJson = (mediaType: string): boolean => /^application\/(json|[^/;]+\+json)$/i.test(mediaType);
const isJsonLike = (mediaType: string): boolean => /json/i.test(mediaType);

/** The path Prism knows an operation by in the copy. */
export function prismPathOf(op: IndexedOperation): string {
  return op.target ? `/${encodeURIComponent(op.target)}` : op.path;
}

/** A copy of the document Prism can take: JSON-like media types renamed, one path per operation. */
export function prismDocument(doc: OpenApiDocument, operations: readonly IndexedOperation[]): OpenApiDocument {
  const copy = structuredClone(doc);
  renameJsonMediaTypes(copy);
  const paths: OpenApiDocument["paths"] = {};
  for (const [key, item] of Object.entries(copy.paths)) {
    const op = operations.find((o) => o.pathKey === key && o.target);
    paths[op ? prismPathOf(op) : key] = item;
  }
  copy.paths = paths;
  return copy;
}

function renameJsonMediaTypes(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(renameJsonMediaTypes);
    return;
  }
  if (!node || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  const content = record["content"];
  if (content && typeof content === "object" && !Array.isArray(content)) {
    const renamed: Record<string, unknown> = {};
    for (const [mediaType, media] of Object.entries(content)) {
      renamed[isJsonLike(mediaType) && !isPrismJson(mediaType) ? PRISM_JSON : mediaType] = media;
    }
    record["content"] = renamed;
  }
  for (const value of Object.values(record)) renameJsonMediaTypes(value);
}
