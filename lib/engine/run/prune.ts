/**
 * Bounded history: ended runs older than the retention period, or beyond the newest N per
 * workflow, are deleted in small batches (their steps cascade), so pruning never holds
 * long locks or stalls the database.
 */
import { db } from "@/lib/db/client";
import { getSetting, type Retention } from "@/lib/db/settings";

export { retentionSchema, type Retention } from "@/lib/db/settings";

const BATCH = 500;

export function retentionSettings(): Promise<Retention> {
  return getSetting("retention");
}

export async function pruneRuns(retention?: Retention, now = new Date()): Promise<{ deleted: number; batches: number }> {
  const { maxAgeDays, maxRunsPerWorkflow } = retention ?? (await retentionSettings());
  const cutoff = new Date(now.getTime() - maxAgeDays * 86_400_000);
  let deleted = 0;
  let batches = 0;
  for (;;) {
    const n = await db().$executeRaw`
      DELETE FROM runs WHERE id IN (
        SELECT id FROM runs
        WHERE status IN ('succeeded', 'failed', 'cancelled') AND created_at < ${cutoff}
        LIMIT ${BATCH})`;
    if (!n) break;
    deleted += n;
    batches++;
  }
  for (;;) {
    const n = await db().$executeRaw`
      DELETE FROM runs WHERE id IN (
        SELECT id FROM (
          SELECT id, status, row_number() OVER (PARTITION BY workflow_id ORDER BY created_at DESC) AS rank FROM runs
        ) ranked
        WHERE rank > ${maxRunsPerWorkflow} AND status IN ('succeeded', 'failed', 'cancelled')
        LIMIT ${BATCH})`;
    if (!n) break;
    deleted += n;
    batches++;
  }
  // Events no run refers to any more, once they are past retention too.
  await db().$executeRaw`DELETE FROM trigger_events e WHERE received_at < ${cutoff} AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.event_id = e.id)`;
  return { deleted, batches };
}
