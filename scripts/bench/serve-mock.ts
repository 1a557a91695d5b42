/**
 * Runs the mock (startMock of aws-ops-contract-mock, from mock/src/) in its own process, for the
 * bench. Used when the build has not written the mock's bin (mock/dist/cli.js).
 */
import { parsePort } from "../../mock/src/cli-args.js";
import { asUsage, parseCommandLine, runIfMain } from "../lib/cli.js";
import { loadMock, missing } from "./package.js";

const HELP = `Usage: tsx scripts/bench/serve-mock.ts [--port N] [--host H] [--help]

Starts the contract mock (startMock) on 127.0.0.1:4010 (or --port, --host) and keeps it up until
SIGTERM or SIGINT.`;

runIfMain(import.meta.url, {
  name: "serve-mock",
  help: HELP,
  async run(argv) {
    const { values } = parseCommandLine(argv, { options: { port: { type: "string" }, host: { type: "string" } } });
    const port = asUsage(() => parsePort(values.port ?? "4010"));
    const mock = await loadMock();
    if (!mock) throw new Error(missing("mock"));
    const server = await mock.startMock({ port, host: values.host ?? "127.0.0.1" });
    console.log(server.url);
    const stop = (): void => void server.close().then(() => process.exit(0));
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  },
});
