/**
 * Runs this package's mock (startMock from src/) in its own process, for the bench. Used when the
 * package has no built bin to run.
 */
import { loadMock, missing } from "./package.js";

const HELP = `Usage: tsx scripts/bench/serve-mock.ts --port N [--host 127.0.0.1]

Starts the package's contract mock (startMock) and keeps it up until SIGTERM or SIGINT.`;

const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log(HELP);
} else {
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i === -1 ? undefined : args[i + 1];
  };
  const mock = await loadMock();
  if (!mock) throw new Error(missing("mock"));
  const server = await mock.startMock({ port: Number(flag("--port") ?? 4010), host: flag("--host") ?? "127.0.0.1" });
  console.log(server.url);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
