/**
 * Run state transitions. A run is claimed with a lease, so exactly one worker executes it;
 * a worker that dies (SIGKILL) leaves an expired lease that the sweeper hands to another.
 */
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
import { QUEUES, send } from "../queue";

const envMs = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** How long a claimed run is a worker's; tests shorten it (env) to watch crash recovery quickly. */
export const LEASE_MS = envMs("BLOOMBRIDGE_LEASE_MS", 2 * 60_000);
export const AUTO_PAUSE_AFTER = Number(process.env.BLOOMBRIDGE_AUTO_PAUSE_AFTER ?? 5);

export type RunJob = { runId: string };

export type ClaimedRun = {
  id: string;
  workflow_id: string;
  workflow_version_id: string;
  event_id: string;
  attempts: number;
};

export async function claimRun(runId: string): Promise<ClaimedRun | null> {
  const rows = await db().$queryRaw<ClaimedRun[]>`
    UPDATE runs SET status = 'running', lease_until = now() + ${LEASE_MS} * interval '1 millisecond',
                    started_at = COALESCE(started_at, now()), waiting_for = NULL, wait_until = NULL
    WHERE id = ${runId}::uuid
      AND (status IN ('queued', 'waiting') OR (status = 'running' AND lease_until < now()))
      AND NOT (status = 'waiting' AND wait_until IS NOT NULL AND wait_until > now() + interval '1 second')
    RETURNING id::text, workflow_id::text, workflow_version_id::text, event_id::text, attempts`;
  return rows[0] ?? null;
}

export async function renewLease(runId: string): Promise<"running" | "cancelled" | "lost"> {
  const rows = await db().$queryRaw<{ status: string }[]>`
    UPDATE runs SET lease_until = CASE WHEN status = 'running' THEN now() + ${LEASE_MS} * interval '1 millisecond' ELSE lease_until END
    WHERE id = ${runId}::uuid RETURNING status::text`;
  const status = rows[0]?.status;
  return status === "running" ? "running" : status === "cancelled" ? "cancelled" : "lost";
}

export async function enqueueRun(runId: string, startAfter?: Date): Promise<void> {
  await send(QUEUES.run, { runId } satisfies RunJob, { startAfter, retryLimit: 3, retryDelay: 5 });
}

/** Park the run until `until` (rate limit, retry backoff, delay node) and schedule its resumption. */
export async function parkRun(runId: string, waitingFor: string, until: Date | null, countAttempt: boolean): Promise<void> {
  await db().run.update({
    where: { id: runId },
    data: { status: "waiting", waitingFor, waitUntil: until, leaseUntil: null, ...(countAttempt ? { attempts: { increment: 1 } } : {}) },
  });
  if (until) await enqueueRun(runId, until);
}

export async function finishRun(runId: string, workflowId: string, outcome: { status: "succeeded" | "failed"; error?: unknown }): Promise<void> {
  await db().run.update({
    where: { id: runId },
    data: { status: outcome.status, error: (outcome.error ?? undefined) as Prisma.InputJsonValue | undefined, finishedAt: new Date(), leaseUntil: null, waitingFor: null, waitUntil: null },
  });
  if (outcome.status === "succeeded") {
    await db().workflow.update({ where: { id: workflowId }, data: { consecutiveFailures: 0 } });
    return;
  }
  const workflow = await db().workflow.update({ where: { id: workflowId }, data: { consecutiveFailures: { increment: 1 } } });
  if (workflow.enabled && workflow.consecutiveFailures >= AUTO_PAUSE_AFTER) {
    const message = (outcome.error as { message?: string } | undefined)?.message ?? "unknown error";
    await db().workflow.update({
      where: { id: workflowId },
      data: { enabled: false, pausedReason: `Paused automatically after ${workflow.consecutiveFailures} failed runs in a row. Last error: ${message}` },
    });
    logger.warn({ workflowId, failures: workflow.consecutiveFailures }, "workflow auto-paused");
  }
}

/** Runs parked on a connection resume once it is reconnected. */
export async function resumeRunsForConnection(connectionId: string): Promise<number> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    UPDATE runs SET status = 'queued', waiting_for = NULL WHERE status = 'waiting' AND waiting_for = ${`reconnect:${connectionId}`}
    RETURNING id::text`;
  for (const row of rows) await enqueueRun(row.id);
  return rows.length;
}

export async function cancelRun(runId: string): Promise<boolean> {
  const count = await db().run.updateMany({
    where: { id: runId, status: { in: ["queued", "running", "waiting"] } },
    data: { status: "cancelled", finishedAt: new Date(), leaseUntil: null },
  });
  return count.count > 0;
}

/**
 * Safety net, run on a schedule: runs whose worker died (expired lease) and waiting runs
 * whose time has come are queued again, so no run stays "running" or "waiting" forever.
 */
export async function sweepRuns(): Promise<number> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT id::text FROM runs
    WHERE (status = 'running' AND lease_until < now())
       OR (status = 'waiting' AND wait_until IS NOT NULL AND wait_until < now() - interval '30 seconds')
       OR (status = 'queued' AND created_at < now() - ${LEASE_MS} * interval '1 millisecond')
       OR (status = 'waiting' AND waiting_for LIKE 'reconnect:%' AND EXISTS (
             SELECT 1 FROM connections c WHERE 'reconnect:' || c.id::text = runs.waiting_for AND c.status = 'active'))
    LIMIT 500`;
  for (const row of rows) await enqueueRun(row.id);
  return rows.length + (await sweepUnroutedEvents());
}

/**
 * A worker killed while routing leaves its trigger job active in pg-boss until the job
 * expires (15 minutes); events still unrouted after a lease are routed again (idempotent).
 */
async function sweepUnroutedEvents(): Promise<number> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT id::text FROM trigger_events
    WHERE processed_at IS NULL AND received_at > now() - interval '1 day'
      AND received_at < now() - ${LEASE_MS} * interval '1 millisecond'
    LIMIT 500`;
  for (const row of rows) await send(QUEUES.trigger, { eventId: row.id }, { retryLimit: 5, retryBackoff: true });
  return rows.length;
}
