/**
 * Loads a data set: reads the file (JSON or YAML), turns SSM timestamps into their wire form, and
 * validates every record against the spec. An invalid data set is refused whole, with one error
 * that names the source, each faulty record (collection, index, ID) and the member's path.
 */
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { validate } from "aws-ops-contract/validate";
import { COLLECTIONS, type Collection } from "./collections.js";
import { bundledOperation, successBody } from "./bundled.js";
import { buildProgressions, type Progressions, type StateCheck } from "./progressions.js";
import { baseOf } from "./timeline.js";
import { timestampsToWire, type TimestampPath } from "./timestamps.js";
import { duplicateKeys } from "./json-keys.js";
import { jsonLengthUpTo, MAX_RECORD_BYTES } from "./record-size.js";
import { COLLECTION_NAMES, type CollectionName, type DataSet, type DataSource, type Rec } from "./types.js";
import { parseYamlData, YamlDataError } from "./yaml.js";

/** Raised for a data set that cannot be used; `message` says what and where. */
export class DataSetError extends Error {
  override name = "DataSetError";
}

/** Members a pasted CLI or SDK output may carry beside the records; they are not data and are ignored. */
const IGNORED_TOP_LEVEL = new Set(["NextToken", "nextToken", "ResponseMetadata"]);
/**
 * Collections whose record is a whole operation output (GetMaintenanceWindowExecution's,
 * ListWorkflowStepExecutions', DescribeAutomationStepExecutions' with its ID): a response pasted from
 * boto3 carries its `ResponseMetadata` (boto3's own, never on the wire), which is not data either.
 */
const WHOLE_OUTPUT_RECORDS: ReadonlySet<CollectionName> = new Set<CollectionName>(["MaintenanceWindowExecutions", "WorkflowExecutions", "AutomationExecutions"]);
/** At most this many faults are listed; the count says how many there were. */
const MAX_LISTED = 20;

const YAML_EXTENSIONS = new Set([".yaml", ".yml"]);

/**
 * Parses a data file's text: YAML for `.yaml`/`.yml` (or `yaml: true`, within the bounds of yaml.ts),
 * JSON otherwise, where a member named twice in one object is refused as YAML refuses it.
 */
export function parseDataText(text: string, source: string, yaml = false): unknown {
  if (yaml) {
    try {
      return parseYamlData(text);
    } catch (error) {
      if (error instanceof YamlDataError) throw new DataSetError(`Data set ${source} is not a usable YAML data set: ${error.message}`);
      throw new DataSetError(`Data set ${source} is not valid YAML: ${(error as Error).message}`);
    }
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DataSetError(`Data set ${source} is not valid JSON: ${(error as Error).message}`);
  }
  const twice = duplicateKeys(text, MAX_LISTED + 1);
  if (twice.length > 0) {
    const lines = twice.slice(0, MAX_LISTED).map(({ path, key }) => {
      const [collection, index, ...member] = path;
      const pointer = `${member.map((part) => `/${String(part)}`).join("")}/${key}`;
      if (typeof collection !== "string" || typeof index !== "number") return `member '${path.map((part) => `/${String(part)}`).join("")}/${key}' is given twice`;
      return `${recordLabel(collection, index, (raw as Record<string, unknown[]>)[collection]?.[index])}: member '${pointer}' is given twice`;
    });
    const more = twice.length > MAX_LISTED ? "\n  ... and more" : "";
    throw new DataSetError(`Data set ${source} names a member twice in one object (JSON would keep the last, silently); nothing was loaded:\n  ${lines.join("\n  ")}${more}`);
  }
  return raw;
}

/** `Commands[3] (CommandId ...)`: how messages name a record. */
function recordLabel(collectionName: string, index: number, record: unknown): string {
  const collection = COLLECTIONS.find((c) => c.name === collectionName);
  const id = collection && record && typeof record === "object" && !Array.isArray(record) ? collection.id(record as Rec) : undefined;
  return `${collectionName}[${index}]${id ? ` (${collection!.idLabel} ${id})` : ""}`;
}

export function readDataFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new DataSetError(`Cannot read the data set ${file}: ${(error as Error).message}`);
  }
  return parseDataText(text, file, YAML_EXTENSIONS.has(extname(file).toLowerCase()));
}

const timestampCache = new Map<string, TimestampPath[]>();
/** Where a collection's records hold timestamps (inside the body `collection.wrap` makes), and their wire form: the model's. */
export function timestampsOf(collection: Collection): TimestampPath[] {
  let paths = timestampCache.get(collection.name);
  if (!paths) {
    const body = successBody(bundledOperation(collection.operation));
    paths = [...body.timestamps.map((path) => ({ path, wire: "epochSeconds" as const })), ...body.isoTimestamps.map((path) => ({ path, wire: "iso" as const }))];
    timestampCache.set(collection.name, paths);
  }
  return paths;
}

export interface LoadOptions {
  /** The data set's records are the caller's own to keep (freshly parsed): no defensive copy. */
  owned?: boolean;
  /** The instant the data set is loaded at, epoch ms (the mock's clock): what `"now"` in it means. Default: the machine's time. */
  now?: number;
}

/** The progressions each loaded data set's timelines make (read by the store, so they are read once). */
const progressionsOfSet = new WeakMap<DataSet, Progressions>();
/** The timelines of a data set loadDataSet returned (undefined for one it did not). */
export const loadedProgressions = (set: DataSet): Progressions | undefined => progressionsOfSet.get(set);

/** Loads a data set from a file path or an object; `source` names it in errors (default: the path, or "the data set"). */
export function loadDataSet(input: DataSource | unknown, source?: string, { owned = false, now = Date.now() }: LoadOptions = {}): DataSet {
  const name = source ?? (typeof input === "string" ? input : "(given as an object)");
  const raw = typeof input === "string" ? readDataFile(input) : input;
  // A data set read from a file here is the mock's own: its records need no defensive copy.
  owned ||= typeof input === "string";
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    throw new DataSetError(`Data set ${name} must be an object with any of ${COLLECTION_NAMES.join(", ")} (got ${Array.isArray(raw) ? "an array" : raw === null ? "null" : typeof raw})`);
  }
  const unknown = Object.keys(raw).filter((key) => !(COLLECTION_NAMES as readonly string[]).includes(key) && !IGNORED_TOP_LEVEL.has(key));
  if (unknown.length > 0) {
    throw new DataSetError(`Data set ${name}: unknown member${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `'${k}'`).join(", ")}; a data set has ${COLLECTION_NAMES.join(", ")}`);
  }

  const faults: string[] = [];
  let faultCount = 0;
  const fault = (text: string): void => {
    faultCount++;
    if (faults.length < MAX_LISTED) faults.push(text);
  };
  const set = { Commands: [], CommandInvocations: [], MaintenanceWindowExecutions: [], AutomationExecutions: [], WorkflowExecutions: [] } as unknown as DataSet;
  /** Each kept record's index in the file's list (records that are not objects are not kept). */
  const positions = new Map<CollectionName, number[]>();
  const whereOf = (collection: Collection, record: Rec, index: number): string => {
    const id = collection.id(record);
    return `${collection.name}[${index}]${id ? ` (${collection.idLabel} ${id})` : ""}`;
  };

  for (const collection of COLLECTIONS) {
    const list = (raw as Record<string, unknown>)[collection.name];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      fault(`${collection.name} must be an array of records (got ${list === null ? "null" : typeof list})`);
      continue;
    }
    const paths = timestampsOf(collection);
    const records = set[collection.name] as Rec[];
    const kept: number[] = [];
    list.forEach((item: unknown, index) => {
      if (!item || typeof item !== "object" || Array.isArray(item)) {
        fault(`${collection.name}[${index}]: must be an object`);
        return;
      }
      // A copy of a caller's object: later changes to it must not reach the mock. A file's or a
      // request's freshly parsed data is the mock's own already.
      const record = (owned ? item : structuredClone(item)) as Rec;
      if (WHOLE_OUTPUT_RECORDS.has(collection.name)) delete record["ResponseMetadata"];
      timestampsToWire(collection.wrap(record), paths, now, (pointer, message) => {
        const inRecord = pointer.replace(/^\/(Commands|CommandInvocations)\/0/, "");
        fault(`${whereOf(collection, record, index)}: member '${inRecord}' ${message}`);
      });
      for (const [pointer, part] of collection.parts(record)) {
        if (jsonLengthUpTo(part, MAX_RECORD_BYTES) > MAX_RECORD_BYTES) {
          fault(`${whereOf(collection, record, index)}: member '${pointer || "/"}' is over ${MAX_RECORD_BYTES} characters as JSON; an answer sends it whole, so a record may be at most that`);
        }
      }
      records.push(record);
      kept.push(index);
    });
    positions.set(collection.name, kept);
  }

  // The timelines, once every record is in wire form (an invocation may follow its command's).
  const byName = new Map(COLLECTIONS.map((collection) => [collection.name, collection]));
  const progressions = buildProgressions(set, (name, index) => whereOf(byName.get(name)!, (set[name] as unknown as Rec[])[index]!, positions.get(name)![index]!));
  for (const text of progressions.faults) fault(text);

  for (const collection of COLLECTIONS) {
    const records = set[collection.name] as Rec[];
    if (records.length === 0) continue;
    const kept = positions.get(collection.name)!;
    // The states each record is checked in: itself, or each state of its timeline.
    const checksOf = (record: Rec): StateCheck[] => progressions.checks.get(record) ?? [{ label: "", record: baseOf(record) }];
    const batch = collection.batch?.(progressions.checks.size === 0 ? records : records.flatMap((record) => checksOf(record).map((check) => check.changed ?? check.record)));
    const batchOk = batch !== undefined && validate(batch.operation, batch.kind, batch.body).ok;
    const seen = new Map<string, number>();
    records.forEach((record, recordIndex) => {
      const index = kept[recordIndex]!;
      const id = collection.id(record);
      const where = whereOf(collection, record, index);
      for (const member of collection.required) {
        if (record[member] === undefined || record[member] === "") fault(`${where}: member '/${member}' is required (the record is found by it)`);
      }
      if (!batchOk) {
        // A fault of the record itself is named once, not again for each of its states.
        const ofRecord = new Set<string>();
        for (const state of checksOf(record)) {
          for (const check of collection.checks(state.record)) {
            const result = validate(check.operation, check.kind, check.body);
            for (const issue of result.errors) {
              const path = issue.path.startsWith(check.prefix) ? issue.path.slice(check.prefix.length) : issue.path;
              const key = `${path}\u0000${issue.rule}`;
              if (state.label === "") ofRecord.add(key);
              else if (ofRecord.has(key)) continue;
              fault(`${where}${state.label}: member '${path || "/"}' breaks '${issue.rule}': ${issue.message}`);
            }
          }
        }
      }
      if (id !== undefined) {
        const first = seen.get(id);
        if (first !== undefined) fault(`${where}: the same ${collection.idLabel} as ${collection.name}[${first}]`);
        else seen.set(id, index);
      }
    });
  }
  if (faultCount > 0) {
    const more = faultCount > faults.length ? `\n  ... and ${faultCount - faults.length} more` : "";
    throw new DataSetError(`Data set ${name} is invalid (${faultCount} fault${faultCount === 1 ? "" : "s"}); nothing was loaded:\n  ${faults.join("\n  ")}${more}`);
  }
  progressionsOfSet.set(set, progressions);
  return set;
}
