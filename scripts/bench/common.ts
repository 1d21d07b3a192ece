/** Shared by the benchmarks: a throwaway database, child processes, percentiles, machine facts. */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** Embedded PostgreSQL in a temp dir, migrated; sets DATABASE_URL and BLOOMBRIDGE_DATA_DIR for this process. */
export async function startBenchDatabase(): Promise<{ url: string; dataDir: string; stop: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bloombridge-bench-"));
  await chmod(dir, 0o755); // initdb may run as another user when we are root
  const database = await startEmbeddedPostgres({ dataDir: path.join(dir, "db"), database: "bench", persistent: false });
  await migrate(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.BLOOMBRIDGE_DATA_DIR = dir;
  return {
    url: database.url,
    dataDir: path.join(dir, "db"),
    stop: async () => {
      await database.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A TypeScript entry point in its own node process; resolves once it prints `ready`. */
export async function startChild(file: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<{ child: ChildProcess; stop: () => void; line: string }> {
  const child = spawn(process.execPath, [...nodeArgs, "--import", "./scripts/exit-with-parent.mjs", "--import", "tsx", file], {
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

const TICKS_PER_SECOND = 100; // USER_HZ: `getconf CLK_TCK` is 100 on Linux

function statOf(pid: string): { ppid: number; own: number; reaped: number } | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return { ppid: Number(fields[1]), own: Number(fields[11]) + Number(fields[12]), reaped: Number(fields[13]) + Number(fields[14]) };
  } catch {
    return undefined; // exited meanwhile
  }
}

/**
 * CPU seconds (user + system) a process and its direct children have used, including children
 * it has already reaped (PostgreSQL's backends). Linux /proc; unlike wall-clock numbers, this
 * barely moves with the machine's load.
 */
export function cpuSecondsOfTree(rootPid: number): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    const stat = statOf(pid);
    if (!stat) continue;
    if (Number(pid) === rootPid) ticks += stat.own + stat.reaped;
    else if (stat.ppid === rootPid) ticks += stat.own;
  }
  return ticks / TICKS_PER_SECOND;
}

export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}
