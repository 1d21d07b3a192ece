/**
 * Runs the roles of `npm start` as child processes, restarts one that crashes (with
 * backoff), and stops them all — whole process groups, so no grandchild survives.
 */
import { spawn, type ChildProcess } from "node:child_process";

export type ChildSpec = {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string | undefined>;
  /** Resolves when the child is ready (e.g. its port answers). */
  ready?: () => Promise<void>;
};

type Running = { spec: ChildSpec; child: ChildProcess; restarts: number; startedAt: number };

export class Supervisor {
  private running = new Map<string, Running>();
  private stopping = false;

  constructor(private readonly log: (line: string) => void) {}

  async start(spec: ChildSpec, restarts = 0): Promise<void> {
    const child = spawn(spec.command, spec.args, {
      env: { ...process.env, ...spec.env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const entry: Running = { spec, child, restarts, startedAt: Date.now() };
    this.running.set(spec.name, entry);
    const prefix = (line: string) => (line.trim() ? `[${spec.name}] ${line}` : "");
    child.stdout?.on("data", (chunk: Buffer) => chunk.toString().split("\n").map(prefix).filter(Boolean).forEach((l) => process.stdout.write(l + "\n")));
    child.stderr?.on("data", (chunk: Buffer) => chunk.toString().split("\n").map(prefix).filter(Boolean).forEach((l) => process.stderr.write(l + "\n")));
    child.on("exit", (code, signal) => {
      if (this.stopping || this.running.get(spec.name)?.child !== child) return;
      // What the crashed child started (e.g. Next's own workers) would outlive it, holding ports.
      signalGroup(child, "SIGKILL");
      // A child that ran for a minute earns a fresh restart budget.
      const next = Date.now() - entry.startedAt > 60_000 ? 0 : entry.restarts + 1;
      const delay = Math.min(30_000, 500 * 2 ** next);
      this.log(`${spec.name} exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`);
      setTimeout(() => {
        if (!this.stopping) void this.start(spec, next).catch((e) => this.log(`${spec.name} failed to restart: ${e}`));
      }, delay);
    });
    if (spec.ready) {
      await Promise.race([
        spec.ready(),
        new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`${spec.name} exited with code ${code} before it was ready`)))),
      ]);
    }
  }

  /** SIGTERM to every child's process group, then SIGKILL what is left after the grace period. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const entries = [...this.running.values()].reverse();
    await Promise.all(entries.map(({ spec, child }) => stopChild(spec.name, child, graceMs, this.log)));
    this.running.clear();
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

function stopChild(name: string, child: ChildProcess, graceMs: number, log: (line: string) => void): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      log(`${name} did not stop within ${graceMs} ms; killing it`);
      signalGroup(child, "SIGKILL");
    }, graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      // Grandchildren (e.g. Next's own workers) share the group: make sure they are gone too.
      signalGroup(child, "SIGKILL");
      resolve();
    });
    signalGroup(child, "SIGTERM");
  });
}

export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
}
