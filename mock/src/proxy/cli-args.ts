/**
 * The options of `aws-ops-contract-mock proxy`: the flags CI scripts rely on (`--region`, `--port`,
 * `--record`, `--report`, `--endpoint-url`), and the rest a provider check needs.
 */
import { parseArgs } from "node:util";
import { parseCredentials } from "../auth/index.js";
import { parsePort } from "../cli-args.js";
import { parseEndpointUrl } from "./endpoint.js";
import { DEFAULT_PROXY_PORT, type StartProxyOptions } from "./index.js";
import { parseRedactions, REDACTIONS } from "./redact.js";

export const PROXY_HELP = `Usage: aws-ops-contract-mock proxy --region R [--port N] [--host H] [--endpoint-url URL]
                                   [--record FILE] [--report FILE] [--no-redact KIND]... [--strict]
                                   [--profile NAME] [--auth sigv4 [--credentials AKID:SECRET[:TOKEN]]...] [--log]

Forwards the five operations to the real service and checks both directions against the contract:
each request is checked, signed again with the proxy's own AWS credentials (found as the AWS CLI
finds them: environment, AWS_PROFILE or --profile, web identity / OIDC, SSO, instance or container
role), sent to the service, and the service's answer is checked and passed back unchanged.
Anything but the five operations is answered with the protocol's error, never forwarded.

Options:
  --region R          the region to forward to (https://ssm.R.amazonaws.com, https://imagebuilder.R.amazonaws.com)
  --port N            port to listen on (default ${DEFAULT_PROXY_PORT}; 0 picks a free port)
  --host H            interface to bind (default 127.0.0.1)
  --endpoint-url URL  send both services here instead (a VPC endpoint, a local stand-in)
  --record FILE       write the successful answers as a data set (loadable with --data) when stopped
  --no-redact KIND    keep one kind of value in the recording as it came: ${REDACTIONS.join(", ")}, or all
                      (default: every kind is replaced by a stable stand-in); repeat for several
  --report FILE       write the contract violations (JSON) when stopped
  --strict            report unknown members and enum values as breaking (default: compatible, not breaking)
  --profile NAME      the shared config/credentials profile to sign with (default: AWS_PROFILE)
  --auth MODE         none (default) or sigv4: callers must sign as for the mock (see the mock's --help)
  --credentials AKID:SECRET[:SESSION_TOKEN]
                      credentials --auth sigv4 accepts from callers; repeat for several
  --log               print one line per request
  --help              show this help

On Ctrl+C (SIGINT) or SIGTERM the proxy writes the report and the recording and prints a summary.`;

export type ParsedProxyArgs = { help: true } | { help: false; options: StartProxyOptions };

/** Parses the proxy's options (the arguments after `proxy`). Throws an Error with a user-facing message. */
export function parseProxyArgs(argv: readonly string[]): ParsedProxyArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      region: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      "endpoint-url": { type: "string" },
      record: { type: "string" },
      report: { type: "string" },
      "no-redact": { type: "string", multiple: true },
      strict: { type: "boolean" },
      profile: { type: "string" },
      auth: { type: "string" },
      credentials: { type: "string", multiple: true },
      log: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return { help: true };
  if (positionals.length > 0) throw new Error(`Unexpected argument: ${positionals[0]}`);
  if (values.region === undefined) throw new Error("--region is required (the region whose endpoints the proxy forwards to, e.g. --region us-east-1)");
  const options: StartProxyOptions = { region: values.region, port: parsePort(values.port ?? String(DEFAULT_PROXY_PORT)) };
  if (values.host !== undefined) options.host = values.host;
  if (values["endpoint-url"] !== undefined) options.endpointUrl = parseEndpointUrl(values["endpoint-url"]).href;
  if (values.record !== undefined) options.record = values.record;
  if (values.report !== undefined) options.report = values.report;
  if (values["no-redact"] !== undefined) {
    if (values.record === undefined) throw new Error("--no-redact needs --record");
    options.redact = [...parseRedactions(values["no-redact"])];
  }
  if (values.strict) options.validation = "strict";
  if (values.profile !== undefined) options.profile = values.profile;
  if (values.log) options.log = true;
  if (values.auth !== undefined && values.auth !== "none" && values.auth !== "sigv4") throw new Error(`--auth must be none or sigv4 (got '${values.auth}')`);
  if (values.credentials !== undefined && values.auth !== "sigv4") throw new Error("--credentials needs --auth sigv4");
  if (values.auth === "sigv4") options.auth = values.credentials ? { type: "sigv4", credentials: values.credentials.map((text) => parseCredentials(text)) } : "sigv4";
  return { help: false, options };
}

/** What to print once the proxy listens (no secret: the credentials are named by where they came from). */
export function proxyBanner(url: string, upstreams: Record<string, string>, credentialsFrom: string): string {
  const targets = Object.entries(upstreams).map(([service, endpoint]) => `${service} -> ${endpoint}`).join(", ");
  return `Contract proxy listening on ${url}, forwarding ${targets} (signing with credentials from ${credentialsFrom})

  AWS SDK for JavaScript v3:  new SSMClient({ endpoint: "${url}", region: "<any>" })
  AWS CLI:                    aws ssm list-commands --endpoint-url ${url}

Stop with Ctrl+C: the report and the recording are written then.`;
}
