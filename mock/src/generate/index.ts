/**
 * Generated data (`Prefer: dynamic=true`, or the mock's `dynamic` option) that looks like what the
 * services send: wire-form timestamps in order, real ID and ARN formats, counts that add up and
 * agree with the statuses, pages of at most MaxResults records and 64 KB. Repeatable: the same seed
 * (`Prefer: seed=<text>`) and request give the same answer; without a seed each answer is new.
 * One hand-written generator per operation (this replaces Prism's schema faker for these five).
 */
import { randomUUID } from "node:crypto";
import { describeAutomationStepExecutions } from "./automation.js";
import { getMaintenanceWindowExecution } from "./maintenance-window.js";
import { seedOfToken } from "./page.js";
import { seededRandom, type Random } from "./random.js";
import { listCommandInvocations, listCommands } from "./run-command-answers.js";
import { listWorkflowStepExecutions } from "./workflow.js";

type Generator = (random: Random, request: Record<string, unknown>, seed: string) => Record<string, unknown>;

/** Each operation's generator and the request member of its pagination token. */
const GENERATORS: Readonly<Record<string, { generate: Generator; token?: string }>> = {
  ListCommands: { generate: listCommands, token: "NextToken" },
  ListCommandInvocations: { generate: listCommandInvocations, token: "NextToken" },
  GetMaintenanceWindowExecution: { generate: getMaintenanceWindowExecution },
  DescribeAutomationStepExecutions: { generate: describeAutomationStepExecutions, token: "NextToken" },
  ListWorkflowStepExecutions: { generate: listWorkflowStepExecutions, token: "nextToken" },
};

export const GENERATED_OPERATIONS: readonly string[] = Object.keys(GENERATORS);

/**
 * The generated success body for a request, or undefined for an operation without a generator.
 * A request carrying a generated token continues with that token's seed.
 */
export function generate(operationId: string, request: unknown, seed?: string): Record<string, unknown> | undefined {
  const generator = Object.hasOwn(GENERATORS, operationId) ? GENERATORS[operationId]! : undefined;
  if (!generator) return undefined;
  const input = request && typeof request === "object" && !Array.isArray(request) ? (request as Record<string, unknown>) : {};
  const chosen = (generator.token === undefined ? undefined : seedOfToken(input[generator.token])) ?? seed ?? randomUUID();
  return generator.generate(seededRandom(`${operationId}\u0000${chosen}`), input, chosen);
}

/**
 * The mock's hook: a 200 answer of generated data if there is a generator for the operation and its
 * answer fits the served document (`fits`: a document given with `specs` may differ from the
 * bundled one); otherwise undefined, and the mock answers the documented example.
 */
export function generatedAnswer(operationId: string, request: unknown, seed: string | undefined, fits: (body: unknown) => boolean): { ok: true; status: number; headers: Record<string, string>; body: unknown } | undefined {
  const body = generate(operationId, request, seed);
  return body !== undefined && fits(body) ? { ok: true, status: 200, headers: {}, body } : undefined;
}
