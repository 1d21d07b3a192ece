/**
 * The loopback "API" every system under comparison calls: answers 200 to any request and
 * records when each call arrived (wall clock with sub-millisecond precision, comparable across
 * processes), keyed by the `id` field of its JSON body. `GET /stats` returns and clears them.
 * Prints `ready <port>`.
 */
import http from "node:http";

const now = () => performance.timeOrigin + performance.now();
let arrivals: [string, number][] = [];
let requests = 0;

const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/stats") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ requests, arrivals }));
    arrivals = [];
    requests = 0;
    return;
  }
  const at = now();
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    requests++;
    try {
      const id = (JSON.parse(Buffer.concat(chunks).toString()) as { id?: unknown }).id;
      if (typeof id === "string") arrivals.push([id, at]);
    } catch {
      // not JSON: counted, not recorded
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ok":true}');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.MOCK_PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  console.log(`ready ${typeof address === "object" && address ? address.port : 0}`);
});
