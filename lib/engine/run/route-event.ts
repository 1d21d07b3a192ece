/**
 * Routes a stored event again: one run per matching published, enabled workflow. Ingest
 * already routes every event in the statement that stores it (lib/engine/ingest.ts); this is
 * for events stored unrouted (before that existed). The partial unique index on
 * (workflow_version_id, event_id) makes it idempotent: each version runs an event once.
 */
import { triggerKeysForEvent } from "@/lib/connectors/registry";
import { db } from "@/lib/db/client";

export async function routeEvent(eventId: string): Promise<string[]> {
  const event = await db().triggerEvent.findUnique({ where: { id: eventId } });
  if (!event) return [];
  const keys = triggerKeysForEvent(event.source, event.eventType);
  if (event.delivery === "manual" || event.delivery === "backfill" || event.delivery === "replay") keys.push(event.eventType);
  // Manual and backfill events are aimed at one workflow; others go to every match.
  const target = (event.payload as { _bloombridge?: { workflowId?: string } } | null)?._bloombridge?.workflowId ?? null;
  const rows = await db().$queryRaw<{ id: string }[]>`
    INSERT INTO runs (workflow_id, workflow_version_id, event_id, trigger_key, delivery, subject_id, subject_email, subject_name)
    SELECT w.id, v.id, ${event.id}::uuid, v.trigger_key, ${event.delivery}, ${event.subjectId}, ${event.subjectEmail}, ${event.subjectName}
    FROM workflows w JOIN workflow_versions v ON v.id = w.published_version_id
    LEFT JOIN connections c ON c.id = v.trigger_connection_id
    WHERE w.enabled AND v.trigger_key = ANY(${keys}::text[])
      AND (${target}::text IS NULL OR w.id::text = ${target}::text)
      AND (c.account_id IS NULL OR ${event.accountId}::text IS NULL OR c.account_id = ${event.accountId}::text)
    ON CONFLICT (workflow_version_id, event_id) WHERE replay_of_id IS NULL DO NOTHING
    RETURNING id::text`;
  await db().$executeRaw`UPDATE trigger_events SET processed_at = now() WHERE id = ${event.id}::uuid`;
  return rows.map((r) => r.id);
}
