/**
 * Run state transitions. The runs table is the run queue: a queued or waiting run is claimable
 * once its `due_at` has come, a running one once its lease has expired (its worker died). A run
 * is claimed with a lease, so exactly one worker executes it. Every claim gets a fresh
 * `claim_id` (a fencing token): a worker that stalled past its lease and was replaced can no
 * longer renew, checkpoint, park or finish the run.
 */
import { enqueueAlert } from "@/lib/alerts/deliver";
import { db, pgPool } from "@/lib/db/client";
import { getSetting } from "@/lib/db/settings";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
import { routeEvent } from "./route-event";
import { stepParameters, UPSERT_STEP_FROM_OWNER, type StepCheckpoint, type StepRecord } from "./steps";

const envMs = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/**
 * How long a claim lasts without renewal. Workers renew the leases of the runs in their hands
 * well before this (lib/engine/run/dispatcher.ts), so it bounds only how long a killed worker's
 * runs wait for another worker; tests shorten it (env) to watch crash recovery quickly.
 */
export const LEASE_MS = envMs("BLOOMBRIDGE_LEASE_MS", 20_000);

/** The channel every worker LISTENs on; a commit that makes runs due NOTIFYs it. */
export const RUNS_CHANNEL = "bloombridge_runs";

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
  /** performance.now() when the lease was last set: a worker renews before it could run out. */
  leaseSetAt: number;
};

/** What the fenced writes need: the run and the claim the worker holds on it. */
export type RunClaim = Pick<ClaimedRun, "id" | "claim_id">;

type ClaimRow = { run: Omit<ClaimedRun, "payload" | "steps" | "leaseSetAt">; payload: unknown; steps: StepRecord[] };
type ClaimResult = { busy: true } | ClaimRow;

/** A run over its workflow's concurrency limit is tried again after this long. */
export const CONCURRENCY_DEFER_MS = 250;

const claimed = (row: ClaimRow, leaseSetAt: number): ClaimedRun => ({ ...row.run, payload: row.payload, steps: row.steps, leaseSetAt });

/**
 * Claims this run unless its workflow already has `max_concurrent_runs` running with a live
 * lease (then it is deferred, not failed). One round trip (bloombridge_claim_run): lock, count,
 * claim with a fresh claim_id, and the event payload and earlier steps the executor needs next.
 */
export async function claimRun(runId: string): Promise<ClaimedRun | null> {
  const sentAt = performance.now();
  const { rows } = await pgPool().query<{ claim: ClaimResult | null }>({ name: "bloombridge-claim-run", text: "SELECT bloombridge_claim_run($1::uuid, $2::int) AS claim", values: [runId, LEASE_MS] });
  const claim = rows[0]?.claim;
  if (!claim) return null;
  if ("run" in claim) return claimed(claim, sentAt);
  await scheduleRun(runId, new Date(Date.now() + CONCURRENCY_DEFER_MS));
  return null;
}

/**
 * Claims up to `limit` due runs (and runs whose worker died) in one statement, oldest first,
 * within each workflow's concurrency limit (bloombridge_claim_runs, migration 20261204180000).
 * `deferred`: runs left for later because their workflow was at its limit (due again after
 * CONCURRENCY_DEFER_MS).
 */
export async function claimRuns(limit: number): Promise<{ runs: ClaimedRun[]; deferred: number }> {
  const sentAt = performance.now();
  const { rows } = await pgPool().query<{ claim: ClaimRow | { deferred: number } }>({
    name: "bloombridge-claim-runs",
    text: "SELECT claim FROM bloombridge_claim_runs($1::int, $2::int, $3::int) AS claim",
    values: [limit, LEASE_MS, CONCURRENCY_DEFER_MS],
  });
  const runs: ClaimedRun[] = [];
  let deferred = 0;
  for (const { claim } of rows) {
    if ("run" in claim) runs.push(claimed(claim, sentAt));
    else deferred += claim.deferred;
  }
  return { runs, deferred };
}

/** "lost" when another worker has claimed the run since: this worker must stop without writing. */
export async function renewLease(run: RunClaim & { leaseSetAt?: number }): Promise<"running" | "cancelled" | "lost"> {
  const sentAt = performance.now();
  const { rows } = await pgPool().query<{ status: string }>({
    name: "bloombridge-renew-lease",
    text: `UPDATE runs SET lease_until = CASE WHEN status = 'running' THEN now() + $3::int * interval '1 millisecond' ELSE lease_until END
           WHERE id = $1::uuid AND claim_id = $2::uuid RETURNING status::text`,
    values: [run.id, run.claim_id, LEASE_MS],
  });
  const status = rows[0]?.status;
  if (status === "running" && run.leaseSetAt !== undefined) run.leaseSetAt = sentAt;
  return status === "running" ? "running" : status === "cancelled" ? "cancelled" : "lost";
}

/**
 * Renews the leases of many runs this worker holds in one statement (the dispatcher's
 * heartbeat); returns the ids whose claim is still this worker's and still running.
 */
export async function renewLeases(runs: RunClaim[]): Promise<Set<string>> {
  if (!runs.length) return new Set();
  const { rows } = await pgPool().query<{ id: string }>({
    name: "bloombridge-renew-leases",
    text: `UPDATE runs r SET lease_until = now() + $3::int * interval '1 millisecond'
           FROM unnest($1::uuid[], $2::uuid[]) AS held (id, claim_id)
           WHERE r.id = held.id AND r.claim_id = held.claim_id AND r.status = 'running' RETURNING r.id::text`,
    values: [runs.map((r) => r.id), runs.map((r) => r.claim_id), LEASE_MS],
  });
  return new Set(rows.map((r) => r.id));
}

/**
 * Makes a queued or waiting run claimable at `at` (now when omitted); a run due now wakes the
 * workers at commit.
 */
export async function scheduleRun(runId: string, at?: Date): Promise<void> {
  await pgPool().query({
    name: "bloombridge-schedule-run",
    text: `WITH due AS (
             UPDATE runs SET due_at = COALESCE($2::timestamptz, now()) WHERE id = $1::uuid AND status IN ('queued', 'waiting') RETURNING due_at)
           SELECT pg_notify('${RUNS_CHANNEL}', '') FROM due WHERE due_at <= now()`,
    values: [runId, at ?? null],
  });
}

/** The running run, if `run`'s claim is still the current one (a cancelled run is not parked or finished). */
const ownedRunning = (run: RunClaim) => ({ id: run.id, claimId: run.claim_id, status: "running" as const });

/**
 * Park the run until `until` (rate limit, retry backoff, delay node): it becomes due then. A
 * run parked with no time (waiting for a reconnect) is made due again by the sweeper.
 */
export async function parkRun(run: RunClaim, waitingFor: string, until: Date | null, countAttempt: boolean): Promise<"parked" | "lost"> {
  const { rowCount } = await pgPool().query({
    name: "bloombridge-park-run",
    text: `UPDATE runs SET status = 'waiting', waiting_for = $3, wait_until = $4::timestamptz, due_at = $4::timestamptz, lease_until = NULL,
                           attempts = attempts + CASE WHEN $5::boolean THEN 1 ELSE 0 END
           WHERE id = $1::uuid AND claim_id = $2::uuid AND status = 'running'`,
    values: [run.id, run.claim_id, waitingFor, until, countAttempt],
  });
  return rowCount ? "parked" : "lost";
}

/**
 * Ends the run. `lastStep`, the checkpoint of the step that ended it, is written in the same
 * statement when the run succeeds (no call follows it, so it need not be durable earlier).
 */
export async function finishRun(
  run: RunClaim & Pick<ClaimedRun, "workflow_id">,
  outcome: { status: "succeeded" | "filtered" | "failed"; error?: unknown },
  lastStep?: StepCheckpoint,
): Promise<"finished" | "lost"> {
  const runId = run.id;
  const workflowId = run.workflow_id;
  if (outcome.status !== "failed") {
    // One statement on the hot path; the workflow row is only written when it had failures.
    const { rows } = await pgPool().query<{ finished: boolean }>(
      lastStep
        ? { name: "bloombridge-finish-run-with-step", text: FINISH_ENDED_WITH_STEP, values: [...stepParameters(lastStep), workflowId, outcome.status] }
        : { name: "bloombridge-finish-run", text: FINISH_ENDED, values: [runId, run.claim_id, workflowId, outcome.status] },
    );
    return rows[0]?.finished ? "finished" : "lost";
  }
  if (lastStep) throw new Error("finishRun: a failed run's steps are saved before it ends");
  const { count } = await db().run.updateMany({
    where: ownedRunning(run),
    data: { status: outcome.status, error: (outcome.error ?? undefined) as Prisma.InputJsonValue | undefined, finishedAt: new Date(), leaseUntil: null, waitingFor: null, waitUntil: null, dueAt: null },
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
  const [{ resumed }] = await db().$queryRaw<{ resumed: number }[]>`
    WITH resumed AS (
      UPDATE runs SET status = 'queued', waiting_for = NULL, due_at = now() WHERE status = 'waiting' AND waiting_for = ${`reconnect:${connectionId}`}
      RETURNING id),
    notified AS (SELECT pg_notify(${RUNS_CHANNEL}, '') FROM (SELECT 1 FROM resumed LIMIT 1) one)
    SELECT (SELECT count(*)::int FROM resumed) AS resumed, (SELECT count(*) FROM notified) AS notified`;
  return resumed;
}

export async function cancelRun(runId: string, client: Prisma.TransactionClient = db()): Promise<boolean> {
  const count = await client.run.updateMany({
    where: { id: runId, status: { in: ["queued", "running", "waiting"] } },
    data: { status: "cancelled", finishedAt: new Date(), leaseUntil: null, dueAt: null },
  });
  return count.count > 0;
}

/**
 * Safety net, run on a schedule. Due runs, expired leases and overdue parked runs need none:
 * they are simply claimable. What remains: runs waiting for a connection that is active again,
 * and events stored before ingest routed them itself (an upgrade from pg-boss routing).
 */
export async function sweepRuns(): Promise<number> {
  const [{ resumed }] = await db().$queryRaw<{ resumed: number }[]>`
    WITH resumed AS (
      UPDATE runs SET status = 'queued', waiting_for = NULL, due_at = now()
      WHERE status = 'waiting' AND waiting_for LIKE 'reconnect:%' AND EXISTS (
        SELECT 1 FROM connections c WHERE 'reconnect:' || c.id::text = runs.waiting_for AND c.status = 'active')
      RETURNING id),
    notified AS (SELECT pg_notify(${RUNS_CHANNEL}, '') FROM (SELECT 1 FROM resumed LIMIT 1) one)
    SELECT (SELECT count(*)::int FROM resumed) AS resumed, (SELECT count(*) FROM notified) AS notified`;
  return resumed + (await sweepUnroutedEvents());
}

async function sweepUnroutedEvents(): Promise<number> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT id::text FROM trigger_events WHERE processed_at IS NULL AND received_at > now() - interval '1 day' LIMIT 500`;
  for (const row of rows) await routeEvent(row.id);
  return rows.length;
}

/*
 * Ends a run that reached its end ($4 "succeeded" or "filtered"). A replay that succeeds
 * resolves the failed runs it replays (the chain of replay_of_id), so they are shown as fixed
 * and left out of bulk replay.
 */
const RESOLVE_REPLAYED = `
  chain AS (
    SELECT f.replay_of_id AS id FROM finished f WHERE f.replay_of_id IS NOT NULL AND f.status = 'succeeded'
    UNION SELECT r.replay_of_id FROM runs r JOIN chain c ON r.id = c.id WHERE r.replay_of_id IS NOT NULL),
  resolved AS (
    UPDATE runs o SET resolved_by_id = $1::uuid FROM chain c WHERE o.id = c.id AND o.status = 'failed' AND o.resolved_by_id IS NULL)`;

const FINISH_ENDED = `
  WITH RECURSIVE finished AS (
    UPDATE runs SET status = $4::"RunStatus", finished_at = now(), lease_until = NULL, waiting_for = NULL, wait_until = NULL, due_at = NULL
    WHERE id = $1::uuid AND claim_id = $2::uuid AND status = 'running' RETURNING id, replay_of_id, status),
  reset AS (
    UPDATE workflows SET consecutive_failures = 0, updated_at = now()
    WHERE id = $3::uuid AND consecutive_failures <> 0 AND EXISTS (SELECT 1 FROM finished)),
  ${RESOLVE_REPLAYED}
  SELECT EXISTS (SELECT 1 FROM finished) AS finished`;

/** The same, with the last step's checkpoint ($1…$14 as in steps.ts, $15 the workflow, $16 the status). */
const FINISH_ENDED_WITH_STEP = `
  WITH RECURSIVE owner AS (
    UPDATE runs SET status = $16::"RunStatus", finished_at = now(), lease_until = NULL, waiting_for = NULL, wait_until = NULL, due_at = NULL
    WHERE id = $1::uuid AND claim_id = $2::uuid AND status = 'running' RETURNING id, replay_of_id, status),
  finished AS (SELECT * FROM owner),
  saved AS (${UPSERT_STEP_FROM_OWNER}),
  reset AS (
    UPDATE workflows SET consecutive_failures = 0, updated_at = now()
    WHERE id = $15::uuid AND consecutive_failures <> 0 AND EXISTS (SELECT 1 FROM owner)),
  ${RESOLVE_REPLAYED}
  SELECT EXISTS (SELECT 1 FROM owner) AND EXISTS (SELECT 1 FROM saved) AS finished`;
