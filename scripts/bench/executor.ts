/**
 * bench:executor — runs per second of recipe 1 (GHL contact → DF client upsert) and the
 * engine's CPU time per step. The DF sandbox runs in a child process with no latency, so
 * this process's CPU (process.cpuUsage) is the worker's: routing, claiming, mapping, the
 * rate governor, the HTTP call and checkpointing. PostgreSQL's CPU is not included.
 * Usage: npm run bench:executor -- [runs=2000] [concurrency=8]
 * BENCH_CPU_PROFILE=<file.cpuprofile> writes a V8 CPU profile of the measured window only.
 */
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { fmt, machine, startBenchDatabase, startChild, until } from "./common";

const runs = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 8);

process.env.BLOOMBRIDGE_ROLE = "worker";
process.env.LOG_LEVEL = "warn";
process.env.DF_RATE_LIMIT = "1000000000/10000";
const database = await startBenchDatabase();
const sandbox = await startChild("scripts/bench/df-sandbox.ts", {});
const [, baseUrl, clientId, clientSecret] = sandbox.line.split(" ");
process.env.DF_API_BASE_URL = baseUrl;

// Imported after the environment is set: these modules read it when loaded.
const { db, disconnectDb } = await import("../../lib/db/client");
const { createConnection } = await import("../../lib/db/connections");
const { publishWorkflow } = await import("../../lib/db/workflows");
const { ingestEvent } = await import("../../lib/engine/ingest");
const { startQueue, stopQueue } = await import("../../lib/engine/queue");
const { registerEngineJobs } = await import("../../lib/engine/run/jobs");
const { installTemplate } = await import("../../lib/engine/templates/install");

try {
  const ghl = await createConnection({ provider: "ghl", kind: "pit", label: "GHL", credentials: { accessToken: "pit-sandbox-token" }, accountId: "bench-location" });
  const df = await createConnection({ provider: "details-flowers", kind: "client_credentials", label: "DF", credentials: { clientId, clientSecret } });
  const workflow = await installTemplate("contact-to-client", { connections: { ghl: ghl.id, "details-flowers": df.id } });
  await publishWorkflow(workflow.id);
  await startQueue({ role: "worker" });
  // Events first, so the measured window holds only the worker's own work.
  for (let i = 0; i < runs; i++) {
    const contact = { id: `bench-contact-${i}`, firstName: "Bench", lastName: `Contact ${i}`, email: `bench.${i}@example.com`, tags: ["bench"] };
    await ingestEvent({ source: "ghl", delivery: "webhook", dedupeKey: `bench:${i}`, eventType: "ContactCreate", accountId: "bench-location", payload: { type: "ContactCreate", locationId: "bench-location", ...contact } });
  }

  const profiler = process.env.BENCH_CPU_PROFILE ? new Session() : undefined;
  if (profiler) {
    profiler.connect();
    await profiler.post("Profiler.enable");
    await profiler.post("Profiler.start");
  }
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await registerEngineJobs(concurrency);
  await until("every run to finish", async () => (await db().run.count({ where: { status: { in: ["succeeded", "failed"] } } })) >= runs, 30 * 60_000, 250);
  const wallS = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  if (profiler) {
    const { profile } = await profiler.post("Profiler.stop");
    await writeFile(process.env.BENCH_CPU_PROFILE!, JSON.stringify(profile));
    profiler.disconnect();
  }
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const succeeded = await db().run.count({ where: { status: "succeeded" } });
  const steps = await db().stepRun.count();
  const failed = await db().run.findFirst({ where: { status: "failed" }, select: { error: true } });
  if (failed) console.log(`first failure: ${JSON.stringify(failed.error)}`);

  console.log(`bench:executor — ${machine()}`);
  console.log(`recipe 1 × ${runs} runs, worker concurrency ${concurrency}, DF sandbox in a child process with latency 0`);
  console.log(`succeeded ${succeeded}/${runs} · wall ${fmt(wallS)} s · ${fmt(runs / wallS)} runs/s`);
  console.log(`engine CPU ${fmt(cpuMs, 0)} ms (user ${fmt(cpu.user / 1000, 0)}, system ${fmt(cpu.system / 1000, 0)}) · ${steps} steps · ${fmt(cpuMs / steps, 2)} ms CPU per step · ${fmt(cpuMs / runs, 2)} ms CPU per run (incl. routing the event)`);
} finally {
  await stopQueue({ graceful: false }).catch(() => undefined);
  await disconnectDb();
  sandbox.stop();
  await database.stop();
}
