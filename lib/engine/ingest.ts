/**
 * The one door every trigger event comes through (signed webhooks, polling, manual tests):
 * the event is stored and its trigger job enqueued in ONE transaction, and a redelivered
 * event (same source + dedupe key) is a no-op — so nothing is lost and nothing runs twice.
 */
import { randomUUID } from "node:crypto";
import { pgPool } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { groupCommit } from "./group-commit";
import { QUEUES, enqueueManyWithinTransaction, startQueue, type TransactionClient } from "./queue";

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
const submit = groupCommit<IncomingEvent, IngestResult>({ write: writeInOwnTransaction, maxBatch: 250, maxInFlight: 2 });

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

async function writeInOwnTransaction(events: IncomingEvent[]): Promise<IngestResult[]> {
  const client = await pgPool().connect();
  let broken: unknown;
  try {
    await client.query("BEGIN");
    const results = await storeEvents(client, events);
    await client.query("COMMIT");
    return results;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: unknown) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken instanceof Error ? broken : undefined);
  }
}

const eventKey = (e: IncomingEvent) => `${e.source}\u0000${e.dedupeKey}`;

/** Stores a batch: one multi-row insert, one lookup of those already stored, one job insert. */
async function storeEvents(client: TransactionClient, events: IncomingEvent[]): Promise<IngestResult[]> {
  // The first of several deliveries with the same key in one batch stands for all of them.
  const firstByKey = new Map<string, { event: IncomingEvent; id: string }>();
  for (const event of events) if (!firstByKey.has(eventKey(event))) firstByKey.set(eventKey(event), { event, id: randomUUID() });
  const unique = [...firstByKey.values()];

  const inserted = new Set((await query<{ id: string }>(client, INSERT_EVENTS, columnsOf(unique))).map((row) => row.id));
  const existing = new Map<string, string>();
  const missed = unique.filter((u) => !inserted.has(u.id)).map((u) => u.event);
  if (missed.length) {
    const rows = await query<{ id: string; source: string; dedupe_key: string }>(client, SELECT_EXISTING, [missed.map((e) => e.source), missed.map((e) => e.dedupeKey)]);
    for (const row of rows) existing.set(`${row.source}\u0000${row.dedupe_key}`, row.id);
  }
  const newIds = unique.filter((u) => inserted.has(u.id)).map((u) => ({ eventId: u.id }) satisfies TriggerJob);
  await enqueueManyWithinTransaction(client, QUEUES.trigger, newIds, { retryLimit: 5, retryBackoff: true });

  const answered = new Set<string>();
  return events.map((event) => {
    const key = eventKey(event);
    const first = firstByKey.get(key);
    if (!first) throw new Error("unreachable: every event has a first");
    const storedId = existing.get(key);
    if (storedId) return { eventId: storedId, duplicate: true };
    if (!inserted.has(first.id)) throw new Error(`event ${event.source}/${event.dedupeKey} was neither inserted nor found`);
    const duplicate = answered.has(key);
    answered.add(key);
    return { eventId: first.id, duplicate };
  });
}

function columnsOf(rows: { event: IncomingEvent; id: string }[]): unknown[] {
  return [
    rows.map((r) => r.id),
    rows.map((r) => r.event.source),
    rows.map((r) => r.event.delivery),
    rows.map((r) => r.event.dedupeKey),
    rows.map((r) => r.event.eventType),
    rows.map((r) => r.event.accountId),
    rows.map((r) => JSON.stringify(r.event.payload ?? null)),
    rows.map((r) => r.event.subject?.id ?? null),
    rows.map((r) => r.event.subject?.email?.toLowerCase() ?? null),
    rows.map((r) => r.event.subject?.name ?? null),
  ];
}

// clock_timestamp(): events of one batch keep distinct, arrival-ordered receive times.
const INSERT_EVENTS = `
  INSERT INTO trigger_events (id, source, delivery, dedupe_key, event_type, account_id, payload, subject_id, subject_email, subject_name, received_at)
  SELECT e.id, e.source, e.delivery, e.dedupe_key, e.event_type, e.account_id, e.payload::jsonb, e.subject_id, e.subject_email, e.subject_name, clock_timestamp()
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
    AS e (id, source, delivery, dedupe_key, event_type, account_id, payload, subject_id, subject_email, subject_name)
  ON CONFLICT (source, dedupe_key) DO NOTHING
  RETURNING id::text`;

const SELECT_EXISTING = `
  SELECT t.id::text, t.source, t.dedupe_key FROM trigger_events t
  JOIN unnest($1::text[], $2::text[]) AS k (source, dedupe_key) ON t.source = k.source AND t.dedupe_key = k.dedupe_key`;

async function query<Row>(client: TransactionClient, text: string, values: unknown[]): Promise<Row[]> {
  if ("query" in client) return (await client.query(text, values)).rows as Row[];
  return client.$queryRawUnsafe<Row[]>(text, ...values);
}
