/**
 * In-flight request limit per connection, shared by every worker: a request holds one of the
 * connection's numbered slots in `connection_slots` from just before it is sent until its
 * response is read. A slot is taken in a single upsert, so two workers can never hold the same
 * one. Its lease is short and renewed while the request runs, so the slot of a killed worker
 * frees itself soon after; a process starved for longer than a lease may lose its slot early.
 */
import { randomUUID } from "node:crypto";
import { RateLimitedError } from "@/lib/connectors/errors";
import { db, type Db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { sleep } from "./sleep";

export type SlotLease = { connectionId: string; slot: number; holder: string };

export type SlotWait = {
  /** Waiting longer than this throws `ConnectionBusyError`, so a run parks instead of holding a worker. */
  maxWaitMs?: number;
  /** How long the slot stays ours without a renewal (a killed holder); renewed every third of it. */
  leaseMs?: number;
  signal?: AbortSignal;
};

export type ConnectionSlots = {
  acquire(connectionId: string, limit: number, wait?: SlotWait): Promise<SlotLease>;
  /** Stops renewing and frees the slot, unless its lease ran out and someone else took it over. */
  release(lease: SlotLease): Promise<void>;
  /** Requests to the connection in flight right now (live leases). */
  inFlight(connectionId: string): Promise<number>;
};

/** Every slot busy for longer than the caller may wait: the run parks like a rate limit. */
export class ConnectionBusyError extends RateLimitedError {}

const DEFAULT_MAX_WAIT_MS = 5_000;
// Never longer than a run's lease (tests shorten that), so a crash frees slots before its runs resume.
const DEFAULT_LEASE_MS = Math.min(15_000, Number(process.env.BLOOMBRIDGE_LEASE_MS) || 15_000);
const FIRST_POLL_MS = 10;
const MAX_POLL_MS = 200;
// A parked run tries again after about this long; jitter keeps parked runs from waking together.
const PARK_MS = 1_000;

/*
 * Takes a free slot number below the limit, picked at random so workers racing for a slot
 * rarely collide. The conflict branch re-checks the lease on the latest committed row, so of
 * two workers taking the same expired or just-released slot only one gets a row back. While
 * slots at or above the limit are live (the limit was just lowered), nothing new is granted.
 * $1 connection, $2 limit, $3 holder, $4 lease ms.
 */
const ACQUIRE_SQL = `
WITH live AS (
  SELECT slot FROM connection_slots WHERE connection_id = $1::uuid AND lease_until > clock_timestamp()
), candidate AS (
  SELECT s AS slot FROM generate_series(0, $2::int - 1) s
  WHERE s NOT IN (SELECT slot FROM live) AND NOT EXISTS (SELECT 1 FROM live WHERE slot >= $2::int)
  ORDER BY random() LIMIT 1
)
INSERT INTO connection_slots AS c (connection_id, slot, holder, lease_until, acquired_at)
SELECT $1::uuid, slot, $3, clock_timestamp() + $4::int * interval '1 millisecond', clock_timestamp() FROM candidate
ON CONFLICT (connection_id, slot) DO UPDATE SET holder = EXCLUDED.holder, lease_until = EXCLUDED.lease_until, acquired_at = EXCLUDED.acquired_at
WHERE c.lease_until <= clock_timestamp()
RETURNING slot`;

export function createConnectionSlots(client: Db = db()): ConnectionSlots {
  const heartbeats = new Map<string, NodeJS.Timeout>();

  function keepAlive(lease: SlotLease, leaseMs: number) {
    const renew = () =>
      client
        .$executeRawUnsafe(
          `UPDATE connection_slots SET lease_until = clock_timestamp() + $4::int * interval '1 millisecond'
           WHERE connection_id = $1::uuid AND slot = $2::int AND holder = $3`,
          lease.connectionId,
          lease.slot,
          lease.holder,
          leaseMs,
        )
        .catch((err: unknown) => logger.warn({ err, connectionId: lease.connectionId }, "renewing a connection slot failed"));
    heartbeats.set(lease.holder, setInterval(renew, Math.max(10, Math.floor(leaseMs / 3))).unref());
  }

  return {
    async acquire(connectionId, limit, wait = {}) {
      const holder = `${process.pid}:${randomUUID()}`;
      const maxWaitMs = wait.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
      const leaseMs = Math.round(wait.leaseMs ?? DEFAULT_LEASE_MS);
      const started = Date.now();
      for (let pollMs = FIRST_POLL_MS; ; pollMs = Math.min(MAX_POLL_MS, pollMs * 2)) {
        const rows = await client.$queryRawUnsafe<{ slot: number }[]>(ACQUIRE_SQL, connectionId, limit, holder, leaseMs);
        if (rows[0]) {
          const lease = { connectionId, slot: rows[0].slot, holder };
          keepAlive(lease, leaseMs);
          return lease;
        }
        const delay = pollMs + Math.floor(Math.random() * pollMs);
        if (Date.now() - started + delay > maxWaitMs) {
          throw new ConnectionBusyError(
            `All ${limit} request slots of connection ${connectionId} are busy (its limit of requests at once); trying again shortly`,
            PARK_MS + Math.floor(Math.random() * PARK_MS),
          );
        }
        await sleep(delay, wait.signal);
      }
    },

    async release(lease) {
      clearInterval(heartbeats.get(lease.holder));
      heartbeats.delete(lease.holder);
      try {
        await client.$executeRawUnsafe(
          `DELETE FROM connection_slots WHERE connection_id = $1::uuid AND slot = $2::int AND holder = $3`,
          lease.connectionId,
          lease.slot,
          lease.holder,
        );
      } catch (err) {
        // The response is already in hand; the slot frees itself when its lease ends.
        logger.warn({ err, connectionId: lease.connectionId, slot: lease.slot }, "releasing a connection slot failed");
      }
    },

    async inFlight(connectionId) {
      const [row] = await client.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM connection_slots WHERE connection_id = $1::uuid AND lease_until > clock_timestamp()`,
        connectionId,
      );
      return row?.n ?? 0;
    },
  };
}

let shared: { client: Db; slots: ConnectionSlots } | undefined;

/** The process's slots on the shared PrismaClient. */
export function connectionSlots(): ConnectionSlots {
  const client = db();
  if (!shared || shared.client !== client) shared = { client, slots: createConnectionSlots(client) };
  return shared.slots;
}
