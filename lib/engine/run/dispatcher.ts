/**
 * A worker's run loop. PostgreSQL is the run queue (the runs table; see lifecycle.ts), so
 * there is no broker to poll: a commit that makes runs due NOTIFYs every worker, each claims
 * as many as it has room for in one statement (FOR UPDATE SKIP LOCKED: a run goes to exactly
 * one of them), and keeps up to `concurrency` runs in flight, claiming more as each ends. The
 * poll is only a safety net (a lost connection, a run parked by a worker that died). A
 * heartbeat renews the leases of the runs in hand, so a lease can stay short and a killed
 * worker's runs are taken over within about LEASE_MS.
 */
import os from "node:os";
import pg from "pg";
import { databaseUrl } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { claimRuns, CONCURRENCY_DEFER_MS, LEASE_MS, renewLeases, RUNS_CHANNEL, type ClaimedRun } from "./lifecycle";

export type DispatcherOptions = {
  /** Runs in flight at once in this process. */
  concurrency: number;
  /** Safety-net claim attempt when nothing woke the worker for this long. */
  pollIntervalMs: number;
  /** Executes one claimed run; may tell when the run becomes due again (parked). */
  execute: (run: ClaimedRun) => Promise<{ dueAgainAt?: Date } | void>;
  /** Largest claim in one statement. */
  maxBatch?: number;
};

export type Dispatcher = {
  /** Try to claim now (tests, and whoever knows a run became due). */
  wake(): void;
  readonly inFlight: number;
  /** Stops claiming; waits up to `timeoutMs` for runs in flight (others keep their lease and are taken over later). */
  stop(timeoutMs?: number): Promise<void>;
};

/**
 * Runs mostly wait on HTTP, so a worker keeps many in flight per core; WORKER_CONCURRENCY
 * overrides it.
 */
export function defaultConcurrency(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.WORKER_CONCURRENCY);
  if (Number.isInteger(configured) && configured > 0) return configured;
  return Math.max(8, os.availableParallelism() * 16);
}

/** BLOOMBRIDGE_POLL_INTERVAL_MS, default 2 s: only a safety net under NOTIFY. */
export function defaultPollIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.BLOOMBRIDGE_POLL_INTERVAL_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : 2_000;
}

export function startDispatcher(options: DispatcherOptions): Dispatcher {
  const maxBatch = options.maxBatch ?? 64;
  const inFlight = new Map<string, ClaimedRun>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  let claiming = false;
  /** A wake-up arrived while claiming, or while every slot was taken: claim once there is room. */
  let pending = true;
  const idle: Array<() => void> = [];

  const later = (ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      wake();
    }, Math.max(0, ms));
    timer.unref();
    timers.add(timer);
  };

  function wake() {
    pending = true;
    if (stopped || claiming || inFlight.size >= options.concurrency) return;
    void claimLoop();
  }

  async function claimLoop() {
    claiming = true;
    try {
      while (pending && !stopped && inFlight.size < options.concurrency) {
        pending = false;
        const want = Math.min(options.concurrency - inFlight.size, maxBatch);
        const { runs, deferred } = await claimRuns(want);
        for (const run of runs) start(run);
        // Runs over their workflow's limit are due again shortly: look for them then.
        if (deferred) later(CONCURRENCY_DEFER_MS + 5);
        // A full batch may have left more behind: go on while there is room.
        if (runs.length === want) pending = true;
      }
    } catch (error) {
      logger.warn({ err: error }, "claiming runs failed; trying again in 1 s");
      later(1_000);
    } finally {
      claiming = false;
    }
  }

  function start(run: ClaimedRun) {
    inFlight.set(run.id, run);
    void options
      .execute(run)
      .then((result) => {
        if (result?.dueAgainAt) later(result.dueAgainAt.getTime() - Date.now() + 5);
      })
      .catch((error: unknown) => logger.error({ err: error, runId: run.id }, "run execution crashed"))
      .finally(() => {
        inFlight.delete(run.id);
        if (inFlight.size === 0) idle.splice(0).forEach((resolve) => resolve());
        if (pending) wake();
      });
  }

  // Renew well before a lease could run out; a run whose claim is gone learns it at its next write.
  const heartbeatEveryMs = Math.max(250, Math.floor(LEASE_MS / 4));
  const heartbeat = setInterval(() => {
    const due = [...inFlight.values()].filter((run) => performance.now() - run.leaseSetAt >= heartbeatEveryMs);
    if (!due.length) return;
    const sentAt = performance.now();
    renewLeases(due)
      .then((held) => due.forEach((run) => held.has(run.id) && (run.leaseSetAt = sentAt)))
      .catch((error: unknown) => logger.warn({ err: error }, "renewing leases failed"));
  }, heartbeatEveryMs);
  heartbeat.unref();
  const poll = setInterval(wake, options.pollIntervalMs);
  poll.unref();
  const listener = listen(wake, () => stopped);
  wake();

  return {
    wake,
    get inFlight() {
      return inFlight.size;
    },
    async stop(timeoutMs = 10_000) {
      stopped = true;
      clearInterval(heartbeat);
      clearInterval(poll);
      for (const timer of timers) clearTimeout(timer);
      await listener.close();
      if (inFlight.size) await Promise.race([new Promise<void>((resolve) => idle.push(resolve)), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    },
  };
}

/** LISTEN on its own connection, reconnecting with backoff; every (re)connect also wakes, as notifications may have been missed. */
function listen(onNotify: () => void, stopped: () => boolean): { close(): Promise<void> } {
  let client: pg.Client | undefined;
  let retryMs = 500;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl(), application_name: "bloombridge-worker-listen" });
    next.on("notification", onNotify);
    next.on("error", (error) => {
      if (!stopped()) logger.warn({ err: error }, "run notifications connection failed; reconnecting");
    });
    next.on("end", () => {
      if (client === next) client = undefined;
      if (!stopped()) schedule();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${RUNS_CHANNEL}`);
      if (stopped()) return void (await next.end().catch(() => undefined));
      client = next;
      retryMs = 500;
      onNotify();
    } catch (error) {
      logger.warn({ err: error }, "could not listen for run notifications; retrying");
      await next.end().catch(() => undefined);
      schedule();
    }
  };
  const schedule = () => {
    if (retry || stopped()) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, retryMs);
    retry.unref();
    retryMs = Math.min(retryMs * 2, 30_000);
  };
  void connect();
  return {
    async close() {
      if (retry) clearTimeout(retry);
      const open = client;
      client = undefined;
      await open?.end().catch(() => undefined);
    },
  };
}
