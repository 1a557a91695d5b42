/**
 * GetMaintenanceWindowExecution answers: the execution asked for (its WindowExecutionId echoed),
 * its task IDs, a status with the details the service gives for it, and StartTime before EndTime;
 * an execution still pending or running has no EndTime.
 */
import { uuid } from "./ids.js";
import type { Random } from "./random.js";
import { epochSeconds, instant, later } from "./time.js";

const STATUSES = ["SUCCESS", "SUCCESS", "SUCCESS", "FAILED", "TIMED_OUT", "IN_PROGRESS", "PENDING", "CANCELLING", "CANCELLED", "SKIPPED_OVERLAPPING"] as const;
type Status = (typeof STATUSES)[number];

/** StatusDetails per status, where the service writes one. */
const DETAILS: Partial<Record<Status, readonly string[]>> = {
  FAILED: ["One or more tasks in the orchestration failed."],
  TIMED_OUT: ["The maintenance window execution exceeded the window's duration."],
  CANCELLED: ["The maintenance window execution was cancelled."],
  CANCELLING: ["The maintenance window execution is being cancelled."],
  SKIPPED_OVERLAPPING: ["The maintenance window execution was skipped because a previous execution was still running."],
};
const RUNNING: ReadonlySet<Status> = new Set(["PENDING", "IN_PROGRESS", "CANCELLING"]);

/** One execution: the one asked for (`id`), or a new ID; it starts at `startMs` when given. */
export function maintenanceWindowExecution(random: Random, id?: string, startAt?: number): Record<string, unknown> {
  const status = random.pick(STATUSES);
  id ??= uuid(random);
  const startMs = startAt ?? instant(random);
  const answer: Record<string, unknown> = {
    WindowExecutionId: id,
    // A skipped execution ran no task.
    TaskIds: status === "SKIPPED_OVERLAPPING" ? [] : Array.from({ length: random.int(1, 4) }, () => uuid(random)),
    Status: status,
  };
  const details = DETAILS[status];
  if (details) answer["StatusDetails"] = random.pick(details);
  answer["StartTime"] = epochSeconds(startMs);
  if (!RUNNING.has(status)) answer["EndTime"] = epochSeconds(later(random, startMs, status === "SKIPPED_OVERLAPPING" ? 0 : 30, 4 * 3600));
  return answer;
}
