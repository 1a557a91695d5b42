/**
 * Reads the shell samples in docs/samples/ the way a shell would (quotes, line continuations), so the
 * tests can check what each one would put on the wire: method, URL, headers, body.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../scripts/docs.js";
import { readOperations } from "../../src/model/index.js";
import { createAjv, deref, loadSpec, schemaKey, type ApiName } from "../openapi/load.js";

export const samplePath = (operationId: string, file: string): string => join(ROOT, "docs", "samples", operationId, file);
export const readSample = (operationId: string, file: string): string => readFileSync(samplePath(operationId, file), "utf8");

/**
 * Splits one shell command into words: comments and `\`-newlines dropped, '...' literal, "..." kept
 * with `$` expansions unexpanded (the samples use them only for credentials). One command per file.
 */
export function shellWords(script: string): string[] {
  const text = script.replace(/\\\n/g, " ");
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "#" && word === null) {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "\n" && (words.length > 0 || word !== null)) {
      if (word !== null) words.push(word);
      word = null;
      const rest = text.slice(i).trim();
      if (rest !== "") throw new Error(`more than one command in sample: ${rest.slice(0, 40)}`);
      break;
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new Error("unterminated ' in sample");
      word = (word ?? "") + text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      let value = "";
      for (; j < text.length && text[j] !== '"'; j++) value += text[j] === "\\" ? text[++j] : text[j];
      if (j >= text.length) throw new Error('unterminated " in sample');
      word = (word ?? "") + value;
      i = j;
    } else if (c === "\\") {
      word = (word ?? "") + (text[++i] ?? "");
    } else {
      word = (word ?? "") + c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

export interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  sigv4: string | undefined;
  user: string | undefined;
  otherFlags: string[];
}

export function parseCurl(script: string): CurlRequest {
  const words = shellWords(script);
  if (words[0] !== "curl") throw new Error(`not a curl command: ${words[0]}`);
  const request: CurlRequest = { method: "GET", url: "", headers: {}, body: undefined, sigv4: undefined, user: undefined, otherFlags: [] };
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    const value = () => {
      const next = words[++i];
      if (next === undefined) throw new Error(`${word} needs a value`);
      return next;
    };
    if (word === "-X" || word === "--request") request.method = value();
    else if (word === "-H" || word === "--header") {
      const header = value();
      const colon = header.indexOf(":");
      if (colon < 1) throw new Error(`malformed header ${header}`);
      request.headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
    } else if (word === "-d" || word === "--data" || word === "--data-raw" || word === "--data-binary") request.body = value();
    else if (word === "--aws-sigv4") request.sigv4 = value();
    else if (word === "-u" || word === "--user") request.user = value();
    else if (word.startsWith("-")) request.otherFlags.push(word);
    else if (!request.url) request.url = word;
    else throw new Error(`unexpected word ${word}`);
  }
  return request;
}

export interface CliCommand {
  service: string;
  command: string;
  endpointUrl: string | undefined;
  region: string | undefined;
  /** The request body the options stand for, mapped onto the operation's input members. */
  body: Record<string, unknown>;
}

const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/**
 * Maps an `aws <service> <command> --option value ...` sample onto the request body, the way the AWS
 * CLI does for these shapes: `--max-results` is `MaxResults`, JSON values for lists, `--flag` and
 * `--no-flag` for booleans. An option that names no input member is an error.
 */
export function parseAwsCli(script: string, inputSchema: { properties: Record<string, { type?: string }> }): CliCommand {
  const words = shellWords(script);
  if (words[0] !== "aws") throw new Error(`not an AWS CLI command: ${words[0]}`);
  const [, service, command] = words;
  if (!service || !command) throw new Error("missing service or command");
  const members = new Map(Object.keys(inputSchema.properties).map((name) => [kebab(name), name]));
  const cli: CliCommand = { service, command, endpointUrl: undefined, region: undefined, body: {} };
  for (let i = 3; i < words.length; i++) {
    const word = words[i]!;
    if (!word.startsWith("--")) throw new Error(`unexpected word ${word}`);
    const option = word.slice(2);
    if (option === "endpoint-url") cli.endpointUrl = words[++i];
    else if (option === "region") cli.region = words[++i];
    else {
      const negated = option.startsWith("no-") && members.has(option.slice(3));
      const member = members.get(negated ? option.slice(3) : option);
      if (!member) throw new Error(`--${option} names no member of the ${command} input`);
      const type = inputSchema.properties[member]!.type;
      if (type === "boolean") cli.body[member] = !negated;
      else {
        const raw = words[++i];
        if (raw === undefined) throw new Error(`--${option} needs a value`);
        cli.body[member] = type === "integer" || type === "number" ? Number(raw) : /^[[{]/.test(raw) ? JSON.parse(raw) : raw;
      }
    }
  }
  return cli;
}

export interface SpecOperation {
  api: ApiName;
  operationId: string;
  /** The `X-Amz-Target` value (SSM) or undefined (Image Builder). */
  target: string | undefined;
  /** The path real clients send. */
  wirePath: string;
  mediaType: string;
  requestSchemaRef: string;
  requestSchema: { properties: Record<string, { type?: string }> };
  /** The first example of the 200 response, which a stand-in server can answer with. */
  okExample: unknown;
  okSchemaRef: string;
}

/** The input schema with each member's own `$ref` followed, so its `type` can be read. */
function resolveProperties(doc: ReturnType<typeof loadSpec>, schema: { properties: Record<string, { type?: string }> }) {
  const properties = Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, { ...deref<{ type?: string }>(doc, property), ...property }]));
  return { ...schema, properties };
}

export function specOperations(): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const api of ["ssm", "imagebuilder"] as const) {
    const doc = loadSpec(api);
    for (const op of readOperations(doc)) {
      const ok = op.responses.find((r) => r.status === 200)!;
      out.push({
        api,
        operationId: op.operationId,
        target: op.target,
        wirePath: op.path,
        mediaType: op.mediaType,
        requestSchemaRef: op.request!.schemaRef!,
        requestSchema: resolveProperties(doc, deref(doc, op.request!.schema)),
        okExample: [...ok.examples!.values()][0],
        okSchemaRef: ok.schemaRef!,
      });
    }
  }
  return out;
}

const ajv = createAjv();

/** Validates a request body against the operation's request schema; returns ajv's messages. */
export function requestErrors(op: SpecOperation, body: unknown): string[] {
  return schemaErrors(op, op.requestSchemaRef, body);
}

/** Validates a success body against the operation's 200 response schema. */
export function responseErrors(op: SpecOperation, body: unknown): string[] {
  return schemaErrors(op, op.okSchemaRef, body);
}

function schemaErrors(op: SpecOperation, ref: string, body: unknown): string[] {
  const validate = ajv.getSchema(schemaKey(op.api, ref));
  if (!validate) throw new Error(`no schema ${ref}`);
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword}`);
}
