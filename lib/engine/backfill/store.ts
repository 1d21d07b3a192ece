/** The backfills table: every Prisma call the backfill engine makes lives here. */
import { db } from "@/lib/db/client";
import type { Backfill, BackfillStatus, Prisma, RunStatus } from "@/lib/generated/prisma/client";
import { eventKeyPrefix, type BackfillScope } from "./scope";
import type { Cursor } from "./fetch-contacts";

export type { Backfill, BackfillStatus };

type Tx = Prisma.TransactionClient;

export const ACTIVE_STATUSES: BackfillStatus[] = ["queued", "running", "paused"];

export async function insertBackfill(
  tx: Tx,
  input: { workflowId: string; connectionId: string; scope: BackfillScope; createdById: string | null },
): Promise<Backfill> {
  const now = new Date();
  return tx.backfill.create({
    data: { ...input, scope: input.scope as Prisma.InputJsonValue, status: "running", startedAt: now, resumedAt: now },
  });
}

export function getBackfill(id: string): Promise<Backfill | null> {
  return db().backfill.findUnique({ where: { id } });
}

export function listBackfills(limit = 50): Promise<(Backfill & { workflow: { name: string } })[]> {
  return db().backfill.findMany({ orderBy: { createdAt: "desc" }, take: limit, include: { workflow: { select: { name: true } } } });
}

export function activeBackfillFor(workflowId: string): Promise<Backfill | null> {
  return db().backfill.findFirst({ where: { workflowId, status: { in: ACTIVE_STATUSES } } });
}

/** Moves the backfill from one of `from` to `to`; null when it was in no such state. */
export async function transition(
  id: string,
  from: BackfillStatus[],
  to: BackfillStatus,
  extra: { error?: string | null; tx?: Tx } = {},
): Promise<Backfill | null> {
  const client = extra.tx ?? db();
  const now = new Date();
  const ended = to === "succeeded" || to === "failed" || to === "cancelled";
  const { count } = await client.backfill.updateMany({
    where: { id, status: { in: from } },
    data: {
      status: to,
      ...(extra.error !== undefined ? { error: extra.error } : {}),
      ...(to === "running" ? { resumedAt: now, error: null } : {}),
      ...(ended ? { finishedAt: now } : {}),
    },
  });
  if (!count) return null;
  // `done` when the stretch began: the ETA's rate counts only this stretch's progress.
  if (to === "running") await client.$executeRaw`UPDATE backfills SET done_at_resume = done WHERE id = ${id}::uuid`;
  return client.backfill.findUnique({ where: { id } });
}

/**
 * Saves a page's progress, but only if nobody moved the cursor since `from` was read (a
 * duplicate job, a crash retry) and the backfill was not cancelled. Returns the status then.
 */
export async function checkpoint(
  tx: Tx,
  id: string,
  from: Cursor | null,
  page: { cursor: Cursor | null; done: number; failed: number; total: number | null; finished: boolean },
): Promise<BackfillStatus | null> {
  const rows = await tx.$queryRaw<{ status: BackfillStatus }[]>`
    UPDATE backfills SET
      cursor = COALESCE(${page.cursor === null ? null : JSON.stringify(page.cursor)}::jsonb, cursor),
      done = done + ${page.done}, failed = failed + ${page.failed},
      total = COALESCE(${page.total}::int, total),
      status = CASE WHEN ${page.finished} THEN 'succeeded'::"BackfillStatus" ELSE status END,
      finished_at = CASE WHEN ${page.finished} THEN now() ELSE finished_at END,
      updated_at = now()
    WHERE id = ${id}::uuid AND status IN ('running', 'paused')
      AND cursor IS NOT DISTINCT FROM ${from === null ? null : JSON.stringify(from)}::jsonb
    RETURNING status`;
  return rows[0]?.status ?? null;
}

/** Running backfills nobody has checkpointed for `staleMs`: their job was lost for good. */
export async function stalledBackfillIds(staleMs: number): Promise<string[]> {
  const rows = await db().backfill.findMany({ where: { status: "running", updatedAt: { lt: new Date(Date.now() - staleMs) } }, select: { id: true } });
  return rows.map((row) => row.id);
}

export type RunCounts = Record<RunStatus, number>;

/**
 * Runs started by the backfill's events, by status (the result summary). Events not routed
 * yet count as queued runs: the backfill can end a moment before its last events become
 * runs, and "nothing in progress" must not be shown then.
 */
export async function runCountsFor(id: string): Promise<RunCounts> {
  const prefix = `${eventKeyPrefix(id)}%`;
  const rows = await db().$queryRaw<{ status: RunStatus; n: number }[]>`
    SELECT r.status, count(*)::int AS n FROM runs r JOIN trigger_events e ON e.id = r.event_id
    WHERE e.source = 'ghl' AND e.delivery = 'backfill' AND e.dedupe_key LIKE ${prefix} AND r.replay_of_id IS NULL
    GROUP BY r.status
    UNION ALL
    SELECT 'queued', count(*)::int FROM trigger_events e
    WHERE e.source = 'ghl' AND e.delivery = 'backfill' AND e.dedupe_key LIKE ${prefix} AND e.processed_at IS NULL`;
  const counts: RunCounts = { queued: 0, running: 0, succeeded: 0, filtered: 0, failed: 0, waiting: 0, cancelled: 0 };
  for (const row of rows) counts[row.status] += row.n;
  return counts;
}
