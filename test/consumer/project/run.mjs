// Runs the compiled examples against the endpoint given as the first argument; prints JSON.
import { failedCommands, windowStatus } from "./out/client.js";
import { commandIds } from "./out/fetch.js";
import { checks } from "./out/validate.js";
import { operations } from "./out/openapi.js";
import { summary } from "./out/types.js";

const endpoint = process.argv[2];
console.log(
  JSON.stringify({
    failedCommands: await failedCommands(endpoint),
    found: await windowStatus(endpoint, "14bea65d-5ccc-462d-a2f3-e99c8EXAMPLE"),
    missing: await windowStatus(endpoint, "00000000-0000-0000-0000-000000000000"),
    fetched: await commandIds(endpoint),
    checks: checks(),
    operations,
    summary: summary({ Commands: [{ CommandId: "c1", Status: "Failed" }] }),
  }),
);
