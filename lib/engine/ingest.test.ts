/**
 * Group-committed ingest that routes in the same statement, on a real PostgreSQL of its own
 * (one test installs a failing trigger on the runs table, which no other test file may meet).
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createConnection } from "@/lib/db/connections";
import { createIsolatedDatabase } from "@/lib/db/test-database";
import { createWorkflow, publishWorkflow, setEnabled } from "@/lib/db/workflows";
import { ingestEvent, type IncomingEvent } from "./ingest";
import { RUNS_CHANNEL } from "./run/lifecycle";
import { contactToWebhookGraph } from "./run/runs.test-helper";

const ACCOUNT = "loc-ingest-test";
let listening: string;
let boundWorkflow: string;

/** A published workflow on "contact created" that posts to a webhook, bound to `connectionId` if given. */
async function publishedOnContactCreated(connectionId?: string): Promise<string> {
  const workflow = await createWorkflow({ name: `ingest ${crypto.randomUUID().slice(0, 6)}`, graph: contactToWebhookGraph("https://example.com/hook", { connectionId }) });
  await publishWorkflow(workflow.id);
  return workflow.id;
}

beforeAll(async () => {
  process.env.DATABASE_URL = await createIsolatedDatabase("ingest");
  listening = await publishedOnContactCreated();
  const other = await createConnection({ provider: "ghl", kind: "pit", label: "Other location", credentials: { accessToken: "pit-other" }, accountId: "loc-other" });
  boundWorkflow = await publishedOnContactCreated(other.id);
});

afterAll(async () => {
  await disconnectDb();
});

const event = (dedupeKey: string, payload: unknown = { type: "ContactCreate", id: dedupeKey }, accountId = ACCOUNT): IncomingEvent => ({
  source: "ghl",
  delivery: "webhook",
  dedupeKey,
  eventType: "ContactCreate",
  accountId,
  payload,
  subject: { id: dedupeKey, email: "Ana@Example.com" },
});

const keys = (n: number) => Array.from({ length: n }, () => `ingest-${crypto.randomUUID()}`);

async function storedFor(dedupeKeys: string[]) {
  return db().$queryRaw<{ id: string; dedupe_key: string; tx: string; subject_email: string; routed: boolean }[]>`
    SELECT id::text, dedupe_key, xmin::text AS tx, subject_email, processed_at IS NOT NULL AS routed FROM trigger_events WHERE dedupe_key = ANY(${dedupeKeys})`;
}

async function runsOf(eventIds: string[]) {
  return db().$queryRaw<{ id: string; event_id: string; workflow_id: string; status: string; due: boolean; tx: string; subject_email: string }[]>`
    SELECT id::text, event_id::text, workflow_id::text, status::text, due_at <= now() AS due, xmin::text AS tx, subject_email FROM runs WHERE event_id::text = ANY(${eventIds})`;
}

describe("ingestEvent (group commit)", () => {
  it("stores concurrent events and their runs in one transaction, each event with its own id", async () => {
    const batch = keys(40);
    const results = await Promise.all(batch.map((key) => ingestEvent(event(key))));
    expect(results.every((r) => !r.duplicate)).toBe(true);
    expect(new Set(results.map((r) => r.eventId)).size).toBe(40);
    const rows = await storedFor(batch);
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r.tx)).size).toBe(1);
    expect(rows.every((r) => r.subject_email === "ana@example.com")).toBe(true);
    expect(rows.every((r) => r.routed)).toBe(true);
    expect(Object.fromEntries(rows.map((r) => [r.dedupe_key, r.id]))).toEqual(Object.fromEntries(batch.map((key, i) => [key, results[i].eventId])));
    const runs = await runsOf(results.map((r) => r.eventId));
    expect(runs).toHaveLength(40);
    expect(runs.every((r) => r.workflow_id === listening && r.status === "queued" && r.due && r.tx === rows[0].tx && r.subject_email === "ana@example.com")).toBe(true);
    expect(results.map((r) => r.runIds)).toEqual(results.map((r) => runs.filter((run) => run.event_id === r.eventId).map((run) => run.id)));
  });

  it("stores a key delivered twice in one batch once, and a later redelivery is a no-op", async () => {
    const [a, b] = keys(2);
    const [first, second, other] = await Promise.all([ingestEvent(event(a)), ingestEvent(event(a)), ingestEvent(event(b))]);
    expect(first).toEqual({ eventId: first.eventId, duplicate: false, runIds: [expect.any(String)] });
    expect(second).toEqual({ eventId: first.eventId, duplicate: true, runIds: [] });
    expect(other.duplicate).toBe(false);

    const later = await Promise.all([ingestEvent(event(a)), ingestEvent(event(b))]);
    expect(later).toEqual([{ eventId: first.eventId, duplicate: true, runIds: [] }, { eventId: other.eventId, duplicate: true, runIds: [] }]);
    expect(await storedFor([a, b])).toHaveLength(2);
    expect(await runsOf([first.eventId, other.eventId])).toHaveLength(2);
  });

  it("fails only the delivery the database refuses, not the rest of its batch", async () => {
    const [good1, poison, good2] = keys(3);
    // PostgreSQL's jsonb refuses \u0000 in strings.
    const settled = await Promise.allSettled([ingestEvent(event(good1)), ingestEvent(event(poison, { note: "nul \u0000 byte" })), ingestEvent(event(good2))]);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((await storedFor([good1, poison, good2])).map((r) => r.dedupe_key).sort()).toEqual([good1, good2].sort());
  });

  it("rejects every delivery of a batch whose transaction fails, and keeps none of its rows", async () => {
    await db().$executeRawUnsafe(`CREATE FUNCTION refuse_runs() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'runs table unavailable'; END $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER refuse_runs BEFORE INSERT ON runs FOR EACH ROW EXECUTE FUNCTION refuse_runs()`);
    try {
      const batch = keys(10);
      const settled = await Promise.allSettled(batch.map((key) => ingestEvent(event(key))));
      expect(settled.every((s) => s.status === "rejected" && String(s.reason).includes("runs table unavailable"))).toBe(true);
      expect(await storedFor(batch)).toHaveLength(0);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER refuse_runs ON runs`);
      await db().$executeRawUnsafe(`DROP FUNCTION refuse_runs()`);
    }
    const after = keys(1);
    await ingestEvent(event(after[0]));
    expect(await storedFor(after)).toHaveLength(1);
  });

  it("routes to a trigger bound to a connection only that connection's account, and a manual event only to its workflow", async () => {
    const [mine, theirs, manual] = keys(3);
    const [fromMine, fromTheirs] = await Promise.all([ingestEvent(event(mine)), ingestEvent(event(theirs, undefined, "loc-other"))]);
    expect((await runsOf([fromMine.eventId])).map((r) => r.workflow_id)).toEqual([listening]);
    expect((await runsOf([fromTheirs.eventId])).map((r) => r.workflow_id).sort()).toEqual([listening, boundWorkflow].sort());
    const aimed = await ingestEvent({ ...event(manual, { type: "ContactCreate", id: manual, _bloombridge: { workflowId: boundWorkflow } }, "loc-other"), delivery: "manual", eventType: "ghl.contact.created" });
    expect((await runsOf([aimed.eventId])).map((r) => r.workflow_id)).toEqual([boundWorkflow]);
  });

  it("gives a task event that names only its contact the contact's email and name from an earlier event", async () => {
    const tasks = await createWorkflow({ name: "tasks", graph: contactToWebhookGraph("https://example.com/hook", { triggerKey: "ghl.task.created" }) });
    await publishWorkflow(tasks.id);
    const contactId = `contact-${crypto.randomUUID()}`;
    const task = (dedupeKey: string): IncomingEvent => ({ ...event(dedupeKey, { type: "TaskCreate", id: dedupeKey, contactId }), eventType: "TaskCreate", subject: { id: contactId } });
    const before = await ingestEvent(task(keys(1)[0]));
    await ingestEvent({ ...event(keys(1)[0]), subject: { id: contactId, email: "Ivy@Example.com", name: "Ivy Green" } });
    const after = await ingestEvent(task(keys(1)[0]));
    const subjects = await db().$queryRaw<{ id: string; subject_email: string | null; subject_name: string | null }[]>`
      SELECT id::text, subject_email, subject_name FROM runs WHERE id::text = ANY(${[...before.runIds, ...after.runIds]})`;
    expect(subjects.find((r) => r.id === before.runIds[0])).toMatchObject({ subject_email: null, subject_name: null });
    expect(subjects.find((r) => r.id === after.runIds[0])).toMatchObject({ subject_email: "ivy@example.com", subject_name: "Ivy Green" });
    expect((await db().triggerEvent.findUniqueOrThrow({ where: { id: after.eventId } })).subjectEmail).toBe("ivy@example.com");
  });

  it("starts no run for a paused workflow, and the event is still stored", async () => {
    await setEnabled(boundWorkflow, false, "test");
    try {
      const [key] = keys(1);
      const result = await ingestEvent(event(key, undefined, "loc-other"));
      expect((await runsOf([result.eventId])).map((r) => r.workflow_id)).toEqual([listening]);
      expect(await storedFor([key])).toHaveLength(1);
    } finally {
      await setEnabled(boundWorkflow, true);
    }
  });

  it("wakes listening workers when its runs commit", async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    try {
      await listener.query(`LISTEN ${RUNS_CHANNEL}`);
      const woken = new Promise<string>((resolve) => listener.once("notification", (n) => resolve(n.channel)));
      await ingestEvent(event(keys(1)[0]));
      expect(await woken).toBe(RUNS_CHANNEL);
    } finally {
      await listener.end();
    }
  });
});
