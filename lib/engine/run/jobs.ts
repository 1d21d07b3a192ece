/**
 * The engine's work in a worker: the run dispatcher (runs claimed straight from PostgreSQL,
 * woken by NOTIFY) and the pg-boss jobs for what is periodic or rare (sweep, prune, backfill,
 * alerts).
 */
import { deliverAlert, type AlertJob } from "@/lib/alerts/deliver";
import { logger } from "@/lib/log";
import { registerBackfillJobs } from "../backfill/job";
import { QUEUES, schedule, work } from "../queue";
import { defaultConcurrency, defaultPollIntervalMs, startDispatcher, type Dispatcher } from "./dispatcher";
import { executeClaimed } from "./execute";
import { sweepRuns } from "./lifecycle";
import { pruneRuns } from "./prune";

const SWEEP_QUEUE = QUEUES.sweep;

let dispatcher: Dispatcher | undefined;

/** Stops claiming runs and waits for those in flight (a worker's graceful stop). */
export async function stopEngineJobs(timeoutMs?: number): Promise<void> {
  const running = dispatcher;
  dispatcher = undefined;
  await running?.stop(timeoutMs);
}

export async function registerEngineJobs(concurrency = defaultConcurrency()): Promise<void> {
  if (!dispatcher) {
    const started = startDispatcher({
      concurrency,
      pollIntervalMs: defaultPollIntervalMs(),
      execute: async (run) => {
        let dueAgainAt: Date | undefined;
        const outcome = await executeClaimed(run, { onParked: (until) => (dueAgainAt = until) });
        logger.debug({ runId: run.id, outcome: outcome.kind }, "run step batch finished");
        return { dueAgainAt };
      },
    });
    dispatcher = started;
    logger.info({ concurrency }, "run dispatcher started");
  }
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
