/**
 * A stored trigger event → one run per matching published, enabled workflow. The partial
 * unique index on (workflow_version_id, event_id) makes this idempotent: however often the
 * event or its job is processed, each version runs it once.
 */
import { triggerKeysForEvent } from "@/lib/connectors/registry";
import { db } from "@/lib/db/client";
import { enqueueRun } from "./lifecycle";
import { publishedGraph } from "./published-graph";

export async function routeEvent(eventId: string): Promise<string[]> {
  const event = await db().triggerEvent.findUnique({ where: { id: eventId } });
  if (!event) return [];
  const keys = triggerKeysForEvent(event.source, event.eventType);
  if (event.delivery === "manual" || event.delivery === "backfill" || event.delivery === "replay") keys.push(event.eventType);
  // The graph is not selected: published versions are immutable and cached per worker.
  const workflows = await db().$queryRaw<{ workflow_id: string; version_id: string; trigger_key: string }[]>`
    SELECT w.id::text AS workflow_id, v.id::text AS version_id, v.trigger_key
    FROM workflows w JOIN workflow_versions v ON v.id = w.published_version_id
    WHERE w.enabled AND v.trigger_key = ANY(${keys}::text[])`;
  const runIds: string[] = [];
  for (const workflow of workflows) {
    // Manual and backfill events are aimed at one workflow; others go to every match.
    const target = (event.payload as { _bloombridge?: { workflowId?: string } } | null)?._bloombridge?.workflowId;
    if (target && target !== workflow.workflow_id) continue;
    if (!(await accountMatches(workflow.version_id, event.accountId))) continue;
    const rows = await db().$queryRaw<{ id: string }[]>`
      INSERT INTO runs (workflow_id, workflow_version_id, event_id, trigger_key, delivery, subject_id, subject_email, subject_name)
      VALUES (${workflow.workflow_id}::uuid, ${workflow.version_id}::uuid, ${event.id}::uuid, ${workflow.trigger_key}, ${event.delivery}, ${event.subjectId}, ${event.subjectEmail}, ${event.subjectName})
      ON CONFLICT (workflow_version_id, event_id) WHERE replay_of_id IS NULL DO NOTHING
      RETURNING id::text`;
    for (const row of rows) {
      runIds.push(row.id);
      await enqueueRun(row.id);
    }
  }
  await db().$executeRaw`UPDATE trigger_events SET processed_at = now() WHERE id = ${event.id}::uuid`;
  return runIds;
}

/** A trigger bound to a connection only takes events from that connection's account. */
async function accountMatches(versionId: string, accountId: string | null): Promise<boolean> {
  const { trigger } = await publishedGraph(versionId);
  if (!trigger?.connectionId || !accountId) return true;
  const [connection] = await db().$queryRaw<{ account_id: string | null }[]>`SELECT account_id FROM connections WHERE id = ${trigger.connectionId}::uuid`;
  return !connection?.account_id || connection.account_id === accountId;
}
