/**
 * A minimal SSM endpoint on 127.0.0.1 for the round-trip benchmark: it answers every
 * `AmazonSSM.ListCommands` request (AWS JSON 1.1) with one fixed page and does nothing else, so
 * the measurement is the client's cost, not the server's.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface WireServer {
  url: string;
  requests: () => number;
  close: () => Promise<void>;
}

export async function startWireServer(page: unknown): Promise<WireServer> {
  const body = Buffer.from(JSON.stringify(page));
  let count = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      count++;
      if (req.method !== "POST" || req.headers["x-amz-target"] !== "AmazonSSM.ListCommands") {
        res.writeHead(400, { "content-type": "application/x-amz-json-1.1" });
        res.end(JSON.stringify({ __type: "UnknownOperationException", Message: "bench server answers ListCommands only" }));
        return;
      }
      res.writeHead(200, {
        "content-type": "application/x-amz-json-1.1",
        "content-length": body.length,
        "x-amzn-requestid": "bench-0000",
      });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
