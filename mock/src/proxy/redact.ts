/**
 * Redaction of a recorded data set, so that it can be committed: each kind of identifying or secret
 * value is replaced by a stand-in, the same stand-in for the same value everywhere in the data set,
 * so that what links records (a command and its invocations on one managed node, an ARN and the
 * account it names) still holds and the mock answers the same calls with the same shapes. Every
 * stand-in is valid where the value was (an instance ID stays `i-` + 17 hex digits, an account ID
 * 12 digits). Stand-ins are numbered in the order values are first met: they hide the value (a hash
 * of a 12-digit account ID could be reversed by trying them all).
 */

/** The redactions, each on by default. */
export const REDACTIONS = ["account-ids", "instance-ids", "s3", "outputs", "parameters", "tokens"] as const;
export type Redaction = (typeof REDACTIONS)[number];

export interface RedactOptions {
  /** The redactions to apply (default: all of REDACTIONS). */
  redactions?: ReadonlySet<Redaction>;
  /** Exact strings that must never be written (the proxy's and the callers' secret keys and session tokens). */
  secrets?: readonly string[];
}

/** Members whose whole value is a command's or a step's output. */
const OUTPUT_MEMBERS = new Set(["Output", "Outputs", "Response", "FailureMessage", "Details", "outputs", "StandardOutputContent", "StandardErrorContent"]);
/** Members whose whole value is what a command or a step was given. */
const PARAMETER_MEMBERS = new Set(["Parameters", "Inputs", "OverriddenParameters", "inputs"]);
const BUCKET_MEMBERS = new Set(["OutputS3BucketName"]);
const PREFIX_MEMBERS = new Set(["OutputS3KeyPrefix"]);
const HOST_MEMBERS = new Set(["InstanceName"]);

const ARN_ACCOUNT = /arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:(\d{12}):/g;
const ACCOUNT_ID = /(?<![0-9A-Za-z])\d{12}(?![0-9A-Za-z])/g;
/** Managed node IDs as the contract writes them (`i-` with 8 or 17 characters, `mi-` with 17): real ones are hex, the documents' examples end in EXAMPLE. */
const INSTANCE_ID = /\b(m?i)-([0-9A-Za-z]{17}|[0-9A-Za-z]{8})\b/g;
/** Access key IDs (long-term AKIA, temporary ASIA, and the other IAM unique-ID prefixes). */
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|AROA|AIDA|ANPA|ANVA|AGPA|AIPA)[A-Z0-9]{12,124}\b/g;
/** STS session tokens as AWS issues them, and JSON Web Tokens (a CI job's OIDC token). */
const SESSION_TOKEN = /\b(?:FwoGZXIvYXdz|IQoJb3JpZ2lu)[A-Za-z0-9/+=]{20,}|\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g;
/** S3 URLs: path style (`https://s3.region.amazonaws.com/bucket/key`), virtual-hosted (`https://bucket.s3.region.amazonaws.com/key`), `s3://bucket/key`. */
const S3_PATH_STYLE = /^(https?:\/\/s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?\/)([^/?#]+)(.*)$/s;
const S3_VIRTUAL_HOST = /^(https?:\/\/)([^/?#]+?)(\.s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?)(.*)$/s;
const S3_URI = /^(s3:\/\/)([^/?#]+)(.*)$/s;

export const REDACTED_OUTPUT = "(output redacted)";
export const REDACTED_PARAMETER = "(parameter redacted)";
export const REDACTED_SECRET = "(secret redacted)";
export const REDACTED_TOKEN = "(token redacted)";

/** One numbered stand-in per distinct value. */
class StandIns {
  private readonly byValue = new Map<string, string>();
  constructor(private readonly make: (n: number, value: string) => string) {}
  of(value: string): string {
    let standIn = this.byValue.get(value);
    if (standIn === undefined) {
      standIn = this.make(this.byValue.size + 1, value);
      this.byValue.set(value, standIn);
    }
    return standIn;
  }
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, "0");

export function redactDataSet<T>(dataSet: T, options: RedactOptions = {}): T {
  const on = options.redactions ?? new Set(REDACTIONS);
  const accounts = new StandIns((n) => String(100000000000 + n));
  const instances = new StandIns((n, value) => `${value.startsWith("mi-") ? "mi" : "i"}-${hex(n, value.length - value.indexOf("-") - 1)}`);
  const buckets = new StandIns((n) => `redacted-bucket-${n}`);
  const prefixes = new StandIns((n) => `redacted-prefix-${n}`);
  const hosts = new StandIns((n) => `managed-node-${n}.example.internal`);
  const keyIds = new StandIns((n) => `AKIAREDACTED${String(n).padStart(8, "0")}`);
  const secrets = [...new Set(options.secrets ?? [])].filter((secret) => secret.length >= 4).sort((a, b) => b.length - a.length);

  // First pass: the values only their member tells apart (a bucket, a key prefix, an account in an
  // ARN), so that their other occurrences (inside URLs, in free text) are found wherever they come.
  const knownAccounts = new Set<string>();
  const knownBuckets = new Set<string>();
  const knownPrefixes = new Set<string>();
  const collect = (node: unknown, member: string | undefined): void => {
    if (typeof node === "string") {
      if (member && BUCKET_MEMBERS.has(member) && node !== "") knownBuckets.add(node);
      if (member && PREFIX_MEMBERS.has(member) && node !== "") knownPrefixes.add(node);
      for (const match of node.matchAll(ARN_ACCOUNT)) knownAccounts.add(match[1]!);
    } else if (Array.isArray(node)) for (const item of node) collect(item, member);
    else if (node && typeof node === "object") for (const [key, value] of Object.entries(node)) collect(value, key);
  };
  collect(dataSet, undefined);

  /** One pass over `text` (so that no stand-in is taken for a value), each of `values` replaced by its stand-in; `also` matches more. */
  const replaceAll = (text: string, values: Iterable<string>, standIns: StandIns, also?: RegExp): string => {
    const alternatives = [...values].sort((a, b) => b.length - a.length).map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    if (also) alternatives.push(also.source);
    if (alternatives.length === 0) return text;
    return text.replace(new RegExp(alternatives.join("|"), "g"), (value) => standIns.of(value));
  };

  const s3Url = (url: string): string | undefined => {
    for (const form of [S3_PATH_STYLE, S3_URI]) {
      const m = form.exec(url);
      if (m) return `${m[1]}${buckets.of(m[2]!)}${replaceAll(m[3]!, knownPrefixes, prefixes)}`;
    }
    const m = S3_VIRTUAL_HOST.exec(url);
    return m ? `${m[1]}${buckets.of(m[2]!)}${m[3]}${replaceAll(m[4]!, knownPrefixes, prefixes)}` : undefined;
  };

  /** The patterns every string is searched for, whatever member holds it. */
  const scrub = (text: string): string => {
    let out = text;
    for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED_SECRET);
    if (on.has("tokens")) out = out.replace(SESSION_TOKEN, REDACTED_TOKEN).replace(ACCESS_KEY_ID, (id) => keyIds.of(id));
    if (on.has("s3")) {
      out = s3Url(out) ?? replaceAll(out, knownBuckets, buckets);
    }
    if (on.has("account-ids")) out = replaceAll(out, knownAccounts, accounts, ACCOUNT_ID);
    if (on.has("instance-ids")) out = out.replace(INSTANCE_ID, (id) => instances.of(id));
    return out;
  };

  /** Every string leaf of a value replaced by `standIn` (a map's keys and a list's length kept); JSON text keeps its shape. */
  const blank = (node: unknown, standIn: string): unknown => {
    if (typeof node === "string") {
      const trimmed = node.trim();
      if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
        try {
          return JSON.stringify(blank(JSON.parse(node), standIn));
        } catch {
          // not JSON text: replaced whole below
        }
      }
      return node === "" ? node : standIn;
    }
    if (Array.isArray(node)) return node.map((item) => blank(item, standIn));
    if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([key, value]) => [scrub(key), blank(value, standIn)]));
    return node;
  };

  const walk = (node: unknown, member: string | undefined): unknown => {
    if (member && on.has("outputs") && OUTPUT_MEMBERS.has(member)) return blank(node, REDACTED_OUTPUT);
    if (member && on.has("parameters") && PARAMETER_MEMBERS.has(member)) return blank(node, REDACTED_PARAMETER);
    if (typeof node === "string") {
      if (member && on.has("s3") && BUCKET_MEMBERS.has(member) && node !== "") return buckets.of(node);
      if (member && on.has("s3") && PREFIX_MEMBERS.has(member) && node !== "") return prefixes.of(node);
      if (member && on.has("instance-ids") && HOST_MEMBERS.has(member) && node !== "") return hosts.of(node);
      return scrub(node);
    }
    if (Array.isArray(node)) return node.map((item) => walk(item, member));
    if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([key, value]) => [scrub(key), walk(value, key)]));
    return node;
  };
  const redacted = walk(dataSet, undefined) as T;
  // Whatever redactions are off, a secret never leaves: a last pass over the output as a whole.
  if (secrets.length > 0) {
    const json = JSON.stringify(redacted);
    if (secrets.some((secret) => json.includes(secret))) return JSON.parse(secrets.reduce((text, secret) => text.split(JSON.stringify(secret).slice(1, -1)).join(REDACTED_SECRET), json)) as T;
  }
  return redacted;
}

/** `--no-redact` values: names from REDACTIONS, comma-separated or repeated, or `all`. */
export function parseRedactions(off: readonly string[]): Set<Redaction> {
  const on = new Set<Redaction>(REDACTIONS);
  for (const name of off.flatMap((item) => item.split(",")).map((item) => item.trim()).filter(Boolean)) {
    if (name === "all") on.clear();
    else if ((REDACTIONS as readonly string[]).includes(name)) on.delete(name as Redaction);
    else throw new Error(`--no-redact takes ${REDACTIONS.join(", ")} or all (got '${name}')`);
  }
  return on;
}
