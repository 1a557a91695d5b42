/**
 * Run Command data (ListCommands, ListCommandInvocations): a command and the outcome on each node it
 * targeted. The outcomes come first; the command's counts and status are derived from them by the
 * service's rule (data/command-status.ts), so they always agree.
 */
import { commandProgress, type InvocationStatus } from "../data/command-status.js";
import { iamRoleArn, instanceId, s3Bucket, snsTopicArn, uuid, type Place } from "./ids.js";
import type { Random } from "./random.js";
import { epochSeconds, later } from "./time.js";

export type Outcome = "Success" | "Failed" | "ExecutionTimedOut" | "DeliveryTimedOut" | "Cancelled" | "InProgress" | "Pending" | "Delayed";


/** An invocation's Status and StatusDetails for each outcome (the documented StatusDetails values). */
export const INVOCATION_STATUS: Record<Outcome, [string, string]> = {
  Success: ["Success", "Success"],
  Failed: ["Failed", "Failed"],
  ExecutionTimedOut: ["TimedOut", "Execution Timed Out"],
  DeliveryTimedOut: ["TimedOut", "Delivery Timed Out"],
  Cancelled: ["Cancelled", "Cancelled"],
  InProgress: ["InProgress", "InProgress"],
  Pending: ["Pending", "Pending"],
  Delayed: ["Delayed", "Delayed"],
};

/** The plugin each document runs (names from CommandPlugin.Name's documented list). */
const DOCUMENTS: ReadonlyArray<{ name: string; plugin: string; weight: number; parameters: (random: Random) => Record<string, string[]>; outputs: readonly string[] }> = [
  {
    name: "AWS-RunShellScript",
    plugin: "aws:runShellScript",
    weight: 5,
    parameters: (random) => ({ commands: [random.pick(["df -h", "uptime", "sudo systemctl restart nginx", "sudo yum -y update", "cat /etc/os-release"])], executionTimeout: ["3600"] }),
    outputs: ["Filesystem      Size  Used Avail Use% Mounted on\n/dev/nvme0n1p1   20G  8.1G   12G  41% /\n", " 18:02:11 up 12 days,  3:14,  0 users,  load average: 0.08, 0.03, 0.01\n", "NAME=\"Amazon Linux\"\nVERSION=\"2023\"\n"],
  },
  {
    name: "AWS-RunPowerShellScript",
    plugin: "aws:runPowerShellScript",
    weight: 3,
    parameters: (random) => ({ commands: [random.pick(["Get-Service W3SVC", "Restart-Service Spooler", "Get-HotFix | Select-Object -First 5"])], executionTimeout: ["3600"] }),
    outputs: ["\r\nStatus   Name               DisplayName\r\n------   ----               -----------\r\nRunning  W3SVC              World Wide Web Publishing Service\r\n", ""],
  },
  { name: "AWS-UpdateSSMAgent", plugin: "aws:updateSSMAgent", weight: 2, parameters: () => ({ allowDowngrade: ["false"] }), outputs: ["Updating amazon-ssm-agent from 3.3.40.0 to 3.3.987.0\nSuccessfully updated amazon-ssm-agent\n"] },
  { name: "AWS-ConfigureCloudWatch", plugin: "aws:cloudWatch", weight: 1, parameters: () => ({ status: ["Enabled"] }), outputs: ["CloudWatch configuration updated.\n"] },
  { name: "AWS-InstallApplication", plugin: "aws:applications", weight: 1, parameters: () => ({ action: ["Install"], source: ["https://example.com/agent.msi"] }), outputs: ["Installation completed.\n"] },
];

const COMMENTS = ["", "Nightly disk clean-up", "Restart web tier", "Patch scan", "Collect diagnostics", "Rotate logs"];
const TIMEOUTS = [600, 1800, 3600, 7200];
const FAILURE_OUTPUT = ["failed to run commands: exit status 1", "bash: line 1: nginx: command not found\nfailed to run commands: exit status 127"];

export interface CommandRun {
  /** The Command record, in wire form. */
  command: Record<string, unknown>;
  /** The nodes and each one's outcome, in target order. */
  invocations: Array<{ instanceId: string; outcome: Outcome }>;
  requestedMs: number;
  plugin: string;
  outputs: readonly string[];
  output?: { bucket: string; prefix: string };
  place: Place;
}

/** What a request pins down about the commands to generate (from its IDs and Filters). */
export interface CommandWanted {
  commandId?: string;
  instanceId?: string;
  documentName?: string;
  /** A command Status the answer must have (ListCommands' `Status` filter). */
  status?: string;
  requestedMs: number;
}

type Scenario = "Success" | "Failed" | "Incomplete" | "TimedOut" | "Cancelled" | "InProgress" | "Pending";
const SCENARIOS: readonly Scenario[] = ["Success", "Success", "Success", "Success", "Failed", "Incomplete", "TimedOut", "Cancelled", "InProgress", "InProgress", "Pending"];
const SCENARIO_FOR_STATUS: Record<string, readonly Scenario[]> = {
  Success: ["Success"], Failed: ["Failed", "Incomplete"], TimedOut: ["TimedOut"], Cancelled: ["Cancelled"], InProgress: ["InProgress"], Pending: ["Pending"],
};

function weightedDocument(random: Random): (typeof DOCUMENTS)[number] {
  let roll = random.int(1, DOCUMENTS.reduce((sum, d) => sum + d.weight, 0));
  for (const doc of DOCUMENTS) if ((roll -= doc.weight) <= 0) return doc;
  return DOCUMENTS[0]!;
}

/** Outcomes for a scenario, and the MaxErrors that makes the derived status that scenario's. */
function outcomesFor(random: Random, scenario: Scenario, targets: number): { outcomes: Outcome[]; maxErrors: string } {
  const all = (outcome: Outcome): Outcome[] => Array.from({ length: targets }, () => outcome);
  const withSome = (count: number, pick: () => Outcome): Outcome[] => {
    const outcomes = all("Success");
    const slots = random.shuffle([...outcomes.keys()]).slice(0, count);
    for (const slot of slots) outcomes[slot] = pick();
    return outcomes;
  };
  switch (scenario) {
    case "Success":
      return { outcomes: all("Success"), maxErrors: random.pick(["0", "1", "5", "10%", "25%"]) };
    case "Pending":
      return { outcomes: all("Pending"), maxErrors: random.pick(["0", "1", "10%"]) };
    case "InProgress": {
      const outcomes = withSome(random.int(1, targets), () => random.pick<Outcome>(["InProgress", "InProgress", "Pending", "Delayed"]));
      // All Pending would be a Pending command.
      if (!outcomes.some((o) => o !== "Pending")) outcomes[0] = "InProgress";
      return { outcomes, maxErrors: random.pick(["1", "5", "10%"]) };
    }
    case "Cancelled":
      return { outcomes: withSome(random.int(1, targets), () => "Cancelled"), maxErrors: random.pick(["0", "1", "10%"]) };
    case "Failed": {
      const maxErrors = random.pick(["0", "1"]);
      const errors = random.int(Math.min(targets, Number(maxErrors) + 1), targets);
      return { outcomes: withSome(errors, () => random.pick<Outcome>(["Failed", "Failed", "ExecutionTimedOut"])), maxErrors };
    }
    case "TimedOut": {
      const maxErrors = random.pick(["0", "1"]);
      return { outcomes: withSome(random.int(Math.min(targets, Number(maxErrors) + 1), targets), () => "DeliveryTimedOut"), maxErrors };
    }
    case "Incomplete": {
      const allowed = random.int(1, 3);
      return { outcomes: withSome(random.int(1, Math.min(allowed, targets)), () => random.pick<Outcome>(["Failed", "DeliveryTimedOut"])), maxErrors: String(allowed) };
    }
  }
}

const outcomeStatus = (outcome: Outcome): InvocationStatus => ({ Status: INVOCATION_STATUS[outcome][0], StatusDetails: INVOCATION_STATUS[outcome][1] });

export function commandRun(random: Random, at: Place, wanted: CommandWanted): CommandRun {
  const known = DOCUMENTS.find((d) => d.name === wanted.documentName);
  const doc = known ?? (wanted.documentName ? { ...DOCUMENTS[0]!, name: wanted.documentName } : weightedDocument(random));
  const byTag = wanted.instanceId === undefined && random.chance(0.3);
  const targets = byTag ? random.int(1, 12) : random.int(1, 6);
  const scenarios = wanted.status === undefined ? SCENARIOS : SCENARIO_FOR_STATUS[wanted.status] ?? SCENARIOS;
  const scenario = random.pick(scenarios);
  // Failed and TimedOut need more nodes than MaxErrors tolerates.
  const { outcomes, maxErrors } = outcomesFor(random, scenario, scenario === "Failed" || scenario === "TimedOut" ? Math.max(targets, 2) : targets);
  const instances = outcomes.map(() => instanceId(random));
  if (wanted.instanceId !== undefined) instances[random.int(0, instances.length - 1)] = wanted.instanceId;
  const progress = commandProgress(outcomes.map(outcomeStatus), maxErrors);
  const [status, statusDetails] = [progress.Status, progress.StatusDetails];
  const timeoutSeconds = random.pick(TIMEOUTS);
  const commandId = wanted.commandId ?? uuid(random);
  const requestedMs = wanted.requestedMs;

  const command: Record<string, unknown> = {
    CommandId: commandId,
    DocumentName: doc.name,
    DocumentVersion: random.pick(["$DEFAULT", "$LATEST", "1", String(random.int(2, 12))]),
    Comment: random.pick(COMMENTS),
    ExpiresAfter: epochSeconds(requestedMs + timeoutSeconds * 1000),
    Parameters: doc.parameters(random),
    InstanceIds: byTag ? [] : instances,
    Targets: byTag ? [{ Key: random.pick(["tag:Environment", "tag:ServerRole", "tag:PatchGroup"]), Values: [random.pick(["production", "staging", "web", "batch"])] }] : [],
    RequestedDateTime: epochSeconds(requestedMs),
    Status: status,
    StatusDetails: statusDetails,
    MaxConcurrency: random.pick(["50", "10", "1", "25%", "50%", "100%"]),
    MaxErrors: maxErrors,
    TargetCount: outcomes.length,
    CompletedCount: progress.CompletedCount,
    ErrorCount: progress.ErrorCount,
    DeliveryTimedOutCount: progress.DeliveryTimedOutCount,
    TimeoutSeconds: timeoutSeconds,
    Interactive: false,
  };
  const run: CommandRun = { command, invocations: instances.map((id, i) => ({ instanceId: id, outcome: outcomes[i]! })), requestedMs, plugin: doc.plugin, outputs: doc.outputs, place: at };
  if (random.chance(0.6)) {
    const bucket = s3Bucket(random, at);
    const prefix = random.pick(["run-command", "ssm/output", "diagnostics"]);
    Object.assign(command, { OutputS3Region: at.region, OutputS3BucketName: bucket, OutputS3KeyPrefix: prefix });
    run.output = { bucket, prefix };
  }
  if (random.chance(0.4)) {
    command["ServiceRole"] = iamRoleArn(at, "RunCommandNotificationsRole");
    command["NotificationConfig"] = { NotificationArn: snsTopicArn(at, "run-command-status"), NotificationEvents: [random.pick(["All", "Failed", "Success"])], NotificationType: random.pick(["Command", "Invocation"]) };
  }
  command["CloudWatchOutputConfig"] = random.chance(0.5) ? { CloudWatchLogGroupName: `/aws/ssm/${doc.name}`, CloudWatchOutputEnabled: true } : { CloudWatchOutputEnabled: false };
  if (random.chance(0.25)) {
    const alarm = random.pick(["high-cpu", "fleet-health", "error-rate"]);
    command["AlarmConfiguration"] = { IgnorePollAlarmFailure: false, Alarms: [{ Name: alarm }] };
    if (status === "Failed" || status === "Cancelled") command["TriggeredAlarms"] = [{ Name: alarm, State: "ALARM" }];
  }
  return run;
}

const STARTED: ReadonlySet<Outcome> = new Set(["Success", "Failed", "ExecutionTimedOut", "Cancelled", "InProgress"]);
const FINISHED: ReadonlySet<Outcome> = new Set(["Success", "Failed", "ExecutionTimedOut", "Cancelled"]);

/** The CommandInvocation record of one node of a run, with its CommandPlugins. */
export function invocation(random: Random, run: CommandRun, index: number): Record<string, unknown> {
  const { instanceId: node, outcome } = run.invocations[index]!;
  const [status, statusDetails] = INVOCATION_STATUS[outcome];
  const command = run.command;
  const pluginDir = run.plugin.replace(":", "");
  const url = (stream: "stdout" | "stderr"): string =>
    run.output && FINISHED.has(outcome) ? `https://s3.${run.place.region}.amazonaws.com/${run.output.bucket}/${run.output.prefix}/${command["CommandId"] as string}/${node}/${pluginDir}/0.${pluginDir}/${stream}` : "";
  const record: Record<string, unknown> = {
    CommandId: command["CommandId"],
    InstanceId: node,
    InstanceName: `ip-10-0-${random.int(0, 15)}-${random.int(4, 250)}.${run.place.region}.compute.internal`,
    Comment: command["Comment"],
    DocumentName: command["DocumentName"],
    DocumentVersion: command["DocumentVersion"],
    RequestedDateTime: command["RequestedDateTime"],
    Status: status,
    StatusDetails: statusDetails,
    TraceOutput: outcome === "Failed" ? random.pick(FAILURE_OUTPUT) : "",
    StandardOutputUrl: url("stdout"),
    StandardErrorUrl: url("stderr"),
  };
  // CommandPluginStatus has no Delayed: a plugin not yet delivered is Pending.
  const plugin: Record<string, unknown> = { Name: run.plugin, Status: outcome === "Delayed" ? "Pending" : status, StatusDetails: statusDetails };
  if (STARTED.has(outcome)) {
    const startMs = later(random, run.requestedMs, 0, 20);
    plugin["ResponseStartDateTime"] = epochSeconds(startMs);
    if (FINISHED.has(outcome)) plugin["ResponseFinishDateTime"] = epochSeconds(later(random, startMs, 1, 900));
  }
  plugin["ResponseCode"] = outcome === "Success" ? 0 : outcome === "Failed" ? random.pick([1, 2, 127]) : -1;
  plugin["Output"] = outcome === "Success" ? random.pick(run.outputs) : outcome === "Failed" ? random.pick(FAILURE_OUTPUT) : "";
  plugin["StandardOutputUrl"] = url("stdout");
  plugin["StandardErrorUrl"] = url("stderr");
  if (run.output) Object.assign(plugin, { OutputS3Region: run.place.region, OutputS3BucketName: run.output.bucket, OutputS3KeyPrefix: `${run.output.prefix}/${command["CommandId"] as string}/${node}/${pluginDir}` });
  record["CommandPlugins"] = [plugin];
  for (const member of ["ServiceRole", "NotificationConfig", "CloudWatchOutputConfig"]) if (command[member] !== undefined) record[member] = command[member];
  return record;
}
