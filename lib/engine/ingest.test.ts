/**
 * Group-committed ingest on a real PostgreSQL of its own (one test installs a failing trigger
 * on the job table, which no other test file may meet).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createIsolatedDatabase } from "@/lib/db/test-database";
import { ingestEvent, type IncomingEvent } from "./ingest";
import { QUEUES, send, startQueue, stopQueue } from "./queue";

beforeAll(async () => {
  process.env.DATABASE_URL = await createIsolatedDatabase("ingest");
  await startQueue({ role: "web" });
});

afterAll(async () => {
  await stopQueue({ graceful: false });
  await disconnectDb();
});

const event = (dedupeKey: string, payload: unknown = { type: "ContactCreate", id: dedupeKey }): IncomingEvent => ({
  source: "ghl",
  delivery: "webhook",
  dedupeKey,
  eventType: "ContactCreate",
  accountId: "loc-ingest-test",
  payload,
  subject: { id: dedupeKey, email: "Ana@Example.com" },
});

const keys = (n: number) => Array.from({ length: n }, () => `ingest-${crypto.randomUUID()}`);

async function storedFor(dedupeKeys: string[]) {
  return db().$queryRaw<{ id: string; dedupe_key: string; tx: string; subject_email: string }[]>`
    SELECT id::text, dedupe_key, xmin::text AS tx, subject_email FROM trigger_events WHERE dedupe_key = ANY(${dedupeKeys})`;
}

async function jobCount(eventIds: string[]) {
  const rows = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'trigger-event' AND data->>'eventId' = ANY(${eventIds}) AND retry_limit = 5 AND retry_backoff`;
  return rows[0].n;
}

describe("ingestEvent (group commit)", () => {
  it("stores concurrent events in one transaction, each with its own id and one trigger job", async () => {
    const batch = keys(40);
    const results = await Promise.all(batch.map((key) => ingestEvent(event(key))));
    expect(results.every((r) => !r.duplicate)).toBe(true);
    expect(new Set(results.map((r) => r.eventId)).size).toBe(40);
    const rows = await storedFor(batch);
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r.tx)).size).toBe(1);
    expect(rows.every((r) => r.subject_email === "ana@example.com")).toBe(true);
    expect(Object.fromEntries(rows.map((r) => [r.dedupe_key, r.id]))).toEqual(Object.fromEntries(batch.map((key, i) => [key, results[i].eventId])));
    expect(await jobCount(results.map((r) => r.eventId))).toBe(40);
  });

  it("stores a key delivered twice in one batch once, and a later redelivery is a no-op", async () => {
    const [a, b] = keys(2);
    const [first, second, other] = await Promise.all([ingestEvent(event(a)), ingestEvent(event(a)), ingestEvent(event(b))]);
    expect(first).toEqual({ eventId: first.eventId, duplicate: false });
    expect(second).toEqual({ eventId: first.eventId, duplicate: true });
    expect(other.duplicate).toBe(false);

    const later = await Promise.all([ingestEvent(event(a)), ingestEvent(event(b))]);
    expect(later).toEqual([{ eventId: first.eventId, duplicate: true }, { eventId: other.eventId, duplicate: true }]);
    expect(await storedFor([a, b])).toHaveLength(2);
    expect(await jobCount([first.eventId, other.eventId])).toBe(2);
  });

  it("fails only the delivery the database refuses, not the rest of its batch", async () => {
    const [good1, poison, good2] = keys(3);
    // PostgreSQL's jsonb refuses \u0000 in strings.
    const settled = await Promise.allSettled([ingestEvent(event(good1)), ingestEvent(event(poison, { note: "nul \u0000 byte" })), ingestEvent(event(good2))]);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((await storedFor([good1, poison, good2])).map((r) => r.dedupe_key).sort()).toEqual([good1, good2].sort());
  });

  it("rejects every delivery of a batch whose transaction fails, and keeps none of its rows", async () => {
    await db().$executeRawUnsafe(`CREATE FUNCTION pgboss.refuse_jobs() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'job table unavailable'; END $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER refuse_jobs BEFORE INSERT ON pgboss.job FOR EACH ROW EXECUTE FUNCTION pgboss.refuse_jobs()`);
    try {
      const batch = keys(10);
      const settled = await Promise.allSettled(batch.map((key) => ingestEvent(event(key))));
      expect(settled.every((s) => s.status === "rejected" && String(s.reason).includes("job table unavailable"))).toBe(true);
      expect(await storedFor(batch)).toHaveLength(0);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER refuse_jobs ON pgboss.job`);
      await db().$executeRawUnsafe(`DROP FUNCTION pgboss.refuse_jobs()`);
    }
    const after = keys(1);
    await ingestEvent(event(after[0]));
    expect(await storedFor(after)).toHaveLength(1);
  });

  it("writes trigger jobs exactly as pg-boss's own send() would for the same options", async () => {
    const [key] = keys(1);
    const { eventId } = await ingestEvent(event(key));
    const viaBoss = await send(QUEUES.trigger, { eventId: "compare" }, { retryLimit: 5, retryBackoff: true });
    const columns = `name, priority, state::text, retry_limit, retry_count, retry_delay, retry_backoff, expire_in::text, singleton_key, singleton_on, dead_letter, policy,
      date_trunc('minute', keep_until - created_on)::text AS kept_for, start_after - created_on < interval '1 second' AS starts_now`;
    const ours = await db().$queryRawUnsafe<unknown[]>(`SELECT ${columns} FROM pgboss.job WHERE data->>'eventId' = $1`, eventId);
    const theirs = await db().$queryRawUnsafe<unknown[]>(`SELECT ${columns} FROM pgboss.job WHERE id = $1::uuid`, viaBoss);
    expect(ours).toHaveLength(1);
    expect(ours).toEqual(theirs);
  });
});
