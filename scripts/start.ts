/**
 * `npm start`: the main job. Serves the contract mock on 127.0.0.1 (port 4010, or `--port N`, or
 * `PORT=N`) and the API docs site next to it (port 4020, or `DOCS_PORT=N`; built first when stale),
 * and prints how to point the AWS SDK and the AWS CLI at the mock and where the docs are. The docs
 * stay on 127.0.0.1 whatever `--host` says (that option is about the mock); `DOCS_HOST=H` moves them.
 */
import { endpointHelp, MOCK_HELP, parseMockArgs, parsePort } from "../mock/src/cli-args.js";
import { startMock, type RunningMock, type StartMockOptions } from "../mock/src/index.js";
import { buildDocs, DEFAULT_OUT_DIR, isDocsBuildFresh } from "./docs.js";
import { asUsage, parseWith, runIfMain } from "./lib/cli.js";
import { serveDocs } from "./serve-docs.js";

const HELP = `${MOCK_HELP.replace("Usage: aws-ops-contract-mock", "Usage: npm start --")}

The API docs are served next to the mock on 127.0.0.1, port 4020 (or $DOCS_PORT; 0 picks a free port).
--host does not move them: they stay on 127.0.0.1 unless $DOCS_HOST names another interface.`;

export const DEFAULT_DOCS_PORT = 4020;
/** The docs' interface, separate from the mock's: exposing the mock (--host 0.0.0.0) must not expose them. */
export const DEFAULT_DOCS_HOST = "127.0.0.1";

export interface Started {
  mock: RunningMock;
  docsUrl: string;
  close(): Promise<void>;
}

export async function start(
  options: StartMockOptions = {},
  { docsPort = DEFAULT_DOCS_PORT, docsHost, print = console.log }: { docsPort?: number; docsHost?: string | undefined; print?: (text: string) => void } = {},
): Promise<Started> {
  if (!isDocsBuildFresh()) buildDocs();
  const mock = await startMock(options);
  const docs = await serveDocs({ dir: DEFAULT_OUT_DIR, host: docsHost || DEFAULT_DOCS_HOST, port: docsPort }).catch(async (error: unknown) => {
    await mock.close();
    throw error;
  });
  print(`API docs served on ${docs.url} (SSM: ${docs.url}ssm.html, Image Builder: ${docs.url}imagebuilder.html)\n`);
  print(endpointHelp(mock.url, options.auth, mock.dataSet(), mock.adminToken));
  return { mock, docsUrl: docs.url, close: async () => void (await Promise.all([mock.close(), docs.close()])) };
}

runIfMain(import.meta.url, {
  name: "start",
  help: HELP,
  async run(argv) {
    // The mock's own parser (shared with its bin), so `npm start -- ...` takes the bin's options.
    const options = parseWith(argv, parseMockArgs).options;
    const docsPort = asUsage(() => parsePort(process.env["DOCS_PORT"] ?? String(DEFAULT_DOCS_PORT), "DOCS_PORT"));
    const started = await start(options, { docsPort, docsHost: process.env["DOCS_HOST"] }).catch((error: unknown) => {
      throw new Error(`Cannot start the mock and docs: ${error instanceof Error ? error.message : String(error)}`);
    });
    const stop = (): void => void started.close().finally(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  },
});
