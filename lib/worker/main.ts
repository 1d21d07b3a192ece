/** A worker process: job queue, heartbeat, and the job handlers; graceful stop on SIGTERM/SIGINT. */
import { disconnectDb } from "@/lib/db/client";
import { startQueue, stopQueue } from "@/lib/engine/queue";
import { stopEngineJobs } from "@/lib/engine/run/jobs";
import { logger } from "@/lib/log";
import { startCpuProfileFromEnv } from "@/lib/runtime/cpu-profile";
import { startHeartbeat } from "./heartbeat";
import { registerJobs } from "./jobs";

export async function startWorker(): Promise<void> {
  const writeProfile = await startCpuProfileFromEnv("worker");
  await startQueue({ role: "worker" });
  await registerJobs();
  const stopHeartbeat = startHeartbeat();
  logger.info({ pid: process.pid }, "worker started");
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker stopping");
    // Graceful: finish the runs and jobs in hand; unfinished runs are resumed by another worker anyway.
    await stopEngineJobs(8_000).catch((err) => logger.warn({ err }, "run dispatcher stop failed"));
    await stopQueue({ graceful: true, timeoutMs: 8_000 }).catch((err) => logger.warn({ err }, "queue stop failed"));
    await stopHeartbeat();
    await disconnectDb();
    await writeProfile().catch((err) => logger.warn({ err }, "writing the CPU profile failed"));
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
