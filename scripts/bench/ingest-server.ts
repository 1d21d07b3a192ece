/**
 * bench:ingest's server: a node:http server in front of the real GHL webhook route handler
 * (app/api/hooks/ghl/route.ts POST), so the measured path is HTTP → verify → store + enqueue.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { POST } from "../../app/api/hooks/ghl/route";

const server = http.createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const response = await POST(
    new Request("http://localhost/api/hooks/ghl", { method: "POST", headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) }),
    { params: Promise.resolve({}) },
  );
  res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(`ready ${(server.address() as AddressInfo).port}`));
process.on("SIGTERM", () => process.exit(0));
