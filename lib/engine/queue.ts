/**
 * Thin wrapper over pg-boss 10 on the app's own PostgreSQL (schema `pgboss`). Web processes
 * only send; workers also run maintenance and the cron clock. pg-boss 10 needs every queue
 * created before send/work, so the fixed list below is created at start.
 */
import PgBoss from "pg-boss";
import { databaseUrl } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";

/** Runs are not here: the runs table is their queue (lib/engine/run/dispatcher.ts). */
export const QUEUES = {
  poll: "poll-trigger",
  prune: "prune-history",
  sweep: "sweep-runs",
  backfill: "backfill",
  alert: "send-alert",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
export type Job<T> = PgBoss.Job<T>;

export type SendOptions = {
  singletonKey?: string;
  /** A date, an ISO string, or seconds from now. */
  startAfter?: Date | string | number;
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  priority?: number;
};

export type WorkOptions = { batchSize?: number; pollingIntervalSeconds?: number };

/** A pg client inside BEGIN, or a Prisma interactive transaction. */
export type TransactionClient =
  | { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> }
  | Prisma.TransactionClient;

let boss: PgBoss | undefined;
let stopping = false;
let starting: Promise<PgBoss> | undefined;

export async function startQueue(options: {
  role: "web" | "worker";
  connectionString?: string;
  schema?: string;
  /** Pool size of pg-boss's own connections. */
  max?: number;
}): Promise<PgBoss> {
  if (boss) return boss;
  if (!starting) stopping = false;
  starting ??= (async () => {
    const worker = options.role === "worker";
    const instance = new PgBoss({
      connectionString: options.connectionString ?? databaseUrl(),
      schema: options.schema ?? "pgboss",
      application_name: `bloombridge-${options.role}`,
      max: options.max ?? (worker ? 6 : 3),
      migrate: true,
      // One process running maintenance is enough, but any worker may; pg-boss locks it.
      supervise: worker,
      schedule: worker,
    });
    // Only the message: pg errors carry their whole client (connection settings) along.
    instance.on("error", (error) => {
      const detail = { message: error.message, code: (error as { code?: string }).code };
      if (stopping || detail.code === "57P01") logger.debug(detail, "queue connection closed while shutting down");
      else logger.error(detail, "queue error");
    });
    try {
      await instance.start();
      for (const name of Object.values(QUEUES)) await instance.createQueue(name);
    } catch (error) {
      await instance.stop({ graceful: false, wait: true }).catch(() => undefined);
      throw error;
    }
    boss = instance;
    return instance;
  })().finally(() => {
    starting = undefined;
  });
  return starting;
}

function started(): PgBoss {
  if (!boss) throw new Error("the job queue is not started: call startQueue() first");
  return boss;
}

/** For queues outside `QUEUES` (tests, one-off jobs); creating an existing queue is a no-op. */
export async function ensureQueue(name: string): Promise<void> {
  await started().createQueue(name);
}

export async function send<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<string | null> {
  return started().send(name, data, options);
}

/**
 * Inserts the job through the caller's open transaction, so it exists exactly when the
 * caller's own rows do (webhook ingest: event row + trigger job commit or roll back together).
 */
export async function enqueueWithinTransaction<T extends object>(
  client: TransactionClient,
  name: string,
  data: T,
  options: SendOptions = {},
): Promise<string | null> {
  const db: PgBoss.Db =
    "query" in client
      ? { executeSql: (text, values) => client.query(text, values) }
      : { executeSql: async (text, values) => ({ rows: await client.$queryRawUnsafe<unknown[]>(text, ...values) }) };
  return started().send(name, data, { ...options, db });
}

export async function work<T>(
  name: string,
  options: WorkOptions,
  handler: (jobs: Job<T>[]) => Promise<unknown>,
): Promise<string> {
  return started().work<T>(name, options, handler);
}

export async function stopWorking(name: string): Promise<void> {
  await started().offWork(name);
}

/** Cron in UTC; pg-boss keeps one schedule per queue name, so re-scheduling replaces it. */
export async function schedule<T extends object>(name: string, cron: string, data?: T, options: SendOptions = {}): Promise<void> {
  await started().schedule(name, cron, data ?? {}, { tz: "UTC", ...options });
}

export async function unschedule(name: string): Promise<void> {
  await started().unschedule(name);
}

export async function stopQueue(options: { graceful?: boolean; timeoutMs?: number } = {}): Promise<void> {
  stopping = true;
  const instance = boss ?? (await starting?.catch(() => undefined));
  boss = undefined;
  if (!instance) return;
  await instance.stop({ graceful: options.graceful ?? true, timeout: options.timeoutMs ?? 30_000, wait: true });
}

/** The running pg-boss, for what the wrapper does not cover (queue sizes, job lookups). */
export function queue(): PgBoss {
  return started();
}
