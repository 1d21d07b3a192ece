/**
 * A stored trigger event → one run per matching published, enabled workflow. The partial
 * unique index on (workflow_version_id, event_id) makes this idempotent: however often the
 * event or its job is processed, each version runs it once.
 */
import { triggerKeysForEvent } from "@/lib/connectors/registry";
import { db } from "@/lib/db/client";
import { migrateGraph, triggerOf } from "../graph";
import { enqueueRun } from "./lifecycle";

export async function routeEvent(eventId: string): Promise<string[]> {
  const event = await db().triggerEvent.findUnique({ where: { id: eventId } });
  if (!event) return [];
  const keys = triggerKeysForEvent(event.source, event.eventType);
  if (event.delivery === "manual" || event.delivery === "backfill" || event.delivery === "replay") keys.push(event.eventType);
  const workflows = await db().workflow.findMany({
    where: { enabled: true, publishedVersion: { triggerKey: { in: keys } } },
    include: { publishedVersion: true },
  });
  const runIds: string[] = [];
  for (const workflow of workflows) {
    const version = workflow.publishedVersion;
    if (!version) continue;
    // Manual and backfill events are aimed at one workflow; others go to every match.
    const target = (event.payload as { _bloombridge?: { workflowId?: string } } | null)?._bloombridge?.workflowId;
    if (target && target !== workflow.id) continue;
    if (!(await accountMatches(version.graph, event.accountId))) continue;
    const rows = await db().$queryRaw<{ id: string }[]>`
      INSERT INTO runs (workflow_id, workflow_version_id, event_id, trigger_key, delivery, subject_id, subject_email, subject_name)
      VALUES (${workflow.id}::uuid, ${version.id}::uuid, ${event.id}::uuid, ${version.triggerKey}, ${event.delivery}, ${event.subjectId}, ${event.subjectEmail}, ${event.subjectName})
      ON CONFLICT (workflow_version_id, event_id) WHERE replay_of_id IS NULL DO NOTHING
      RETURNING id::text`;
    for (const row of rows) {
      runIds.push(row.id);
      await enqueueRun(row.id);
    }
  }
  await db().triggerEvent.update({ where: { id: event.id }, data: { processedAt: new Date() } });
  return runIds;
}

/** A trigger bound to a connection only takes events from that connection's account. */
async function accountMatches(graphJson: unknown, accountId: string | null): Promise<boolean> {
  const trigger = triggerOf(migrateGraph(graphJson));
  if (!trigger?.connectionId || !accountId) return true;
  const connection = await db().connection.findUnique({ where: { id: trigger.connectionId }, select: { accountId: true } });
  return !connection?.accountId || connection.accountId === accountId;
}
