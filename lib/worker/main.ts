/** A worker process: heartbeat plus the job handlers, stopped gracefully on SIGTERM/SIGINT. */
import { disconnectDb } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { startHeartbeat } from "./heartbeat";

export async function startWorker(): Promise<void> {
  const stopHeartbeat = startHeartbeat();
  logger.info({ pid: process.pid }, "worker started");
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker stopping");
    await stopHeartbeat();
    await disconnectDb();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
