/**
 * Command-line options of the mock, shared by the `aws-ops-contract-mock` bin and `npm start`, and the
 * text that tells a user how to point the AWS SDK and the AWS CLI at a running mock.
 */
import { parseArgs } from "node:util";
import { DEFAULT_CREDENTIALS, parseCredentials, type AuthOption, type MockCredentials } from "./auth/index.js";
import { instantOf } from "./clock/mock-clock.js";
import { ISOLATION_MODES, type Isolation } from "./callers/registry.js";
import { DEFAULT_JOURNAL_SIZE } from "./journal/request-journal.js";
import type { DataSet } from "./data/index.js";
import { DEFAULT_CONNECTION_LIMITS, DEFAULT_HOST, DEFAULT_PORT, type StartMockOptions } from "./index.js";

export const MOCK_HELP = `Usage: aws-ops-contract-mock [--port N] [--host H] [--spec S]... [--data FILE] [--clock C] [--dynamic] [--log]
                             [--max-connections N] [--auth sigv4 [--credentials AKID:SECRET[:SESSION_TOKEN]]...]
                             [--isolation accessKeyId] [--journal-size N]
                             [--admin-origin ORIGIN]... [--admin-host NAME]...

Serves the contract mock: SSM (AWS JSON 1.1, POST / with X-Amz-Target) and Image Builder
(REST JSON, POST /ListWorkflowStepExecutions), described by the bundled OpenAPI documents and
answered from a data set.

Options:
  --port N     port to listen on (default ${DEFAULT_PORT}, or $PORT; 0 picks a free port)
  --host H     interface to bind (default ${DEFAULT_HOST}); another than loopback is warned about
  --spec S     a document to serve: ssm, imagebuilder, or a path to a bundled OpenAPI JSON file;
               repeat for several (default: ssm and imagebuilder)
  --data FILE  answer from this data set (JSON, or YAML for .yaml/.yml): Commands,
               CommandInvocations, MaintenanceWindowExecutions, AutomationExecutions,
               WorkflowExecutions; validated as it loads (default: a data set built from
               the spec's examples). Replace it at run time with PUT /_mock/data
  --clock C    the mock's clock: real (default, the machine's time), manual (still from the
               time of start until moved with POST /_mock/clock {"advance": "90s"} or
               {"set": "<ISO 8601>"}), or an ISO 8601 date-time: a manual clock from then
  --dynamic    answer with generated data like the service's instead of the data set
               (per request: header "Prefer: dynamic=true, seed=TEXT")
  --log        print one line per request
  --max-connections N
               most connections open at once; more are closed as they arrive (default ${DEFAULT_CONNECTION_LIMITS.maxConnections})
  --auth MODE  none (default) or sigv4: every request must carry a valid AWS Signature Version 4
               for its service (ssm, imagebuilder), any region, signed within 5 minutes
  --credentials AKID:SECRET[:SESSION_TOKEN]
               credentials --auth sigv4 accepts; repeat for several (default
               ${DEFAULT_CREDENTIALS.accessKeyId}:${DEFAULT_CREDENTIALS.secretAccessKey})
  --isolation MODE
               none (default): every caller shares one state; accessKeyId: each access key ID
               (of the requests' SigV4 credential scope) gets its own data set, request journal
               and fault counters, for parallel tests against one mock
  --journal-size N
               requests the journal keeps, the newest (default ${DEFAULT_JOURNAL_SIZE}; 0 turns it off);
               read it with GET /_mock/requests, verify with POST /_mock/verify
  --admin-origin ORIGIN
               a browser origin whose pages may use the admin API (/_mock/), such as
               http://localhost:5173, or * for any; repeatable (default: none)
  --admin-host NAME
               another Host name the admin API answers (a container's service name);
               repeatable (default: the address it listens on, and loopback names)
  --help       show this help

Per request, the header "Prefer: code=400, example=InvalidNextToken" picks a documented answer;
"Prefer: example=ThrottlingException, failures=2" fails the first 2 attempts of an SDK call, and
"Prefer: delay=3000" holds the answer back 3 s (at most 60000).

Proxy mode, the real service checked against the contract: aws-ops-contract-mock proxy --help`;

export type ParsedArgs = { help: true } | { help: false; options: StartMockOptions };

/** Parses the bin's options. Throws an Error with a user-facing message. */
export function parseMockArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ParsedArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      port: { type: "string" },
      host: { type: "string" },
      spec: { type: "string", multiple: true },
      data: { type: "string" },
      clock: { type: "string" },
      dynamic: { type: "boolean" },
      log: { type: "boolean" },
      "max-connections": { type: "string" },
      auth: { type: "string" },
      credentials: { type: "string", multiple: true },
      isolation: { type: "string" },
      "journal-size": { type: "string" },
      "admin-origin": { type: "string", multiple: true },
      "admin-host": { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return { help: true };
  if (positionals.length > 0) throw new Error(`Unexpected argument: ${positionals[0]}`);
  const options: StartMockOptions = { port: parsePort(values.port ?? env["PORT"] ?? String(DEFAULT_PORT)) };
  if (values.host !== undefined) options.host = values.host;
  if (values.spec !== undefined) options.specs = values.spec;
  if (values.data !== undefined) options.data = values.data;
  if (values.clock !== undefined) options.clock = parseClock(values.clock);
  if (values.dynamic) options.dynamic = true;
  if (values.log) options.log = true;
  if (values["max-connections"] !== undefined) options.maxConnections = parseCount(values["max-connections"], "--max-connections");
  if (values.auth !== undefined && values.auth !== "none" && values.auth !== "sigv4") throw new Error(`--auth must be none or sigv4 (got '${values.auth}')`);
  if (values.credentials !== undefined && values.auth !== "sigv4") throw new Error("--credentials needs --auth sigv4");
  if (values.auth === "sigv4") options.auth = values.credentials ? { type: "sigv4", credentials: values.credentials.map((text) => parseCredentials(text)) } : "sigv4";
  if (values.isolation !== undefined) {
    if (!(ISOLATION_MODES as readonly string[]).includes(values.isolation)) throw new Error(`--isolation must be ${ISOLATION_MODES.join(" or ")} (got '${values.isolation}')`);
    options.isolation = values.isolation as Isolation;
  }
  if (values["journal-size"] !== undefined) {
    const text = values["journal-size"];
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new Error(`--journal-size must be a whole number, 0 or more (got '${text}')`);
    options.journal = { size: Number(text) };
  }
  for (const origin of values["admin-origin"] ?? []) {
    if (origin !== "*" && !/^https?:\/\/[^/\s]+$/i.test(origin)) throw new Error(`--admin-origin must be an origin such as http://localhost:5173, or * (got '${origin}')`);
  }
  if (values["admin-origin"] || values["admin-host"]) {
    options.admin = { ...(values["admin-origin"] ? { origins: values["admin-origin"] } : {}), ...(values["admin-host"] ? { hosts: values["admin-host"] } : {}) };
  }
  return { help: false, options };
}

/** A TCP port from its text, 0 to 65535; `what` names the option or variable in the error. */
export function parsePort(text: string, what = "--port"): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new Error(`${what} must be a number from 0 to 65535 (got '${text}')`);
  return port;
}

/** --clock: real, manual, or a manual clock's start as an ISO 8601 date-time. */
function parseClock(text: string): string {
  if (text === "real" || text === "manual") return text;
  try {
    instantOf(text);
    return text;
  } catch {
    throw new Error(`--clock must be real, manual or an ISO 8601 date-time such as 2024-07-08T02:00:00Z (got '${text}')`);
  }
}

/** A whole number of at least 1; `what` names the option in the error. */
function parseCount(text: string, what: string): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < 1) throw new Error(`${what} must be a whole number of at least 1 (got '${text}')`);
  return Number(text);
}

/**
 * What to print once the mock listens: the endpoint and how to aim the SDK and the AWS CLI at it
 * (with signature checking on, with the first credentials it accepts). The Image Builder command
 * names a workflow execution of `dataSet`, the one served, so that it answers rather than "not found".
 */
export function endpointHelp(url: string, auth?: AuthOption, dataSet?: Pick<DataSet, "WorkflowExecutions">, adminToken?: string): string {
  const accepted = auth === undefined || auth === "none" ? undefined : auth === "sigv4" ? DEFAULT_CREDENTIALS : auth.credentials?.[0] ?? DEFAULT_CREDENTIALS;
  const { accessKeyId, secretAccessKey, sessionToken } = typeof accepted === "string" ? parseCredentials(accepted) : (accepted ?? ({ accessKeyId: "x", secretAccessKey: "x" } as MockCredentials));
  const sdkCredentials = `{ accessKeyId: "${accessKeyId}", secretAccessKey: "${secretAccessKey}"${sessionToken ? `, sessionToken: "${sessionToken}"` : ""} }`;
  const env = `AWS_ACCESS_KEY_ID=${accessKeyId} AWS_SECRET_ACCESS_KEY=${secretAccessKey}${sessionToken ? ` AWS_SESSION_TOKEN=${sessionToken}` : ""}`;
  const workflow = dataSet?.WorkflowExecutions.find((record) => typeof record["workflowExecutionId"] === "string")?.["workflowExecutionId"] as string | undefined;
  const imageBuilder = workflow
    ? `${env} aws imagebuilder list-workflow-step-executions --workflow-execution-id ${workflow} --endpoint-url ${url} --region us-east-1`
    : "(Image Builder: the data set has no WorkflowExecutions to list the steps of)";
  return `Contract mock listening on ${url}${accepted ? " (SigV4 signatures checked)" : ""}

  AWS SDK for JavaScript v3:  new SSMClient({ endpoint: "${url}", region: "us-east-1", credentials: ${sdkCredentials} })
  AWS CLI:                    ${env} aws ssm list-commands --endpoint-url ${url} --region us-east-1
                              ${imageBuilder}
  Documented errors:          send the header "Prefer: code=400, example=InvalidNextToken"
${adminToken ? `  Admin API (/_mock/):        send "Authorization: Bearer ${adminToken}"\n` : ""}
Stop with Ctrl+C.`;
}
