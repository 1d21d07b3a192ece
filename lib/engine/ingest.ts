/**
 * The one door every trigger event comes through (signed webhooks, polling, manual tests):
 * the event is stored and its trigger job enqueued in ONE transaction, and a redelivered
 * event (same source + dedupe key) is a no-op — so nothing is lost and nothing runs twice.
 */
import { randomUUID } from "node:crypto";
import { pgPool } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { groupCommit } from "./group-commit";
import { QUEUES, startQueue } from "./queue";

export type IncomingEvent = {
  source: string;
  delivery: "webhook" | "polling" | "manual" | "schedule" | "backfill";
  dedupeKey: string;
  eventType: string;
  accountId: string | null;
  payload: unknown;
  subject?: { id?: string; email?: string; name?: string };
};

export type IngestResult = { eventId: string; duplicate: boolean };

export type TriggerJob = { eventId: string };

/** Deliveries that arrive while a batch commits share the next one (one WAL flush for all). */
const submit = groupCommit<IncomingEvent, IngestResult>({ write: writeBatch, maxBatch: 250, maxInFlight: 2 });

/** Resolves once the event and its job are committed (or found already stored). */
export async function ingestEvent(event: IncomingEvent): Promise<IngestResult> {
  // Web processes send jobs too; the first event starts this process's queue client.
  await startQueue({ role: process.env.BLOOMBRIDGE_ROLE === "worker" ? "worker" : "web" });
  return submit(event);
}

/**
 * The same, inside the caller's open transaction (the queue must be started): a backfill
 * stores a page of events and its checkpoint together, so a crash keeps both or neither.
 */
export async function ingestWithin(tx: Prisma.TransactionClient, event: IncomingEvent): Promise<IngestResult> {
  const [result] = await storeEvents(tx, [event]);
  return result;
}

/** One statement is its own transaction: the batch's events and jobs commit together or not at all. */
function writeBatch(events: IncomingEvent[]): Promise<IngestResult[]> {
  return storeEvents(pgPool(), events);
}

/** The pg pool (one statement autocommits) or the caller's Prisma transaction. */
type Queryable = { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> } | Prisma.TransactionClient;

const eventKey = (e: { source: string; dedupeKey: string }) => `${e.source}\u0000${e.dedupeKey}`;

/**
 * Stores a batch in one statement — the events and a trigger job for each one not stored
 * before — then, only when some were, looks up the ids those already have.
 */
async function storeEvents(client: Queryable, events: IncomingEvent[]): Promise<IngestResult[]> {
  // The first of several deliveries with the same key in one batch stands for all of them.
  const firstIdByKey = new Map<string, string>();
  const rows: EventRow[] = [];
  for (const event of events) {
    const key = eventKey(event);
    if (firstIdByKey.has(key)) continue;
    const id = randomUUID();
    firstIdByKey.set(key, id);
    rows.push(rowOf(id, event));
  }
  const inserted = new Set((await query<{ id: string }>(client, INSERT_EVENTS_AND_JOBS, [JSON.stringify(rows), QUEUES.trigger, TRIGGER_JOB_RETRY_LIMIT])).map((r) => r.id));
  const storedBefore = new Map<string, string>();
  const missed = rows.filter((row) => !inserted.has(row.id));
  if (missed.length) {
    const found = await query<{ id: string; source: string; dedupe_key: string }>(client, SELECT_STORED, [JSON.stringify(missed.map(({ source, dedupe_key }) => ({ source, dedupe_key })))]);
    for (const row of found) storedBefore.set(eventKey({ source: row.source, dedupeKey: row.dedupe_key }), row.id);
  }

  const answered = new Set<string>();
  return events.map((event) => {
    const key = eventKey(event);
    const earlier = storedBefore.get(key);
    if (earlier) return { eventId: earlier, duplicate: true };
    const id = firstIdByKey.get(key);
    if (!id || !inserted.has(id)) throw new Error(`event ${event.source}/${event.dedupeKey} was neither stored nor found`);
    const duplicate = answered.has(key);
    answered.add(key);
    return { eventId: id, duplicate };
  });
}

type EventRow = ReturnType<typeof rowOf>;

function rowOf(id: string, event: IncomingEvent) {
  return {
    id,
    source: event.source,
    delivery: event.delivery,
    dedupe_key: event.dedupeKey,
    event_type: event.eventType,
    account_id: event.accountId,
    payload: event.payload ?? null,
    subject_id: event.subject?.id ?? null,
    subject_email: event.subject?.email?.toLowerCase() ?? null,
    subject_name: event.subject?.name ?? null,
  };
}

const TRIGGER_JOB_RETRY_LIMIT = 5;

/**
 * The job columns are what pg-boss 10's own insert derives from the queue's settings for
 * { retryLimit, retryBackoff: true } (ingest.test.ts compares the two), written here so one
 * statement — one round trip, however many events — stores events and jobs together.
 * clock_timestamp(): events of one batch keep distinct, arrival-ordered receive times.
 */
const INSERT_EVENTS_AND_JOBS = `
  WITH stored AS (
    INSERT INTO trigger_events (id, source, delivery, dedupe_key, event_type, account_id, payload, subject_id, subject_email, subject_name, received_at)
    SELECT e.id, e.source, e.delivery, e.dedupe_key, e.event_type, e.account_id, COALESCE(e.payload, 'null'::jsonb), e.subject_id, e.subject_email, e.subject_name, clock_timestamp()
    FROM json_to_recordset($1::json) AS e (id uuid, source text, delivery text, dedupe_key text, event_type text, account_id text, payload jsonb, subject_id text, subject_email text, subject_name text)
    ON CONFLICT (source, dedupe_key) DO NOTHING
    RETURNING id
  ), jobs AS (
    INSERT INTO pgboss.job (name, data, retry_limit, retry_delay, retry_backoff, expire_in, keep_until, dead_letter, policy)
    SELECT q.name, jsonb_build_object('eventId', stored.id), $3::int, GREATEST(q.retry_delay, 1), true,
           COALESCE(q.expire_seconds * interval '1s', interval '15 minutes'),
           now() + CAST(COALESCE((q.retention_minutes * 60)::text, '14 days') AS interval),
           q.dead_letter, q.policy
    FROM stored JOIN pgboss.queue q ON q.name = $2::text
  )
  SELECT id::text FROM stored`;

const SELECT_STORED = `
  SELECT t.id::text, t.source, t.dedupe_key FROM trigger_events t
  JOIN json_to_recordset($1::json) AS k (source text, dedupe_key text) ON t.source = k.source AND t.dedupe_key = k.dedupe_key`;

async function query<Row>(client: Queryable, text: string, values: unknown[]): Promise<Row[]> {
  if ("query" in client) return (await client.query(text, values)).rows as Row[];
  return client.$queryRawUnsafe<Row[]>(text, ...values);
}
