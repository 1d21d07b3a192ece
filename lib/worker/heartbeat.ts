import os from "node:os";
import { removeWorkerHeartbeat, writeWorkerHeartbeat } from "@/lib/ops/health";
import { logger } from "@/lib/log";

const INTERVAL_MS = 10_000;

/** Tells the web process (and /api/health) this worker is alive. */
export function startHeartbeat(): () => Promise<void> {
  const id = `${os.hostname()}-${process.pid}`;
  const beat = () => writeWorkerHeartbeat(id).catch((err) => logger.warn({ err }, "heartbeat failed"));
  void beat();
  const timer = setInterval(beat, INTERVAL_MS);
  return async () => {
    clearInterval(timer);
    await removeWorkerHeartbeat(id).catch(() => undefined);
  };
}
