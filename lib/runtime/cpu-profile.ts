/**
 * BLOOMBRIDGE_CPU_PROFILE_DIR=<dir>: the process records a V8 CPU profile from start to a
 * graceful stop and writes it there (open it in Chrome DevTools). For `npm run bench:*`
 * (node refuses --cpu-prof in NODE_OPTIONS, and the supervisor starts the processes).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";

export async function startCpuProfileFromEnv(role: string): Promise<() => Promise<void>> {
  const dir = process.env.BLOOMBRIDGE_CPU_PROFILE_DIR;
  if (!dir) return async () => undefined;
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async () => {
    const { profile } = await session.post("Profiler.stop");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${role}-${process.pid}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}
