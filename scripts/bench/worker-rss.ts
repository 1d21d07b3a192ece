/**
 * bench:worker-rss — a real worker process (scripts/worker.ts) runs many small runs
 * (contact trigger → filter) and its resident memory is printed as it goes: it should stay
 * flat (goal: < 300 MB after 100,000 runs).
 * Usage: npm run bench:worker-rss -- [runs=100000] [printEvery=10000] [concurrency=8]
 */
import { readFile } from "node:fs/promises";
import { spawnWorker } from "../../lib/worker/spawn-worker";
import { fmt, machine, startBenchDatabase } from "./common";

const runs = Number(process.argv[2] ?? 100_000);
const printEvery = Number(process.argv[3] ?? 10_000);
const concurrency = Number(process.argv[4] ?? 8);
const BACKLOG = 1_000;

process.env.LOG_LEVEL = "warn";
const database = await startBenchDatabase();
const { db, disconnectDb } = await import("../../lib/db/client");
const { createWorkflow, publishWorkflow } = await import("../../lib/db/workflows");
const { ingestEvent } = await import("../../lib/engine/ingest");
const { stopQueue } = await import("../../lib/engine/queue");

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

const worker = spawnWorker({ DATABASE_URL: database.url, BLOOMBRIDGE_DATA_DIR: process.env.BLOOMBRIDGE_DATA_DIR, WORKER_CONCURRENCY: String(concurrency), NODE_ENV: "production" });
try {
  const ref = (path: string) => ({ kind: "ref" as const, node: "trigger", path });
  const workflow = await createWorkflow({
    name: "rss bench",
    graph: {
      schemaVersion: 1,
      nodes: [
        { id: "trigger", kind: "trigger", label: "New contact", position: { x: 0, y: 0 }, triggerKey: "ghl.contact.created" },
        { id: "vip", kind: "filter", label: "Only VIPs", position: { x: 200, y: 0 }, condition: { all: [{ left: ref("tags"), op: "contains", right: { kind: "literal", value: "vip" } }] } },
      ],
      edges: [{ id: "e1", source: "trigger", target: "vip" }],
    },
  });
  await publishWorkflow(workflow.id);

  console.log(`bench:worker-rss — ${machine()}`);
  console.log(`${runs} runs of trigger → filter through a real worker process (concurrency ${concurrency}); RSS of that process`);
  const started = performance.now();
  let produced = 0;
  let nextPrint = 0;
  for (;;) {
    const finished = await db().run.count({ where: { status: { in: ["succeeded", "failed"] } } });
    while (finished >= nextPrint && nextPrint <= runs) {
      const at = (performance.now() - started) / 1000;
      console.log(`runs ${String(nextPrint).padStart(7)} · RSS ${fmt(await rssMb(worker.child.pid!))} MB · ${fmt(at)} s · ${fmt(finished / Math.max(at, 0.001))} runs/s`);
      nextPrint += printEvery;
    }
    if (finished >= runs) break;
    if (produced < runs && produced - finished < BACKLOG) {
      const batch = Math.min(200, runs - produced);
      await Promise.all(
        Array.from({ length: batch }, (_, k) => {
          const i = produced + k;
          return ingestEvent({ source: "ghl", delivery: "webhook", dedupeKey: `rss:${i}`, eventType: "ContactCreate", accountId: null, payload: { type: "ContactCreate", id: `c${i}`, tags: i % 2 ? ["vip"] : [] } });
        }),
      );
      produced += batch;
    } else {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const failed = await db().run.count({ where: { status: "failed" } });
  console.log(`done: ${runs} runs (${failed} failed) in ${fmt((performance.now() - started) / 1000)} s`);
} finally {
  await worker.stop();
  await stopQueue({ graceful: false }).catch(() => undefined);
  await disconnectDb();
  await database.stop();
}
