/**
 * bench:ingest — signed GHL webhooks per second accepted durably, with p50/p95/p99 latency.
 * Open loop: requests leave on a fixed schedule whatever the server does, and latency counts
 * from the scheduled time, so a stalled server cannot hide its queueing.
 * Usage: npm run bench:ingest -- [rate=1000] [seconds=10]  (BENCH_CPU_PROF=<dir> profiles the server)
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import { DEV_WEBHOOK_PUBLIC_KEY_PEM } from "../../sandbox/ghl/dev-webhook-key";
import { signBody } from "../../sandbox/ghl/webhooks";
import { cpuSecondsOfTree, fmt, machine, percentile, postmasterPid, startBenchDatabase, startChild } from "./common";

const rate = Number(process.argv[2] ?? 1000);
const seconds = Number(process.argv[3] ?? 10);

const database = await startBenchDatabase();
// BENCH_CPU_PROF=<dir>: write the server's CPU profile there (open it in Chrome DevTools).
const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
const server = await startChild("scripts/bench/ingest-server.ts", { DATABASE_URL: database.url, GHL_WEBHOOK_PUBLIC_KEY: DEV_WEBHOOK_PUBLIC_KEY_PEM, NODE_ENV: "production" }, profile);
const port = Number(server.line.split(" ")[1]);
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

function signedDelivery(i: number) {
  const body = JSON.stringify({
    type: "ContactCreate",
    locationId: "bench-location",
    webhookId: randomUUID(),
    timestamp: new Date().toISOString(),
    id: `bench-contact-${i}`,
    firstName: "Bench",
    lastName: `Contact ${i}`,
    email: `bench.${i}@example.com`,
  });
  return { body, signature: signBody(body) };
}

function post(delivery: { body: string; signature: string }): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: "/api/hooks/ghl", method: "POST", agent, headers: { "content-type": "application/json", "x-ghl-signature": delivery.signature, "content-length": Buffer.byteLength(delivery.body) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", () => resolve(0));
    req.end(delivery.body);
  });
}

/** Fires `count` deliveries at `perSecond`; returns latencies (ms) of 2xx answers and the error count. */
async function fire(count: number, perSecond: number, offset: number) {
  const deliveries = Array.from({ length: count }, (_, i) => signedDelivery(offset + i));
  const latencies: number[] = [];
  let errors = 0;
  const statuses = new Map<number, number>();
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(post(deliveries[i]).then((status) => {
      if (status >= 200 && status < 300) latencies.push(performance.now() - due);
      else errors++;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }));
  }
  await Promise.all(pending);
  return { latencies, errors, statuses: Object.fromEntries(statuses), elapsedS: (performance.now() - start) / 1000 };
}

try {
  const warm = await fire(500, 200, 0); // warm-up: JIT, connection pools, keep-alive sockets
  if (warm.errors) console.log(`warm-up answers by status (0 = connection error): ${JSON.stringify(warm.statuses)}`);
  const cpu = () => ({ server: cpuSecondsOfTree(server.child.pid ?? 0), postgres: cpuSecondsOfTree(postmasterPid(database.dataDir)) });
  const cpuBefore = cpu();
  const { latencies, errors, statuses, elapsedS } = await fire(rate * seconds, rate, 1_000);
  const cpuAfter = cpu();
  latencies.sort((a, b) => a - b);
  const { Client } = (await import("pg")).default;
  const client = new Client({ connectionString: database.url });
  await client.connect();
  const stored = Number((await client.query("SELECT count(*) FROM trigger_events")).rows[0].count) - 500;
  await client.end();
  console.log(`bench:ingest — ${machine()}`);
  console.log("path: node:http server (child process) → app/api/hooks/ghl/route.ts POST → Ed25519 verify → ingestEvent (event row + the runs of matching workflows, one statement); not the Next server");
  console.log(`target ${rate} req/s for ${seconds} s (open loop, keep-alive, latency from scheduled send time)`);
  console.log(`sent ${rate * seconds} · accepted ${latencies.length} · errors ${errors} ${JSON.stringify(statuses)} · stored events ${stored}`);
  const perRequest = (s: number) => fmt((s * 1000) / (rate * seconds), 2);
  console.log(`CPU per delivery: server ${perRequest(cpuAfter.server - cpuBefore.server)} ms · PostgreSQL ${perRequest(cpuAfter.postgres - cpuBefore.postgres)} ms`);
  console.log(`accepted/s ${fmt(latencies.length / elapsedS)} · p50 ${fmt(percentile(latencies, 50))} ms · p95 ${fmt(percentile(latencies, 95))} ms · p99 ${fmt(percentile(latencies, 99))} ms · max ${fmt(latencies.at(-1) ?? NaN)} ms`);
} finally {
  agent.destroy();
  // The server must be gone before its database is, or its pool reports the shutdown as an error.
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.stop();
  await exited;
  await database.stop();
}
