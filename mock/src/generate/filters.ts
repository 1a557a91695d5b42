/**
 * The request's `Filters` (CommandFilter: `key`/`value`) as they shape generated Run Command data:
 * what the generator aims for, then a check each generated record must pass, so an answer never
 * contradicts its own request. Values the service would refuse are the request validation's
 * business; here an unreadable value simply constrains nothing.
 */
export interface CommandFilterView {
  status?: string;
  documentName?: string;
  /** Epoch milliseconds. */
  after?: number;
  before?: number;
  stage?: "Executing" | "Complete";
}

const EXECUTING = new Set(["Pending", "InProgress", "Delayed", "Cancelling"]);

function time(value: string): number | undefined {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export function readCommandFilters(filters: unknown): CommandFilterView {
  const view: CommandFilterView = {};
  if (!Array.isArray(filters)) return view;
  for (const filter of filters as Array<{ key?: unknown; value?: unknown }>) {
    if (typeof filter?.value !== "string") continue;
    const value = filter.value;
    if (filter.key === "Status") view.status = value;
    else if (filter.key === "DocumentName") view.documentName = value;
    else if (filter.key === "InvokedAfter" || filter.key === "InvokedBefore") {
      const ms = time(value);
      if (ms !== undefined) view[filter.key === "InvokedAfter" ? "after" : "before"] = ms;
    }
    else if (filter.key === "ExecutionStage" && (value === "Executing" || value === "Complete")) view.stage = value;
  }
  return view;
}

/** Whether a Command or CommandInvocation record (wire form) passes the filters. */
export function passes(view: CommandFilterView, record: Record<string, unknown>): boolean {
  const requested = (record["RequestedDateTime"] as number) * 1000;
  const status = record["Status"] as string;
  if (view.status !== undefined && status !== view.status) return false;
  if (view.documentName !== undefined && record["DocumentName"] !== view.documentName) return false;
  if (view.after !== undefined && requested < view.after) return false;
  if (view.before !== undefined && requested > view.before) return false;
  if (view.stage !== undefined && EXECUTING.has(status) !== (view.stage === "Executing")) return false;
  return true;
}
