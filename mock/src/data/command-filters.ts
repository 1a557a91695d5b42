/**
 * The `Filters` of ListCommands and ListCommandInvocations (CommandFilter: `key`, `value`), read as
 * the CommandFilter documentation describes them. Filters are ANDed. A value the key does not take,
 * or a key the operation does not take (`ExecutionStage` on ListCommandInvocations), is refused with
 * `InvalidFilterKey`, the filter error both operations document.
 */
import type { MockError } from "../protocol.js";
import { schemaEnum } from "./bundled.js";
import { isoToEpochSeconds } from "./timestamps.js";
import type { CommandEntry } from "./store.js";

export type CommandOperation = "ListCommands" | "ListCommandInvocations";

/**
 * The Status values each operation's filter takes (CommandFilter's `value` documentation). Values
 * that are a `Status` of the record match `Status`; the finer ones (`DeliveryTimedOut`,
 * `AccessDenied`, ...) match `StatusDetails`, where the service reports them.
 */
const STATUS_VALUES: Record<CommandOperation, readonly string[]> = {
  ListCommands: ["Pending", "InProgress", "Success", "Cancelled", "Failed", "TimedOut", "AccessDenied", "DeliveryTimedOut", "ExecutionTimedOut", "Incomplete", "NoInstancesInTag", "LimitExceeded"],
  ListCommandInvocations: ["Pending", "InProgress", "Delayed", "Success", "Cancelled", "Failed", "TimedOut", "AccessDenied", "DeliveryTimedOut", "ExecutionTimedOut", "Undeliverable", "InvalidPlatform", "Terminated"],
};
const STATUS_SCHEMA: Record<CommandOperation, string> = { ListCommands: "CommandStatus", ListCommandInvocations: "CommandInvocationStatus" };
/** `ExecutionStage`: `Executing` is a command still running; `Complete` one that has finished. */
const EXECUTING = new Set(["Pending", "InProgress", "Cancelling"]);

export type Predicate = (entry: CommandEntry) => boolean;

/** What the filters pin down, for a generator to aim at (the predicates stay the judges). Times in epoch seconds. */
export interface FilterAim {
  status?: string;
  documentName?: string;
  /** Records requested at or after this instant (InvokedAfter) ... */
  after?: number;
  /** ... and strictly before this one (InvokedBefore). */
  before?: number;
}

export interface ParsedFilters {
  predicates: Predicate[];
  aim: FilterAim;
  /** The Status filter's value and which member it matches, when there is one (an index serves it). */
  status?: { value: string; member: "Status" | "StatusDetails"; predicate: Predicate };
}

export type FiltersResult = { ok: true; filters: ParsedFilters } | { ok: false; error: MockError };

const statusMembers = new Map<CommandOperation, Set<string>>();
function isRecordStatus(operation: CommandOperation, value: string): boolean {
  let statuses = statusMembers.get(operation);
  if (!statuses) {
    statuses = new Set(schemaEnum(STATUS_SCHEMA[operation]));
    statusMembers.set(operation, statuses);
  }
  return statuses.has(value);
}

const refuse = (message: string): FiltersResult => ({ ok: false, error: { status: 400, name: "InvalidFilterKey", message } });

export function parseCommandFilters(operation: CommandOperation, filters: readonly { key: string; value: string }[] | undefined): FiltersResult {
  const parsed: ParsedFilters = { predicates: [], aim: {} };
  for (const { key, value } of filters ?? []) {
    switch (key) {
      case "InvokedAfter":
      case "InvokedBefore": {
        const seconds = isoToEpochSeconds(value);
        if (seconds === undefined) return refuse(`The ${key} filter value '${value}' isn't a timestamp; use ISO 8601, such as 2024-07-07T00:00:00Z`);
        if (key === "InvokedAfter") parsed.aim.after = Math.max(parsed.aim.after ?? -Infinity, seconds);
        else parsed.aim.before = Math.min(parsed.aim.before ?? Infinity, seconds);
        parsed.predicates.push(
          key === "InvokedAfter"
            ? (entry) => entry.requested !== undefined && entry.requested >= seconds
            : (entry) => entry.requested !== undefined && entry.requested < seconds,
        );
        break;
      }
      case "Status": {
        if (!STATUS_VALUES[operation].includes(value)) {
          return refuse(`The Status filter value '${value}' isn't valid for ${operation}; use one of ${STATUS_VALUES[operation].join(", ")}`);
        }
        const member = isRecordStatus(operation, value) ? "Status" : "StatusDetails";
        const predicate: Predicate = member === "Status" ? (entry) => entry.status === value : (entry) => entry.statusDetails === value;
        parsed.predicates.push(predicate);
        parsed.status ??= { value, member, predicate };
        parsed.aim.status ??= value;
        break;
      }
      case "ExecutionStage": {
        if (operation !== "ListCommands") return refuse("The ExecutionStage filter key is valid for ListCommands only, not for ListCommandInvocations");
        if (value !== "Executing" && value !== "Complete") return refuse(`The ExecutionStage filter value '${value}' isn't valid; use Executing or Complete`);
        const executing = value === "Executing";
        parsed.predicates.push((entry) => entry.status !== undefined && EXECUTING.has(entry.status) === executing);
        break;
      }
      case "DocumentName":
        parsed.predicates.push((entry) => entry.documentName === value);
        parsed.aim.documentName ??= value;
        break;
      default:
        return refuse(`The filter key '${key}' isn't valid; use InvokedAfter, InvokedBefore, Status, ${operation === "ListCommands" ? "ExecutionStage, " : ""}or DocumentName`);
    }
  }
  return { ok: true, filters: parsed };
}
