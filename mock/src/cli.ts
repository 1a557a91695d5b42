#!/usr/bin/env node
/**
 * The bin of aws-ops-contract-mock: `aws-ops-contract-mock --port N [--spec ...] [--log]`, and its
 * proxy mode `aws-ops-contract-mock proxy --region R ...` (proxy/). In this repository it also runs
 * straight from source: `npm run mock -- --port 4010`.
 */
import { endpointHelp, MOCK_HELP, parseMockArgs } from "./cli-args.js";
import { startMock } from "./index.js";
import { PROXY_HELP, parseProxyArgs, proxyBanner } from "./proxy/cli-args.js";
import { startProxy } from "./proxy/index.js";

async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === "proxy") return proxy(argv.slice(1));
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

async function proxy(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseProxyArgs(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${PROXY_HELP}`);
    return 2;
  }
  if (parsed.help) {
    console.log(PROXY_HELP);
    return 0;
  }
  const running = await startProxy(parsed.options);
  console.log(proxyBanner(running.url, running.upstreams, running.credentialsFrom));
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await running.close();
  console.log(running.summary());
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
