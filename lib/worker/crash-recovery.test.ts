/**
 * Crash recovery with real processes: a worker is SIGKILLed while 200 runs of recipe 1 are
 * in flight against a slow Details Flowers sandbox; a second worker must finish every run,
 * with no duplicate client and no run left running, queued or waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, db, disconnectDb } from "@/lib/db/client";
import { createIsolatedDatabase } from "@/lib/db/test-database";
import { createConnection } from "@/lib/db/connections";
import { publishWorkflow } from "@/lib/db/workflows";
import { ingestEvent } from "@/lib/engine/ingest";
import { stopQueue } from "@/lib/engine/queue";
import { installTemplate } from "@/lib/engine/templates/install";
import { startDfSandbox, type DfSandbox } from "@/sandbox/details-flowers/server";
import { spawnWorker, type WorkerProcess } from "./spawn-worker";

const RUNS = 200;
let df: DfSandbox;
let workflowId: string;
let accountId: string;
const workers: WorkerProcess[] = [];
const sharedDatabaseUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  // Its own database: the workers of other test files must not pick up (or sweep) these runs.
  process.env.DATABASE_URL = await createIsolatedDatabase("crash");
  df = await startDfSandbox({ port: 0, statePath: null, seed: false, rateLimit: 100_000, latencyMs: 400 });
  accountId = `crash-${crypto.randomUUID().slice(0, 8)}`;
  const ghl = await createConnection({ provider: "ghl", kind: "pit", label: "GHL crash", credentials: { accessToken: "pit-sandbox-token" }, accountId });
  const dfConnection = await createConnection({ provider: "details-flowers", kind: "client_credentials", label: "DF crash", credentials: { clientId: df.options.clientId, clientSecret: df.options.clientSecret } });
  const workflow = await installTemplate("contact-to-client", { connections: { ghl: ghl.id, "details-flowers": dfConnection.id }, name: `crash ${accountId}` });
  await publishWorkflow(workflow.id);
  // Many runs in flight at the kill: lift the per-workflow concurrency limit (default 10) and
  // the DF connection's requests at once (default 4; its 400 ms calls would pace the test).
  await db().workflow.update({ where: { id: workflow.id }, data: { maxConcurrentRuns: 100 } });
  await db().connection.update({ where: { id: dfConnection.id }, data: { maxConcurrentRequests: 50 } });
  workflowId = workflow.id;
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill()));
  await db().workflow.update({ where: { id: workflowId }, data: { enabled: false } }).catch(() => undefined);
  await stopQueue({ graceful: false });
  await df.close();
  await disconnectDb();
  process.env.DATABASE_URL = sharedDatabaseUrl;
});

function startWorker(): WorkerProcess {
  const worker = spawnWorker({
    DATABASE_URL: databaseUrl(),
    DF_API_BASE_URL: df.baseUrl,
    DF_RATE_LIMIT: "100000/10000",
    WORKER_CONCURRENCY: "25",
    BLOOMBRIDGE_LEASE_MS: "3000",
    BLOOMBRIDGE_SWEEP_INTERVAL_MS: "1000",
  });
  workers.push(worker);
  return worker;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const countByStatus = async () => {
  const groups = await db().run.groupBy({ by: ["status"], where: { workflowId }, _count: true });
  return Object.fromEntries(groups.map((g) => [g.status, g._count])) as Record<string, number>;
};

describe("crash recovery", () => {
  it("finishes all 200 in-flight runs exactly once after a worker is SIGKILLed", async () => {
    const t0 = Date.now();
    const first = startWorker();
    const contacts = Array.from({ length: RUNS }, (_, i) => ({ id: `crash-contact-${accountId}-${i}`, firstName: "Crash", lastName: `Test ${i}`, email: `crash.${i}.${accountId}@example.com` }));
    for (const contact of contacts) {
      await ingestEvent({ source: "ghl", delivery: "webhook", dedupeKey: `${accountId}:${contact.id}`, eventType: "ContactCreate", accountId, payload: { type: "ContactCreate", locationId: accountId, ...contact } });
    }

    // Kill while a good share of the runs are mid-flight (claimed, their DF call outstanding).
    const atKill = await until("runs in flight", async () => {
      const counts = await countByStatus();
      return (counts.running ?? 0) >= 15 && counts;
    });
    await first.kill();
    const killedAt = Date.now();
    expect(atKill.succeeded ?? 0, "the first worker must not have finished everything before the kill").toBeLessThan(RUNS);

    startWorker();
    const final = await until("every run terminal", async () => {
      const counts = await countByStatus();
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      return total === RUNS && !counts.running && !counts.queued && !counts.waiting && counts;
      // Generous: this waits for recovery to finish, it does not time it (the log line does).
    }, 240_000);
    console.info(`crash recovery: killed at ${killedAt - t0} ms with ${JSON.stringify(atKill)}; all terminal ${Date.now() - killedAt} ms later`);
    expect(final).toEqual({ succeeded: RUNS });

    // Zero duplicates in Details Flowers: one client per contact, matched by GHL id and by email.
    const clients = Object.values(df.sandbox.store.state.records.client);
    expect(clients).toHaveLength(RUNS);
    expect(new Set(clients.map((c) => c.externalIds?.ghl)).size).toBe(RUNS);
    expect(new Set(clients.map((c) => c.email)).size).toBe(RUNS);
    expect(clients.map((c) => c.externalIds?.ghl).sort()).toEqual(contacts.map((c) => c.id).sort());

    // Each run checkpointed its one step exactly once.
    const runs = await db().run.findMany({ where: { workflowId }, include: { steps: true } });
    expect(runs).toHaveLength(RUNS);
    for (const run of runs) {
      expect(run.steps.map((s) => [s.stepKey, s.status])).toEqual([["upsertClient", "succeeded"]]);
    }
  }, 330_000);
});
