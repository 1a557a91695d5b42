import { ListCommandsCommand, SSMClient } from "@aws-sdk/client-ssm";
import { listCommandsPage } from "./scripts/bench/fixtures.js";
import { startWireServer } from "./scripts/bench/wire-server.js";
import { createSsmClient } from "./src/index.js";
const server = await startWireServer(listCommandsPage());
const creds = { accessKeyId: "AKIDBENCHEXAMPLE", secretAccessKey: "bench/secret/EXAMPLEKEY" };
const ours = createSsmClient({ region: "us-east-1", endpoint: server.url, credentials: creds });
const sdk = new SSMClient({ region: "us-east-1", endpoint: server.url, credentials: creds });
const which = process.argv[2] ?? "both";
async function rate(label: string, run: () => Promise<unknown>, n = 3000) {
  for (let i = 0; i < 300; i++) await run();
  const t = performance.now();
  for (let i = 0; i < n; i++) await run();
  const per = (performance.now() - t) / n;
  console.log(label, (1000 / per).toFixed(0), "calls/s", (per * 1000).toFixed(0), "µs/call");
}
for (let r = 0; r < 2; r++) {
  if (which !== "ours") await rate("sdk ", () => sdk.send(new ListCommandsCommand({ MaxResults: 10 })), 1500);
  if (which !== "sdk") await rate("ours", () => ours.listCommands({ MaxResults: 10 }));
}
sdk.destroy();
await server.close();
