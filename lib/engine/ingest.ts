/**
 * The one door every trigger event comes through (signed webhooks, polling, manual tests):
 * the event is stored AND routed — one queued run per matching published, enabled workflow —
 * in ONE statement, whose commit wakes the workers (NOTIFY from the runs insert trigger). A
 * redelivered event (same source + dedupe key) is a no-op: nothing is lost, nothing runs twice.
 */
import { randomUUID } from "node:crypto";
import { triggerKeysForEvent } from "@/lib/connectors/registry";
import { pgPool } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { groupCommit } from "./group-commit";

export type IncomingEvent = {
  source: string;
  delivery: "webhook" | "polling" | "manual" | "schedule" | "backfill";
  dedupeKey: string;
  eventType: string;
  accountId: string | null;
  payload: unknown;
  subject?: { id?: string; email?: string; name?: string };
};

/** `runIds`: the runs this delivery started (none for a duplicate). */
export type IngestResult = { eventId: string; duplicate: boolean; runIds: string[] };

/** Deliveries that arrive while a batch commits share the next one (one WAL flush for all). */
const submit = groupCommit<IncomingEvent, IngestResult>({ write: writeBatch, maxBatch: 250, maxInFlight: 2 });

/** Resolves once the event and its runs are committed (or the event is found already stored). */
export function ingestEvent(event: IncomingEvent): Promise<IngestResult> {
  return submit(event);
}

/**
 * The same, inside the caller's open transaction: a backfill
 * stores a page of events and its checkpoint together, so a crash keeps both or neither.
 */
export async function ingestWithin(tx: Prisma.TransactionClient, event: IncomingEvent): Promise<IngestResult> {
  const [result] = await storeEvents(tx, [event]);
  return result;
}

/** One statement is its own transaction: the batch's events and runs commit together or not at all. */
function writeBatch(events: IncomingEvent[]): Promise<IngestResult[]> {
  return storeEvents(pgPool(), events);
}

/** The pg pool (one statement autocommits) or the caller's Prisma transaction. */
type Queryable = { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> } | Prisma.TransactionClient;

const eventKey = (e: { source: string; dedupeKey: string }) => `${e.source}\u0000${e.dedupeKey}`;

/**
 * Stores a batch in one statement — the events not stored before and their runs — then, only
 * when some were stored before, looks up the ids those already have.
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
  const stored = await query<{ id: string; run_ids: string[] }>(client, INSERT_EVENTS_AND_RUNS, [JSON.stringify(rows)]);
  const inserted = new Map(stored.map((r) => [r.id, r.run_ids]));
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
    if (earlier) return { eventId: earlier, duplicate: true, runIds: [] };
    const id = firstIdByKey.get(key);
    const runIds = id ? inserted.get(id) : undefined;
    if (!id || !runIds) throw new Error(`event ${event.source}/${event.dedupeKey} was neither stored nor found`);
    const duplicate = answered.has(key);
    answered.add(key);
    return { eventId: id, duplicate, runIds: duplicate ? [] : runIds };
  });
}

type EventRow = ReturnType<typeof rowOf>;

/** Trigger keys an event type starts; manual, backfill and replay events name theirs directly. */
const keysByEvent = new Map<string, string[]>();
function triggerKeysOf(event: IncomingEvent): string[] {
  const cacheKey = `${event.source}\u0000${event.eventType}`;
  let keys = keysByEvent.get(cacheKey);
  if (!keys) keysByEvent.set(cacheKey, (keys = triggerKeysForEvent(event.source, event.eventType)));
  const named = event.delivery === "manual" || event.delivery === "backfill" || (event.delivery as string) === "replay";
  return named && !keys.includes(event.eventType) ? [...keys, event.eventType] : keys;
}

/** Manual and backfill events are aimed at one workflow (`payload._bloombridge.workflowId`). */
function targetWorkflowOf(payload: unknown): string | null {
  const target = (payload as { _bloombridge?: { workflowId?: unknown } } | null)?._bloombridge?.workflowId;
  return typeof target === "string" && UUID.test(target) ? target : null;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    trigger_keys: triggerKeysOf(event),
    target_workflow: targetWorkflowOf(event.payload),
  };
}

/**
 * Events, and the runs of every enabled workflow whose published version listens for them
 * (a trigger bound to a connection only takes that connection's account), in one statement.
 * The events are stored as routed (processed_at): routing is part of the same commit. The runs
 * are due at once; the runs insert trigger NOTIFYs the workers when this commits.
 * clock_timestamp(): events of one batch keep distinct, arrival-ordered receive times.
 */
const INSERT_EVENTS_AND_RUNS = `
  WITH given AS (
    SELECT * FROM json_to_recordset($1::json) AS e (id uuid, source text, delivery text, dedupe_key text, event_type text, account_id text, payload jsonb,
                                                     subject_id text, subject_email text, subject_name text, trigger_keys text[], target_workflow uuid)
  ), input AS (
    -- An event that names only its contact's id (tasks, notes, appointments) takes the email and
    -- name the latest earlier event of that contact carried, so its runs show and find the contact.
    SELECT g.id, g.source, g.delivery, g.dedupe_key, g.event_type, g.account_id, g.payload, g.subject_id,
           COALESCE(g.subject_email, known.email) AS subject_email, COALESCE(g.subject_name, known.name) AS subject_name, g.trigger_keys, g.target_workflow
    FROM given g LEFT JOIN LATERAL (
      SELECT t.subject_email AS email, t.subject_name AS name FROM trigger_events t
      WHERE (g.subject_email IS NULL OR g.subject_name IS NULL) AND g.subject_id IS NOT NULL
        AND t.source = g.source AND t.subject_id = g.subject_id AND (t.subject_email IS NOT NULL OR t.subject_name IS NOT NULL)
      ORDER BY t.received_at DESC LIMIT 1) known ON true
  ), stored AS (
    INSERT INTO trigger_events (id, source, delivery, dedupe_key, event_type, account_id, payload, subject_id, subject_email, subject_name, received_at, processed_at)
    SELECT e.id, e.source, e.delivery, e.dedupe_key, e.event_type, e.account_id, COALESCE(e.payload, 'null'::jsonb), e.subject_id, e.subject_email, e.subject_name, clock_timestamp(), clock_timestamp()
    FROM input e
    ON CONFLICT (source, dedupe_key) DO NOTHING
    RETURNING id
  ), routed AS (
    INSERT INTO runs (workflow_id, workflow_version_id, event_id, trigger_key, delivery, subject_id, subject_email, subject_name)
    SELECT w.id, v.id, e.id, v.trigger_key, e.delivery, e.subject_id, e.subject_email, e.subject_name
    FROM stored s JOIN input e ON e.id = s.id
    JOIN workflow_versions v ON v.trigger_key = ANY(e.trigger_keys)
    JOIN workflows w ON w.published_version_id = v.id AND w.enabled
    LEFT JOIN connections c ON c.id = v.trigger_connection_id
    WHERE (e.target_workflow IS NULL OR e.target_workflow = w.id)
      AND (c.account_id IS NULL OR e.account_id IS NULL OR c.account_id = e.account_id)
    ON CONFLICT (workflow_version_id, event_id) WHERE replay_of_id IS NULL DO NOTHING
    RETURNING id, event_id
  )
  SELECT s.id::text, COALESCE(array_agg(r.id::text) FILTER (WHERE r.id IS NOT NULL), '{}') AS run_ids
  FROM stored s LEFT JOIN routed r ON r.event_id = s.id GROUP BY s.id`;

const SELECT_STORED = `
  SELECT t.id::text, t.source, t.dedupe_key FROM trigger_events t
  JOIN json_to_recordset($1::json) AS k (source text, dedupe_key text) ON t.source = k.source AND t.dedupe_key = k.dedupe_key`;

async function query<Row>(client: Queryable, text: string, values: unknown[]): Promise<Row[]> {
  if ("query" in client) return (await client.query(text, values)).rows as Row[];
  return client.$queryRawUnsafe<Row[]>(text, ...values);
}
