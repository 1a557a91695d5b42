/**
 * Reads a YAML data file within bounds the mock can afford while it serves other clients. YAML is
 * for hand-written data sets: parsing it costs about a thousand times what JSON costs (measured
 * figures in mock/README.md, "Limits and timeouts"), and the parse runs on the mock's one event loop,
 * so its size is capped (MAX_YAML_BYTES); a larger data set is sent as JSON. Aliases repeat a block a
 * file would otherwise copy, and nothing more: their number is capped and the size the data reaches
 * once they are expanded (what an answer then sends) is counted before any expansion happens
 * (MAX_YAML_EXPANDED_BYTES).
 * The YAML is always 1.2: a `%YAML 1.1` directive, which would turn `yes` into true, `1:30` into 90
 * and `<<` into a merge, is refused rather than honoured.
 */
import { isAlias, isCollection, isPair, isScalar, parseDocument, type Document } from "yaml";

/** The largest YAML data set, in bytes: measured to parse in about a second on a loaded 2-core machine. */
export const MAX_YAML_BYTES = 2 * 1024 * 1024;
/**
 * The most aliases (`*name`) in one YAML data set. A YAML library writing records that share an
 * object (a notification config, a list of targets) makes about one alias per kilobyte, so a file at
 * the size limit has some two thousand.
 */
export const MAX_YAML_ALIASES = 10_000;
/** The largest a YAML data set may grow once its aliases are expanded, counted in the file's own characters. */
export const MAX_YAML_EXPANDED_BYTES = 4 * MAX_YAML_BYTES;

/** Why a YAML text is not a data set; `line` (1-based) where it is known. */
export class YamlDataError extends Error {
  override name = "YamlDataError";
}

export function parseYamlData(text: string): unknown {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_YAML_BYTES) {
    throw new YamlDataError(`a YAML data set may be at most ${MAX_YAML_BYTES} bytes (this one has ${bytes}); send a larger one as JSON`);
  }
  // maxAliasCount is off because the aliases are bounded below, before any is expanded, by what
  // they expand to; the library's own per-node guard would refuse a block repeated 101 times.
  const doc = parseDocument(text, { version: "1.2", uniqueKeys: true, merge: false, prettyErrors: true });
  if (doc.errors.length > 0) throw new YamlDataError(doc.errors[0]!.message);
  const declared = doc.directives?.yaml;
  if (declared?.explicit && declared.version !== "1.2") {
    throw new YamlDataError(`the document declares %YAML ${declared.version}; a data set is read as YAML 1.2 (where 'yes' is a string, '1:30' is not 90 and '<<' merges nothing): remove the directive`);
  }
  checkExpansion(doc);
  return doc.toJS({ maxAliasCount: -1 });
}

/**
 * Counts the aliases and the size the document reaches with each alias replaced by what it names.
 * One walk in document order, where an anchor always comes before its aliases; the library's own
 * `Alias.resolve` searches the whole document for each alias, quadratic in a file with thousands.
 */
function checkExpansion(doc: Document): void {
  let aliases = 0;
  const anchors = new Map<string, number>();
  const sizeOf = (node: unknown, depth: number): number => {
    if (node === null || node === undefined) return 0;
    if (isAlias(node)) {
      aliases++;
      if (aliases > MAX_YAML_ALIASES) throw new YamlDataError(`a YAML data set may use at most ${MAX_YAML_ALIASES} aliases`);
      return anchors.get(node.source) ?? 0;
    }
    if (depth > 1_000) throw new YamlDataError("the YAML data set nests deeper than 1000 levels");
    let size = 0;
    if (isScalar(node)) size = node.range ? node.range[1] - node.range[0] : String(node.value).length;
    else if (isCollection(node)) {
      for (const item of node.items) {
        size += 2; // a separator and an indentation, roughly
        if (isPair(item)) size += sizeOf(item.key, depth + 1) + sizeOf(item.value, depth + 1);
        else size += sizeOf(item, depth + 1);
      }
    }
    if (size > MAX_YAML_EXPANDED_BYTES) {
      throw new YamlDataError(`with its aliases expanded, the YAML data set would be over ${MAX_YAML_EXPANDED_BYTES} bytes; repeat less through aliases, or send the data set as JSON`);
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, size);
    return size;
  };
  sizeOf(doc.contents, 0);
}
