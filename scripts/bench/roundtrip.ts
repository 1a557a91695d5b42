/**
 * Client round trip: sequential ListCommands calls per second against a 127.0.0.1 SSM endpoint
 * (wire-server.ts), each call signed, sent, answered and parsed. This package's client with and
 * without response validation against the AWS SDK v3 SSMClient, interleaved in rounds.
 */
import { ListCommandsCommand, SSMClient } from "@aws-sdk/client-ssm";
import { listCommandsPage } from "./fixtures.js";
import { CREDENTIALS, REGION, loadClient, missing } from "./package.js";
import type { Row } from "./report.js";
import { measureRates, type Contender } from "./timing.js";
import { startWireServer } from "./wire-server.js";

export interface RoundTripOptions {
  rounds: number;
  perRound: number;
}

export async function measureRoundTrip(options: RoundTripOptions): Promise<Row[]> {
  const server = await startWireServer(listCommandsPage());
  try {
    const sdk = new SSMClient({ region: REGION, endpoint: server.url, credentials: CREDENTIALS, maxAttempts: 1 });
    const contenders: Contender[] = [{ label: "sdk", run: () => sdk.send(new ListCommandsCommand({ MaxResults: 10 })) }];
    const client = await loadClient();
    if (client) {
      const plain = client.createSsmClient({ region: REGION, endpoint: server.url, credentials: CREDENTIALS, validateResponses: false });
      const validating = client.createSsmClient({ region: REGION, endpoint: server.url, credentials: CREDENTIALS, validateResponses: true });
      contenders.push({ label: "ours", run: () => plain.listCommands({ MaxResults: 10 }) });
      contenders.push({ label: "ours+validation", run: () => validating.listCommands({ MaxResults: 10 }) });
    }
    const rates = await measureRates(contenders, { warmup: 200, rounds: options.rounds, perRound: options.perRound });
    sdk.destroy();
    const rate = (label: string): number | null => rates.find((r) => r.label === label)?.perSecond ?? null;
    const base = { group: "round trip", unit: "calls/s", theirs: rate("sdk")!, theirsLabel: "SDK v3 SSMClient", budget: { min: 2 }, ...(client ? {} : { note: missing("client") }) };
    return [
      { ...base, measure: "ListCommands, sequential", ours: rate("ours"), oursLabel: "client" },
      { ...base, measure: "ListCommands, validateResponses", ours: rate("ours+validation"), oursLabel: "client, validating" },
    ];
  } finally {
    await server.close();
  }
}
