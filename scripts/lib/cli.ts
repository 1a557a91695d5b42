/**
 * The one command-line shell of every script in scripts/: run-if-main and argument parsing.
 *
 * Run-if-main compares file paths, not URLs: `import.meta.url` percent-encodes a space (and any
 * other character a URL cannot carry) while `process.argv[1]` is a plain path, so a string
 * comparison of the two silently skips the script in a checkout such as `/home/me/my repo`. Both
 * sides are resolved through symlinks (a linked checkout, or a bin in node_modules/.bin).
 *
 * Arguments go through `node:util` parseArgs (strict), with `--help`/`-h` for every script: help
 * text on stdout and exit 0; a bad argument prints the message and the usage on stderr and exits 2;
 * an error thrown by the script itself prints `<script>: <message>` and exits 1.
 */
import { realpathSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** A bad command line: the message, then the usage, on stderr, exit status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** `--help` was given: the help text on stdout, exit status 0. */
class HelpRequested extends Error {
  override name = "HelpRequested";
}

const realPath = (file: string): string | undefined => {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
};

/** True when the module at `moduleUrl` is the file Node was asked to run (`process.argv[1]`). */
export function isMain(moduleUrl: string, argv1: string | undefined = process.argv[1]): boolean {
  if (argv1 === undefined || !moduleUrl.startsWith("file:")) return false;
  const self = fileURLToPath(moduleUrl);
  const run = resolve(argv1);
  if (self === run) return true;
  const [a, b] = [realPath(self), realPath(run)];
  return a !== undefined && a === b;
}

export interface Parsed<O extends Options> {
  values: ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: true }>>["values"];
  positionals: string[];
}

/**
 * Parses `argv` with parseArgs (strict: unknown options and missing values are errors). `--help` and
 * `-h` are added to every script. Positionals are refused unless `positionals` allows them.
 * Throws UsageError for a bad command line; runIfMain turns that (and --help) into output and an
 * exit status.
 */
export function parseCommandLine<O extends Options>(argv: readonly string[], spec: { options: O; positionals?: boolean }): Parsed<O> {
  if (argv.includes("--help") || argv.includes("-h")) throw new HelpRequested();
  const parsed = asUsage(() => parseArgs({ args: [...argv], options: spec.options, strict: true, allowPositionals: true }));
  if (!spec.positionals && parsed.positionals.length > 0) throw new UsageError(`Unexpected argument '${parsed.positionals[0]}'`);
  return parsed as Parsed<O>;
}

/** Runs `parse` (such as the mock's parsePort on an option's value), turning what it throws into a usage error. */
export function asUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const { code, message } = error as { code?: unknown; message: string };
    // parseArgs's messages name the option ("Unknown option '--chek'"); the hint it appends about
    // `--` concerns parseArgs's own API, not the script's, so only the first sentence is kept.
    throw new UsageError(typeof code === "string" && code.startsWith("ERR_PARSE_ARGS") ? message.split(". ")[0]!.replace(/\.$/, "") : message);
  }
}

/**
 * Adapts a parser written elsewhere (such as the mock's parseMockArgs, shared with its bin) to the
 * same behaviour: its `{ help: true }` becomes --help, anything it throws a usage error.
 */
export function parseWith<T>(argv: readonly string[], parser: (argv: readonly string[]) => { help: true } | T): T {
  const result = asUsage(() => parser(argv));
  if (typeof result === "object" && result !== null && (result as { help?: unknown }).help === true) throw new HelpRequested();
  return result as T;
}

/** Reads a non-negative integer option (counts, seconds); a usage error names the option otherwise. */
export function parseCount(text: string, what: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${what} must be a whole number (got '${text}')`);
  return Number(text);
}

export interface Main {
  /** Prefixes error messages (default: the script's file name, such as "generate"). */
  name?: string;
  /** The help text; its first line starts with "Usage:". */
  help: string;
  /** Runs the script with its arguments; a number it returns becomes the exit status. */
  run(argv: string[]): unknown;
}

/**
 * Runs `main` when the module at `moduleUrl` is the one Node was started with, and does nothing
 * when it is imported. The exit status is set with process.exitCode, so output is flushed and
 * servers the script started keep the process alive.
 */
export function runIfMain(moduleUrl: string, main: Main): void {
  if (!isMain(moduleUrl)) return;
  const file = fileURLToPath(moduleUrl);
  const name = main.name ?? basename(file, extname(file));
  const fail = (error: unknown): void => {
    if (error instanceof HelpRequested) {
      console.log(main.help);
      process.exitCode = 0;
    } else if (error instanceof UsageError) {
      console.error(`${name}: ${error.message}\n\n${main.help}`);
      process.exitCode = 2;
    } else {
      console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  };
  const done = (code: unknown): void => {
    if (typeof code === "number") process.exitCode = code;
  };
  try {
    const result = main.run(process.argv.slice(2));
    if (result instanceof Promise) result.then(done, fail);
    else done(result);
  } catch (error) {
    fail(error);
  }
}
