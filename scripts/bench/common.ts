/** Shared by the benchmarks: a throwaway database, child processes, percentiles, machine facts. */
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** Embedded PostgreSQL in a temp dir, migrated; sets DATABASE_URL and BLOOMBRIDGE_DATA_DIR for this process. */
export async function startBenchDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bloombridge-bench-"));
  await chmod(dir, 0o755); // initdb may run as another user when we are root
  const database = await startEmbeddedPostgres({ dataDir: path.join(dir, "db"), database: "bench", persistent: false });
  await migrate(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.BLOOMBRIDGE_DATA_DIR = dir;
  return {
    url: database.url,
    stop: async () => {
      await database.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A TypeScript entry point in its own node process; resolves once it prints `ready`. */
export async function startChild(file: string, env: Record<string, string>): Promise<{ child: ChildProcess; stop: () => void; line: string }> {
  const child = spawn(process.execPath, ["--import", "./scripts/exit-with-parent.mjs", "--import", "tsx", file], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let buffer = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
      const ready = buffer.split("\n").find((l) => l.startsWith("ready"));
      if (ready) resolve(ready);
    });
    child.once("exit", (code) => reject(new Error(`${file} exited with ${code} before it was ready`)));
  });
  return { child, line, stop: () => void child.kill("SIGTERM") };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function machine(): string {
  const memGb = (os.totalmem() / 2 ** 30).toFixed(1);
  return `${new Date().toISOString()} · ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}) · ${memGb} GB RAM · load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} · node ${process.version}`;
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** Polls `probe` until it returns true; throws after `timeoutMs`. */
export async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number, everyMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
