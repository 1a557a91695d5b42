/**
 * `npm start`: the main job. Serves the contract mock on 127.0.0.1 (port 4010, or `--port N`, or
 * `PORT=N`) and the API docs site next to it (port 4020, or `DOCS_PORT=N`; built first when stale),
 * and prints how to point the AWS SDK and the AWS CLI at the mock and where the docs are.
 */
import { endpointHelp, MOCK_HELP, parseMockArgs, parsePort } from "../mock/src/cli-args.js";
import { startMock, type RunningMock, type StartMockOptions } from "../mock/src/index.js";
import { buildDocs, DEFAULT_OUT_DIR, isDocsBuildFresh } from "./docs.js";
import { serveDocs } from "./serve-docs.js";

const HELP = `${MOCK_HELP.replace("Usage: aws-ops-contract-mock", "Usage: npm start --")}

The API docs are served next to the mock on 127.0.0.1, port 4020 (or $DOCS_PORT; 0 picks a free port).`;

export const DEFAULT_DOCS_PORT = 4020;

export interface Started {
  mock: RunningMock;
  docsUrl: string;
  close(): Promise<void>;
}

export async function start(
  options: StartMockOptions = {},
  { docsPort = DEFAULT_DOCS_PORT, print = console.log }: { docsPort?: number; print?: (text: string) => void } = {},
): Promise<Started> {
  if (!isDocsBuildFresh()) buildDocs();
  const mock = await startMock(options);
  const docs = await serveDocs({ dir: DEFAULT_OUT_DIR, host: options.host ?? "127.0.0.1", port: docsPort }).catch(async (error: unknown) => {
    await mock.close();
    throw error;
  });
  print(`API docs served on ${docs.url} (SSM: ${docs.url}ssm.html, Image Builder: ${docs.url}imagebuilder.html)\n`);
  print(endpointHelp(mock.url, options.auth));
  return { mock, docsUrl: docs.url, close: async () => void (await Promise.all([mock.close(), docs.close()])) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let parsed;
  try {
    parsed = parseMockArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (parsed.help) {
    console.log(HELP);
  } else {
    let docsPort: number;
    try {
      docsPort = parsePort(process.env["DOCS_PORT"] ?? String(DEFAULT_DOCS_PORT), "DOCS_PORT");
    } catch (error) {
      console.error((error as Error).message);
      process.exit(2);
    }
    const started = await start(parsed.options, { docsPort }).catch((error: unknown) => {
      console.error(`Cannot start the mock and docs: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
    const stop = (): void => void started.close().finally(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  }
}
