/**
 * Client round trip: sequential ListCommands calls per second against a 127.0.0.1 SSM endpoint
 * (wire-server.ts), each call signed, sent, answered and parsed. This package's client with and
 * without response validation against the AWS SDK v3 SSMClient, interleaved in rounds.
 */
import { Agent, request } from "node:http";
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
    // Both sides retry as they do by default (the SDK's standard mode, 3 attempts; the client's the same).
    const sdk = new SSMClient({ region: REGION, endpoint: server.url, credentials: CREDENTIALS });
    const contenders: Contender[] = [{ label: "sdk", run: () => sdk.send(new ListCommandsCommand({ MaxResults: 10 })) }];
    // Floors, to read the figures by: the same exchange unsigned, through fetch() (what a
    // fetch-based client is built on) and through node:http (what the SDK's Node handler uses).
    const headers = { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.ListCommands" };
    const body = JSON.stringify({ MaxResults: 10 });
    const agent = new Agent({ keepAlive: true });
    contenders.push({
      label: "fetch",
      run: async () => (await fetch(server.url, { method: "POST", headers, body })).json(),
    });
    contenders.push({
      label: "node:http",
      run: () =>
        new Promise<unknown>((resolve, reject) => {
          const req = request(server.url, { method: "POST", headers, agent }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
          });
          req.on("error", reject);
          req.end(body);
        }),
    });
    const client = await loadClient();
    if (client) {
      const plain = client.createSsmClient({ region: REGION, endpoint: server.url, credentials: CREDENTIALS, validateResponses: false });
      const validating = client.createSsmClient({ region: REGION, endpoint: server.url, credentials: CREDENTIALS, validateResponses: true });
      contenders.push({ label: "ours", run: () => plain.listCommands({ MaxResults: 10 }) });
      contenders.push({ label: "ours+validation", run: () => validating.listCommands({ MaxResults: 10 }) });
    }
    const rates = await measureRates(contenders, { warmup: 200, rounds: options.rounds, perRound: options.perRound });
    sdk.destroy();
    agent.destroy();
    const rate = (label: string): number | null => rates.find((r) => r.label === label)?.perSecond ?? null;
    const base: Omit<Row, "measure" | "ours" | "oursLabel" | "budget"> & { budget: Row["budget"] } = { group: "round trip", unit: "calls/s", theirs: rate("sdk")!, theirsLabel: "SDK v3 SSMClient", budget: { min: 3 }, ...(client ? {} : { note: missing("client") }) };
    return [
      { ...base, measure: "ListCommands, sequential", ours: rate("ours"), oursLabel: "client" },
      { ...base, budget: { min: 2.5 }, measure: "ListCommands, validateResponses", ours: rate("ours+validation"), oursLabel: "client, validating" },
      { ...base, budget: undefined, measure: "floor: same call unsigned via fetch()", ours: rate("fetch"), oursLabel: "fetch(), no client" },
      { ...base, budget: undefined, measure: "floor: same call unsigned via node:http", ours: rate("node:http"), oursLabel: "node:http, no client" },
    ].map(({ budget, ...row }) => (budget ? { ...row, budget } : row));
  } finally {
    await server.close();
  }
}
