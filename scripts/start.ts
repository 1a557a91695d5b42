/**
 * `npm start`: serves the contract mock on 127.0.0.1 (port 4010, or `--port N`, or `PORT=N`) and prints
 * how to point the AWS SDK and the AWS CLI at it. `start()` is exported so that a caller can serve
 * more next to the mock (such as the API docs) and stop everything together.
 */
import { endpointHelp, MOCK_HELP, parseMockArgs } from "../src/mock/cli-args.js";
import { startMock, type RunningMock, type StartMockOptions } from "../src/mock/index.js";

const HELP = MOCK_HELP.replace("Usage: aws-ops-contract mock", "Usage: npm start --");

export interface Started {
  mock: RunningMock;
  close(): Promise<void>;
}

export async function start(options: StartMockOptions = {}, print: (text: string) => void = console.log): Promise<Started> {
  const mock = await startMock(options);
  print(endpointHelp(mock.url));
  return { mock, close: () => mock.close() };
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
    const started = await start(parsed.options).catch((error: unknown) => {
      console.error(`Cannot start the mock: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
    const stop = (): void => void started.close().finally(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  }
}
