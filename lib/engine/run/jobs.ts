/** The engine's job handlers, subscribed by every worker. */
import { deliverAlert, type AlertJob } from "@/lib/alerts/deliver";
import { logger } from "@/lib/log";
import { registerBackfillJobs } from "../backfill/job";
import type { TriggerJob } from "../ingest";
import { QUEUES, schedule, work } from "../queue";
import { executeRun } from "./execute";
import { sweepRuns, type RunJob } from "./lifecycle";
import { pruneRuns } from "./prune";
import { routeEvent } from "./route-event";

const SWEEP_QUEUE = QUEUES.sweep;

export async function registerEngineJobs(concurrency = Number(process.env.WORKER_CONCURRENCY ?? 4)): Promise<void> {
  await work<TriggerJob>(QUEUES.trigger, { batchSize: concurrency, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    await Promise.all(jobs.map((job) => routeEvent(job.data.eventId)));
  });
  await work<RunJob>(QUEUES.run, { batchSize: concurrency, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    await Promise.all(
      jobs.map(async (job) => {
        const outcome = await executeRun(job.data.runId);
        if (outcome) logger.info({ runId: job.data.runId, outcome: outcome.kind }, "run step batch finished");
      }),
    );
  });
  await work(SWEEP_QUEUE, { batchSize: 1 }, async () => {
    const swept = await sweepRuns();
    if (swept) logger.info({ swept }, "re-queued stalled or due runs");
  });
  await schedule(SWEEP_QUEUE, "* * * * *");
  // Cron ticks once a minute; a test (or an impatient operator) can sweep more often.
  const sweepEveryMs = Number(process.env.BLOOMBRIDGE_SWEEP_INTERVAL_MS);
  if (Number.isFinite(sweepEveryMs) && sweepEveryMs > 0) {
    setInterval(() => void sweepRuns().catch((err) => logger.warn({ err }, "sweep failed")), sweepEveryMs).unref();
  }
  await work(QUEUES.prune, { batchSize: 1 }, async () => {
    const { deleted } = await pruneRuns();
    if (deleted) logger.info({ deleted }, "pruned run history");
  });
  await schedule(QUEUES.prune, "17 * * * *");
  await registerBackfillJobs();
  await work<AlertJob>(QUEUES.alert, { batchSize: 2, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await deliverAlert(job.data);
  });
}
