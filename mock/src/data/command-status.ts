/**
 * How a command's progress follows from its invocations (one per managed node), the rule both the
 * mock's timelines and the generator use, so a command and its invocations agree at every moment.
 * It is the service's, as its documents give it (the SSM API reference's Command and
 * CommandInvocation members, the "Understanding command statuses" page they point to, and
 * SendCommand's MaxErrors):
 * - CompletedCount: invocations in a terminal state (Success, Failed, Execution Timed Out, Delivery
 *   Timed Out, Cancelled, Terminated, Undeliverable).
 * - ErrorCount: Failed or Execution Timed Out ("Invocation failures count against the MaxErrors
 *   limit", "Execution timeouts count against the MaxErrors limit").
 * - DeliveryTimedOutCount: Delivery Timed Out (they "don't count against the parent command's
 *   MaxErrors limit, but they do contribute to whether the parent command status is Success or
 *   Incomplete").
 * - Undeliverable and Terminated invocations are terminal but neither errors nor time-outs
 *   (Undeliverable ones "don't contribute to whether the parent command status is Success or
 *   Incomplete"; Terminated ones follow a MaxErrors breach that already fails the command).
 * - Status / StatusDetails: every invocation Pending -> Pending ("hasn't been sent to any managed
 *   nodes"); any not terminal -> InProgress ("sent to at least one managed node but hasn't reached
 *   a final state on all"), or Cancelling while one is being cancelled; then, all terminal: any
 *   Cancelled -> Cancelled; more errors than MaxErrors allows -> Failed/Failed (MaxErrors is "the
 *   maximum number of errors allowed without the command failing"); more delivery time-outs than
 *   that -> TimedOut/Delivery Timed Out; some of either within the limit -> Failed/Incomplete
 *   ("attempted on all managed nodes and one or more invocations doesn't have a value of Success
 *   but not enough invocations failed for the status to be Failed"); else Success/Success.
 * MaxErrors is a count or a percentage of the targets (rounded down).
 */

export interface InvocationStatus {
  Status?: unknown;
  StatusDetails?: unknown;
}

export interface CommandProgress {
  Status: string;
  StatusDetails: string;
  CompletedCount: number;
  ErrorCount: number;
  DeliveryTimedOutCount: number;
}

/** The members of a Command that follow from its invocations. */
export const DERIVED_COMMAND_MEMBERS = ["Status", "StatusDetails", "CompletedCount", "ErrorCount", "DeliveryTimedOutCount"] as const;

type Kind = "pending" | "running" | "cancelling" | "success" | "error" | "delivery" | "cancelled" | "neutral";

/** What an invocation's Status and StatusDetails count as. */
export function invocationKind({ Status, StatusDetails }: InvocationStatus): Kind {
  switch (StatusDetails) {
    case "Delivery Timed Out":
      return "delivery";
    case "Execution Timed Out":
      return "error";
    case "Undeliverable":
    case "Terminated":
      return "neutral";
  }
  switch (Status) {
    case "Success":
      return "success";
    case "Failed":
    case "TimedOut":
      return "error";
    case "Cancelled":
      return "cancelled";
    case "Cancelling":
      return "cancelling";
    case "Pending":
    case undefined:
      return "pending";
    default:
      return "running";
  }
}

const TERMINAL_KINDS: ReadonlySet<Kind> = new Set(["success", "error", "delivery", "cancelled", "neutral"]);

/** Whether an invocation (or a plugin) has reached a terminal state. */
export const isTerminalInvocation = (status: InvocationStatus): boolean => TERMINAL_KINDS.has(invocationKind(status));

/** How many errors MaxErrors tolerates for `targets` nodes (a count, or a percentage rounded down). */
export function errorsAllowed(maxErrors: unknown, targets: number): number {
  if (typeof maxErrors !== "string" || maxErrors === "") return 0;
  return maxErrors.endsWith("%") ? Math.floor((targets * Number(maxErrors.slice(0, -1))) / 100) : Number(maxErrors);
}

/** The command's derived members for its invocations' statuses (at least one; see the module comment). */
export function commandProgress(invocations: readonly InvocationStatus[], maxErrors: unknown): CommandProgress {
  const counts: Record<Kind, number> = { pending: 0, running: 0, cancelling: 0, success: 0, error: 0, delivery: 0, cancelled: 0, neutral: 0 };
  for (const invocation of invocations) counts[invocationKind(invocation)]++;
  const total = invocations.length;
  const progress = (Status: string, StatusDetails: string): CommandProgress => ({
    Status,
    StatusDetails,
    CompletedCount: total - counts.pending - counts.running - counts.cancelling,
    ErrorCount: counts.error,
    DeliveryTimedOutCount: counts.delivery,
  });
  if (counts.pending === total) return progress("Pending", "Pending");
  if (counts.cancelling > 0) return progress("Cancelling", "Cancelling");
  if (counts.pending + counts.running > 0) return progress("InProgress", "InProgress");
  if (counts.cancelled > 0) return progress("Cancelled", "Cancelled");
  const allowed = errorsAllowed(maxErrors, total);
  if (counts.error > allowed) return progress("Failed", "Failed");
  if (counts.delivery > allowed) return progress("TimedOut", "Delivery Timed Out");
  if (counts.error + counts.delivery > 0) return progress("Failed", "Incomplete");
  return progress("Success", "Success");
}
