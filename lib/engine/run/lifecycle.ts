/**
 * Run state transitions. A run is claimed with a lease, so exactly one worker executes it;
 * a worker that dies (SIGKILL) leaves an expired lease that the sweeper hands to another.
 * Every claim gets a fresh `claim_id` (a fencing token): a worker that stalled past its lease
 * and was replaced can no longer renew, checkpoint, park or finish the run.
 */
import { enqueueAlert } from "@/lib/alerts/deliver";
import { db } from "@/lib/db/client";
import { getSetting } from "@/lib/db/settings";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
import { QUEUES, send } from "../queue";
import type { StepRecord } from "./steps";

const envMs = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** How long a claimed run is a worker's; tests shorten it (env) to watch crash recovery quickly. */
export const LEASE_MS = envMs("BLOOMBRIDGE_LEASE_MS", 2 * 60_000);

export type RunJob = { runId: string };

export type ClaimedRun = {
  id: string;
  workflow_id: string;
  workflow_version_id: string;
  event_id: string;
  attempts: number;
  claim_id: string;
  /** The trigger event's payload. */
  payload: unknown;
  /** Steps checkpointed by earlier attempts, replays' copies included. */
  steps: StepRecord[];
};

/** What the fenced writes need: the run and the claim the worker holds on it. */
export type RunClaim = Pick<ClaimedRun, "id" | "claim_id">;

type ClaimResult = { busy: true } | { run: Omit<ClaimedRun, "payload" | "steps">; payload: unknown; steps: StepRecord[] };

/** A run over its workflow's concurrency limit is tried again after this long. */
export const CONCURRENCY_DEFER_MS = 1_000;

/**
 * Claims the run unless its workflow already has `max_concurrent_runs` running with a live
 * lease; the count and the claim happen under a per-workflow advisory lock so workers agree.
 * A run over the limit stays queued and is re-enqueued shortly (deferred, not failed).
 */
export async function claimRun(runId: string): Promise<ClaimedRun | null> {
  // One round trip (bloombridge_claim_run, migrations 20261130041500 and 20261130050000): lock,
  // count, claim with a fresh claim_id, and the event payload and earlier steps the executor needs next.
  const [{ claim }] = await db().$queryRaw<{ claim: ClaimResult | null }[]>`SELECT bloombridge_claim_run(${runId}::uuid, ${LEASE_MS}::int) AS claim`;
  if (!claim) return null;
  if ("run" in claim) return { ...claim.run, payload: claim.payload, steps: claim.steps };
  await enqueueRun(runId, new Date(Date.now() + CONCURRENCY_DEFER_MS));
  return null;
}

/** "lost" when another worker has claimed the run since: this worker must stop without writing. */
export async function renewLease(run: RunClaim): Promise<"running" | "cancelled" | "lost"> {
  const rows = await db().$queryRaw<{ status: string }[]>`
    UPDATE runs SET lease_until = CASE WHEN status = 'running' THEN now() + ${LEASE_MS} * interval '1 millisecond' ELSE lease_until END
    WHERE id = ${run.id}::uuid AND claim_id = ${run.claim_id}::uuid RETURNING status::text`;
  const status = rows[0]?.status;
  return status === "running" ? "running" : status === "cancelled" ? "cancelled" : "lost";
}

export async function enqueueRun(runId: string, startAfter?: Date): Promise<void> {
  await send(QUEUES.run, { runId } satisfies RunJob, { startAfter, retryLimit: 3, retryDelay: 5 });
}

/** The running run, if `run`'s claim is still the current one (a cancelled run is not parked or finished). */
const ownedRunning = (run: RunClaim) => ({ id: run.id, claimId: run.claim_id, status: "running" as const });

/** Park the run until `until` (rate limit, retry backoff, delay node) and schedule its resumption. */
export async function parkRun(run: RunClaim, waitingFor: string, until: Date | null, countAttempt: boolean): Promise<"parked" | "lost"> {
  const { count } = await db().run.updateMany({
    where: ownedRunning(run),
    data: { status: "waiting", waitingFor, waitUntil: until, leaseUntil: null, ...(countAttempt ? { attempts: { increment: 1 } } : {}) },
  });
  if (!count) return "lost";
  if (until) await enqueueRun(run.id, until);
  return "parked";
}

export async function finishRun(
  run: RunClaim & Pick<ClaimedRun, "workflow_id">,
  outcome: { status: "succeeded" | "failed"; error?: unknown },
): Promise<"finished" | "lost"> {
  const runId = run.id;
  const workflowId = run.workflow_id;
  if (outcome.status === "succeeded") {
    // One statement on the hot path; the workflow row is only written when it had failures.
    const [{ finished }] = await db().$queryRaw<{ finished: boolean }[]>`
      WITH finished AS (
        UPDATE runs SET status = 'succeeded', finished_at = now(), lease_until = NULL, waiting_for = NULL, wait_until = NULL
        WHERE id = ${runId}::uuid AND claim_id = ${run.claim_id}::uuid AND status = 'running' RETURNING workflow_id),
      reset AS (
        UPDATE workflows SET consecutive_failures = 0, updated_at = now()
        WHERE id = ${workflowId}::uuid AND consecutive_failures <> 0 AND EXISTS (SELECT 1 FROM finished))
      SELECT EXISTS (SELECT 1 FROM finished) AS finished`;
    return finished ? "finished" : "lost";
  }
  const { count } = await db().run.updateMany({
    where: ownedRunning(run),
    data: { status: outcome.status, error: (outcome.error ?? undefined) as Prisma.InputJsonValue | undefined, finishedAt: new Date(), leaseUntil: null, waitingFor: null, waitUntil: null },
  });
  if (!count) return "lost";
  const workflow = await db().workflow.update({ where: { id: workflowId }, data: { consecutiveFailures: { increment: 1 } } });
  await enqueueAlert({ kind: "run_failed", workflowId, runId });
  const { autoPauseAfter } = await getSetting("runs");
  if (workflow.enabled && workflow.consecutiveFailures >= autoPauseAfter) {
    const message = (outcome.error as { message?: string } | undefined)?.message ?? "unknown error";
    await db().workflow.update({
      where: { id: workflowId },
      data: { enabled: false, pausedReason: `Paused automatically after ${workflow.consecutiveFailures} failed runs in a row. Last error: ${message}` },
    });
    logger.warn({ workflowId, failures: workflow.consecutiveFailures }, "workflow auto-paused");
    await enqueueAlert({ kind: "auto_paused", workflowId, runId });
  }
  return "finished";
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
