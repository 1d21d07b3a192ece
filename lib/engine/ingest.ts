/**
 * The one door every trigger event comes through (signed webhooks, polling, manual tests):
 * the event is stored and its trigger job enqueued in ONE transaction, and a redelivered
 * event (same source + dedupe key) is a no-op — so nothing is lost and nothing runs twice.
 */
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { QUEUES, enqueueWithinTransaction, startQueue } from "./queue";

export type IncomingEvent = {
  source: string;
  delivery: "webhook" | "polling" | "manual" | "schedule" | "backfill";
  dedupeKey: string;
  eventType: string;
  accountId: string | null;
  payload: unknown;
  subject?: { id?: string; email?: string; name?: string };
};

const INGEST_MAX_WAIT_MS = 15_000;

export type IngestResult = { eventId: string; duplicate: boolean };

export type TriggerJob = { eventId: string };

export async function ingestEvent(event: IncomingEvent): Promise<IngestResult> {
  // Web processes send jobs too; the first event starts this process's queue client.
  await startQueue({ role: process.env.BLOOMBRIDGE_ROLE === "worker" ? "worker" : "web" });
  // Prisma's default 2 s wait for a pooled connection turned a burst of webhooks into 500s
  // (lost deliveries: GHL retries only 429s); a slow answer beats a dropped event.
  return db().$transaction((tx) => ingestWithin(tx, event), { maxWait: INGEST_MAX_WAIT_MS, timeout: INGEST_MAX_WAIT_MS });
}

/**
 * The same, inside the caller's open transaction (the queue must be started): a backfill
 * stores a page of events and its checkpoint together, so a crash keeps both or neither.
 */
export async function ingestWithin(tx: Prisma.TransactionClient, event: IncomingEvent): Promise<IngestResult> {
  const id = randomUUID();
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO trigger_events (id, source, delivery, dedupe_key, event_type, account_id, payload, subject_id, subject_email, subject_name)
    VALUES (${id}::uuid, ${event.source}, ${event.delivery}, ${event.dedupeKey}, ${event.eventType}, ${event.accountId},
            ${JSON.stringify(event.payload ?? null)}::jsonb, ${event.subject?.id ?? null}, ${event.subject?.email?.toLowerCase() ?? null}, ${event.subject?.name ?? null})
    ON CONFLICT (source, dedupe_key) DO NOTHING
    RETURNING id::text`;
  if (!inserted.length) {
    const existing = await tx.triggerEvent.findUniqueOrThrow({ where: { source_dedupeKey: { source: event.source, dedupeKey: event.dedupeKey } }, select: { id: true } });
    return { eventId: existing.id, duplicate: true };
  }
  await enqueueWithinTransaction(tx, QUEUES.trigger, { eventId: id } satisfies TriggerJob, { retryLimit: 5, retryBackoff: true });
  return { eventId: id, duplicate: false };
}
