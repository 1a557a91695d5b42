import { listCommandsResponse } from "./scripts/bench/fixtures.js";
import * as ssm from "./generated/validators/ssm.js";
const parsed = JSON.parse(JSON.stringify(listCommandsResponse(50)));
for (let i = 0; i < 40000; i++) (ssm as any).ListCommandsResponse(parsed);
