#!/usr/bin/env node
/**
 * The bin of aws-ops-contract-mock: `aws-ops-contract-mock --port N [--spec ...] [--log]`. In this
 * repository it also runs straight from source: `npm run mock -- --port 4010`.
 */
import { endpointHelp, MOCK_HELP, parseMockArgs } from "./cli-args.js";
import { startMock } from "./index.js";

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseMockArgs(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${MOCK_HELP}`);
    return 2;
  }
  if (parsed.help) {
    console.log(MOCK_HELP);
    return 0;
  }
  const mock = await startMock(parsed.options);
  console.log(endpointHelp(mock.url, parsed.options.auth, mock.dataSet(), mock.adminToken));
  await new Promise<void>((resolve) => {
    const stop = (): void => void mock.close().then(resolve, resolve);
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`aws-ops-contract-mock: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
