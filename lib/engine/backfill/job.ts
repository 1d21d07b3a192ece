/**
 * The backfill worker job: pages on while the backfill is running, for a bounded time, then
 * hands over to a fresh job so pg-boss's expiry never cuts a long backfill short. Pausing
 * takes effect at the next page boundary.
 */
import { AuthError } from "@/lib/connectors/errors";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { QUEUES, enqueueWithinTransaction, send, work, type SendOptions } from "../queue";
import { ConnectionNeedsReconnectError } from "../token-manager";
import { processPage } from "./page";
import { canBackfill } from "./scope";
import { getBackfill, stalledBackfillIds, transition } from "./store";

export type BackfillJob = { backfillId: string };

const JOB_BUDGET_MS = 120_000;
// A worker killed mid-job: pg-boss hands the job out again after this, and it resumes at the cursor.
export const BACKFILL_JOB_OPTIONS: SendOptions = { retryLimit: 3, retryDelay: 5, expireInSeconds: 300 };

export function enqueueBackfill(backfillId: string): Promise<string | null> {
  return send(QUEUES.backfill, { backfillId } satisfies BackfillJob, BACKFILL_JOB_OPTIONS);
}

export function enqueueBackfillWithin(tx: Parameters<typeof enqueueWithinTransaction>[0], backfillId: string): Promise<string | null> {
  return enqueueWithinTransaction(tx, QUEUES.backfill, { backfillId } satisfies BackfillJob, BACKFILL_JOB_OPTIONS);
}

/** The published version the backfill feeds, or why it cannot go on. */
async function liveTarget(workflowId: string): Promise<{ id: string; triggerKey: string } | string> {
  const workflow = await db().workflow.findUnique({ where: { id: workflowId }, include: { publishedVersion: { select: { triggerKey: true } } } });
  if (!workflow?.publishedVersion) return "The workflow has no published version any more; publish it, then resume the backfill";
  if (!workflow.enabled) return "The workflow was paused; enable it, then resume the backfill";
  if (!canBackfill(workflow.publishedVersion.triggerKey)) return `The workflow's trigger ${workflow.publishedVersion.triggerKey} does not take GHL contacts`;
  return { id: workflow.id, triggerKey: workflow.publishedVersion.triggerKey };
}

export async function runBackfill(backfillId: string): Promise<void> {
  const started = Date.now();
  for (;;) {
    const backfill = await getBackfill(backfillId);
    if (backfill?.status !== "running") return;
    const target = await liveTarget(backfill.workflowId);
    if (typeof target === "string") {
      await transition(backfillId, ["running"], "paused", { error: target });
      return;
    }
    let outcome;
    try {
      outcome = await processPage(backfill, target);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Credentials can be fixed and the backfill resumed; anything else ends it (resume retries).
      const fixable = error instanceof ConnectionNeedsReconnectError || error instanceof AuthError;
      await transition(backfillId, ["running"], fixable ? "paused" : "failed", { error: message });
      logger.warn({ backfillId, error: message }, fixable ? "backfill paused" : "backfill failed");
      return;
    }
    if (outcome.kind !== "more") return;
    if (Date.now() - started > JOB_BUDGET_MS) {
      await enqueueBackfill(backfillId);
      return;
    }
  }
}

/**
 * pg-boss retries a job whose worker died, but only `retryLimit` times; a backfill that stayed
 * "running" without a checkpoint for longer than a job may live is handed a new job. A job
 * that was merely slow loses nothing: the cursor check lets only one of the two save a page.
 */
export async function resumeStalledBackfills(): Promise<string[]> {
  const ids = await stalledBackfillIds(2 * (BACKFILL_JOB_OPTIONS.expireInSeconds ?? 300) * 1000);
  for (const id of ids) await enqueueBackfill(id);
  if (ids.length) logger.info({ backfills: ids }, "re-queued stalled backfills");
  return ids;
}

export async function registerBackfillJobs(): Promise<void> {
  await work<BackfillJob>(QUEUES.backfill, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const job of jobs) await runBackfill(job.data.backfillId);
  });
  await resumeStalledBackfills();
}
