/** Readiness of each part; the web process answers /api/health from this. */
import { db } from "@/lib/db/client";

export type Health = {
  status: "ok" | "degraded" | "error";
  db: "ok" | "error";
  worker: "ok" | "missing";
  workers: number;
  version: string;
  uptimeSeconds: number;
  error?: string;
};

const HEARTBEAT_PREFIX = "heartbeat.worker.";
const HEARTBEAT_FRESH_MS = 30_000;

export async function writeWorkerHeartbeat(workerId: string): Promise<void> {
  const key = HEARTBEAT_PREFIX + workerId;
  const value = { at: new Date().toISOString(), pid: process.pid };
  await db().setting.upsert({ where: { key }, create: { key, value }, update: { value } });
}

export async function removeWorkerHeartbeat(workerId: string): Promise<void> {
  await db().setting.deleteMany({ where: { key: HEARTBEAT_PREFIX + workerId } });
}

export async function liveWorkers(now = Date.now()): Promise<number> {
  const rows = await db().setting.findMany({ where: { key: { startsWith: HEARTBEAT_PREFIX } } });
  return rows.filter((r) => now - new Date(String((r.value as { at?: string }).at)).getTime() < HEARTBEAT_FRESH_MS).length;
}

export async function checkHealth(): Promise<Health> {
  const base = { version: process.env.npm_package_version ?? "0.1.0", uptimeSeconds: Math.round(process.uptime()) };
  try {
    await Promise.race([
      db().$queryRaw`select 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database did not answer within 3 s")), 3000)),
    ]);
  } catch (error) {
    return { ...base, status: "error", db: "error", worker: "missing", workers: 0, error: (error as Error).message };
  }
  const workers = await liveWorkers();
  return { ...base, status: workers > 0 ? "ok" : "degraded", db: "ok", worker: workers > 0 ? "ok" : "missing", workers };
}
