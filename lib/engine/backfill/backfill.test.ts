/**
 * Backfills end to end on both sandboxes: GHL contacts (with tasks and notes) → backfill job →
 * one event per contact → recipe 1's runs → Details Flowers clients. Pausing, resuming and a
 * page processed twice (a crash retry racing a live job) never make a second run or client.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createConnection } from "@/lib/db/connections";
import { createIsolatedDatabase } from "@/lib/db/test-database";
import { publishWorkflow } from "@/lib/db/workflows";
import { startDfSandbox, type DfSandbox } from "@/sandbox/details-flowers/server";
import { seedContacts } from "@/sandbox/ghl/bulk-seed";
import { startGhlSandbox, type GhlSandboxHandle } from "@/sandbox/ghl/server";
import { startQueue, stopQueue } from "../queue";
import { registerEngineJobs, stopEngineJobs } from "../run/jobs";
import { installTemplate } from "../templates/install";
import { cancelBackfill, pauseBackfill, resumeBackfill, startBackfill } from "./control";
import { resumeStalledBackfills, runBackfill } from "./job";
import { processPage } from "./page";
import { progressOf } from "./progress";
import { eventKeyPrefix } from "./scope";
import { getBackfill, insertBackfill, runCountsFor } from "./store";

let ghl: GhlSandboxHandle;
let df: DfSandbox;
let locationId: string;
let ghlConnectionId: string;
let workflowId: string;

const sharedDatabaseUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  // Its own database: this file runs a worker, which must not claim other test files' runs.
  process.env.DATABASE_URL = await createIsolatedDatabase("backfill");
  ghl = await startGhlSandbox({ port: 0, statePath: null });
  df = await startDfSandbox({ port: 0, statePath: null });
  process.env.GHL_API_BASE_URL = ghl.url;
  process.env.DF_API_BASE_URL = df.baseUrl;
  locationId = ghl.sandbox.store.data.locations[0].id;
  ghlConnectionId = (await createConnection({ provider: "ghl", kind: "pit", label: "GHL", credentials: { accessToken: ghl.sandbox.config.pit }, accountId: locationId })).id;
  const dfConnection = await createConnection({ provider: "details-flowers", kind: "client_credentials", label: "DF", credentials: { clientId: df.options.clientId, clientSecret: df.options.clientSecret } });
  await startQueue({ role: "worker" });
  await registerEngineJobs(4);
  const workflow = await installTemplate("contact-to-client", { connections: { ghl: ghlConnectionId, "details-flowers": dfConnection.id }, name: "Backfill target" });
  await publishWorkflow(workflow.id);
  workflowId = workflow.id;
}, 60_000);

afterAll(async () => {
  await stopEngineJobs(2_000);
  await stopQueue({ graceful: false });
  await ghl.close();
  await df.close();
  await disconnectDb();
  process.env.DATABASE_URL = sharedDatabaseUrl;
});

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Fresh contacts only: `since` excludes the sandbox's own seed data. */
function seed(count: number) {
  const since = new Date(Date.now() - 1000).toISOString();
  const contacts = seedContacts(ghl.sandbox, { locationId, count, tasksPerContact: 2, notesPerContact: 1 });
  return { since, ids: contacts.map((c) => c.id) };
}

async function settled(backfillId: string, expected: number) {
  await until("the backfill to succeed", async () => (await getBackfill(backfillId))?.status === "succeeded");
  return until("every run to end", async () => {
    const counts = await runCountsFor(backfillId);
    return counts.succeeded + counts.failed === expected && counts.queued + counts.running + counts.waiting === 0 ? counts : null;
  });
}

/** Each contact: exactly one backfill event, one run and one Details Flowers client. */
async function expectExactlyOnce(backfillId: string, ids: string[]) {
  const events = await db().triggerEvent.findMany({ where: { dedupeKey: { startsWith: eventKeyPrefix(backfillId) } }, include: { runs: true } });
  expect(events).toHaveLength(ids.length);
  expect(new Set(events.map((e) => e.subjectId))).toEqual(new Set(ids));
  expect(events.every((e) => e.runs.length === 1 && e.runs[0].workflowId === workflowId)).toBe(true);
  const clients = Object.values(df.sandbox.store.state.records.client).filter((c) => ids.includes(String(c.externalIds?.ghl)));
  expect(clients).toHaveLength(ids.length);
  expect(new Set(clients.map((c) => c.externalIds?.ghl)).size).toBe(ids.length);
}

describe("backfill", { timeout: 120_000 }, () => {
  it("brings every contact with its tasks and notes through the chosen workflow exactly once", async () => {
    const { since, ids } = seed(60);
    const started = await startBackfill({ workflowId, scope: { since, includeTasks: true, includeNotes: true, pageSize: 25 } });
    expect(started.connectionId).toBe(ghlConnectionId);
    const counts = await settled(started.id, 60);
    expect(counts.succeeded).toBe(60);
    const done = await getBackfill(started.id);
    expect(done).toMatchObject({ status: "succeeded", done: 60, failed: 0, total: 60 });
    expect(progressOf(done!)).toMatchObject({ percent: 100, etaSeconds: 0 });
    await expectExactlyOnce(started.id, ids);

    const event = await db().triggerEvent.findFirstOrThrow({ where: { dedupeKey: `${eventKeyPrefix(started.id)}${ids[0]}` } });
    const payload = event.payload as { id: string; tasks: { title: string }[]; notes: { body: string }[]; _bloombridge: { workflowId: string } };
    expect(payload.id).toBe(ids[0]);
    expect(payload.tasks.map((t) => t.title).sort()).toEqual(["Task 1 for Bulk0", "Task 2 for Bulk0"]);
    expect(payload.notes.map((n) => n.body)).toEqual(["Note 1: prefers peonies"]);
    expect(payload._bloombridge.workflowId).toBe(workflowId);
    expect(event.delivery).toBe("backfill");
  });

  it("pauses at a page boundary and resumes from the saved cursor without duplicates", async () => {
    const { since, ids } = seed(60);
    ghl.setFaults({ latencyMs: 40 });
    try {
      const started = await startBackfill({ workflowId, scope: { since, pageSize: 10, includeNotes: false } });
      await until("the first page", async () => ((await getBackfill(started.id))?.done ?? 0) >= 10);
      await pauseBackfill(started.id);
      // The page in flight is still saved; then the job stops.
      const paused = await until("the job to stop", async () => {
        const before = await getBackfill(started.id);
        await new Promise((r) => setTimeout(r, 600));
        const after = await getBackfill(started.id);
        return after?.done === before?.done ? after : null;
      });
      expect(paused.status).toBe("paused");
      expect(paused.done).toBeGreaterThanOrEqual(10);
      expect(paused.done).toBeLessThan(60);
      await expect(startBackfill({ workflowId, scope: { since } })).rejects.toThrow(/still paused/);

      await resumeBackfill(started.id);
      await settled(started.id, 60);
      expect(await getBackfill(started.id)).toMatchObject({ status: "succeeded", done: 60, total: 60 });
      await expectExactlyOnce(started.id, ids);
    } finally {
      ghl.clearFaults();
    }
  });

  it("a page processed twice (crash retry racing the live job) ingests each contact once", async () => {
    const { since, ids } = seed(30);
    const version = await db().workflow.findUniqueOrThrow({ where: { id: workflowId }, include: { publishedVersion: true } });
    const target = { id: workflowId, triggerKey: version.publishedVersion!.triggerKey };
    // Not enqueued: this test plays the worker itself.
    const row = await db().$transaction((tx) =>
      insertBackfill(tx, { workflowId, connectionId: ghlConnectionId, scope: { since, pageSize: 10, includeTasks: true, includeNotes: true, includeAppointments: false }, createdById: null }),
    );
    const outcomes = await Promise.all([processPage(row, target), processPage(row, target)]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["more", "stopped"]);
    expect((await getBackfill(row.id))?.done).toBe(10);
    // A retried job holding the stale row: the cursor moved, so it changes nothing.
    expect(await processPage(row, target)).toEqual({ kind: "stopped", reason: "superseded" });

    await runBackfill(row.id);
    // The worker's retry of the same job after the crash: the backfill already ended.
    await runBackfill(row.id);
    await settled(row.id, 30);
    expect(await getBackfill(row.id)).toMatchObject({ status: "succeeded", done: 30 });
    await expectExactlyOnce(row.id, ids);
  });

  it("hands a backfill whose job was lost for good a new job", async () => {
    const { since, ids } = seed(5);
    const row = await db().$transaction((tx) =>
      insertBackfill(tx, { workflowId, connectionId: ghlConnectionId, scope: { since, pageSize: 100, includeTasks: false, includeNotes: false, includeAppointments: false }, createdById: null }),
    );
    expect(await resumeStalledBackfills()).not.toContain(row.id);
    await db().$executeRaw`UPDATE backfills SET updated_at = now() - interval '1 hour' WHERE id = ${row.id}::uuid`;
    expect(await resumeStalledBackfills()).toContain(row.id);
    await settled(row.id, 5);
    await expectExactlyOnce(row.id, ids);
  });

  it("counts events not yet routed as queued runs, so an ended backfill is not 'all done' too early", async () => {
    const row = await db().$transaction((tx) =>
      insertBackfill(tx, { workflowId, connectionId: ghlConnectionId, scope: { pageSize: 100, includeTasks: false, includeNotes: false, includeAppointments: false }, createdById: null }),
    );
    // Stored as the backfill stores them, but with their routing still ahead (no trigger job).
    await db().triggerEvent.createMany({
      data: [1, 2, 3].map((i) => ({ source: "ghl", delivery: "backfill", dedupeKey: `${eventKeyPrefix(row.id)}unrouted-${i}`, eventType: "ghl.contact.created", accountId: locationId, payload: {} })),
    });
    expect(await runCountsFor(row.id)).toMatchObject({ queued: 3, succeeded: 0 });
    await db().triggerEvent.updateMany({ where: { dedupeKey: { startsWith: eventKeyPrefix(row.id) } }, data: { processedAt: new Date() } });
    expect((await runCountsFor(row.id)).queued).toBe(0);
    await cancelBackfill(row.id);
  });

  it("refuses what cannot work, with a reason", async () => {
    await expect(startBackfill({ workflowId: crypto.randomUUID(), scope: {} })).rejects.toThrow(/does not exist/);
    const { since } = seed(1);
    const started = await startBackfill({ workflowId, scope: { since } });
    await until("the backfill to end", async () => (await getBackfill(started.id))?.status === "succeeded");
    await expect(pauseBackfill(started.id)).rejects.toThrow(/only a running backfill/);
    await expect(resumeBackfill(started.id)).rejects.toThrow(/only a paused or failed/);
    await expect(cancelBackfill(started.id)).rejects.toThrow(/already ended/);
  });
});
