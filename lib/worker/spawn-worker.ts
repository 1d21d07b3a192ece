/**
 * Tests and benchmarks: a REAL worker process (scripts/worker.ts) against the caller's
 * database, in its own process group so it can be SIGKILLed with everything it started.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export type WorkerProcess = {
  child: ChildProcess;
  /** SIGKILL the whole process group: no graceful stop, no cleanup, like a crashed host. */
  kill: () => Promise<void>;
  /** SIGTERM (graceful stop) and wait for the exit. */
  stop: () => Promise<void>;
  exited: Promise<number | null>;
};

export function spawnWorker(env: Record<string, string | undefined>, options: { silent?: boolean } = {}): WorkerProcess {
  const root = path.resolve(import.meta.dirname, "../..");
  const child = spawn(process.execPath, ["--import", "./scripts/exit-with-parent.mjs", "--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    env: { ...process.env, BLOOMBRIDGE_ROLE: "worker", LOG_LEVEL: process.env.LOG_LEVEL ?? "warn", ...env },
    detached: true,
    stdio: options.silent ? "ignore" : ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  return {
    child,
    exited,
    kill: async () => {
      signalGroup("SIGKILL");
      await exited;
    },
    stop: async () => {
      signalGroup("SIGTERM");
      await exited;
    },
  };
}
