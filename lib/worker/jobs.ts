/** Every job a worker handles, registered in one place. */
import { getTrigger } from "@/lib/connectors/registry";
import { pollAll } from "@/lib/engine/polling";
import { QUEUES, schedule, work } from "@/lib/engine/queue";
import { registerEngineJobs } from "@/lib/engine/run/jobs";
import { logger } from "@/lib/log";

export async function registerJobs(): Promise<void> {
  await registerEngineJobs();
  await work(QUEUES.poll, { batchSize: 1 }, async () => {
    const outcomes = await pollAll(new Date(), getTrigger);
    const emitted = outcomes.reduce((n, o) => n + o.emitted, 0);
    if (emitted) logger.info({ emitted }, "polling triggers emitted events");
  });
  await schedule(QUEUES.poll, "* * * * *");
}
