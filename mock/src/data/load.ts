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
import { duplicateKeys } from "./json-keys.js";
import { jsonLengthUpTo, MAX_RECORD_BYTES } from "./record-size.js";
import { timestampsToWire, type MemberPath } from "./timestamps.js";
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

/** The member paths of the collection's operation's timestamps (the model's). */
function timestampsOf(collection: Collection): MemberPath[] {
  return successBody(bundledOperation(collection.operation)).timestamps;
}

/** Loads a data set from a file path or an object; `source` names it in errors (default: the path, or "the data set"). */
export function loadDataSet(input: DataSource | unknown, source?: string, { owned = false }: { owned?: boolean } = {}): DataSet {
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

  for (const collection of COLLECTIONS) {
    const list = (raw as Record<string, unknown>)[collection.name];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      fault(`${collection.name} must be an array of records (got ${list === null ? "null" : typeof list})`);
      continue;
    }
    const paths = timestampsOf(collection);
    const records: Rec[] = [];
    const valid: boolean[] = [];
    list.forEach((item: unknown, index) => {
      if (!item || typeof item !== "object" || Array.isArray(item)) {
        fault(`${collection.name}[${index}]: must be an object`);
        valid.push(false);
        return;
      }
      // A copy of a caller's object: later changes to it must not reach the mock. A file's or a
      // request's freshly parsed data is the mock's own already.
      const record = (owned ? item : structuredClone(item)) as Rec;
      if (WHOLE_OUTPUT_RECORDS.has(collection.name)) delete record["ResponseMetadata"];
      for (const problem of timestampsToWire(collection.wrap(record), paths)) {
        fault(`${recordLabel(collection.name, index, record)}: member '${problem.pointer.slice(collection.wrapPointer.length)}' ${problem.message}`);
      }
      for (const [pointer, part] of collection.parts(record)) {
        if (jsonLengthUpTo(part, MAX_RECORD_BYTES) > MAX_RECORD_BYTES) {
          fault(`${recordLabel(collection.name, index, record)}: member '${pointer || "/"}' is over ${MAX_RECORD_BYTES} characters as JSON; an answer sends it whole, so a record may be at most that`);
        }
      }
      records.push(record);
      valid.push(true);
    });
    const batch = collection.batch && valid.every(Boolean) ? collection.batch(records) : undefined;
    const batchOk = batch !== undefined && validate(batch.operation, batch.kind, batch.body).ok;
    const seen = new Map<string, number>();
    let recordIndex = 0;
    valid.forEach((isObject, index) => {
      if (!isObject) return;
      const record = records[recordIndex++]!;
      const id = collection.id(record);
      const where = recordLabel(collection.name, index, record);
      for (const member of collection.required) {
        if (record[member] === undefined || record[member] === "") fault(`${where}: member '/${member}' is required (the record is found by it)`);
      }
      if (!batchOk) {
        for (const check of collection.checks(record)) {
          const result = validate(check.operation, check.kind, check.body);
          for (const issue of result.errors) {
            const path = issue.path.startsWith(check.prefix) ? issue.path.slice(check.prefix.length) : issue.path;
            fault(`${where}: member '${path || "/"}' breaks '${issue.rule}': ${issue.message}`);
          }
        }
      }
      if (id !== undefined) {
        const first = seen.get(id);
        if (first !== undefined) fault(`${where}: the same ${collection.idLabel} as ${collection.name}[${first}]`);
        else seen.set(id, index);
      }
    });
    // Assigned, not spread into push: a spread passes every record as an argument, and more than
    // about 120,000 overflow the call stack.
    (set as unknown as Record<CollectionName, Rec[]>)[collection.name] = records;
  }
  if (faultCount > 0) {
    const more = faultCount > faults.length ? `\n  ... and ${faultCount - faults.length} more` : "";
    throw new DataSetError(`Data set ${name} is invalid (${faultCount} fault${faultCount === 1 ? "" : "s"}); nothing was loaded:\n  ${faults.join("\n  ")}${more}`);
  }
  return set;
}
