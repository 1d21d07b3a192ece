/**
 * The ID map behind `IdMapPort`: cross-system links with a unique constraint on
 * (source system, type, id, target system, type), so a retried or replayed write step
 * re-links instead of creating a duplicate.
 */
import { randomUUID } from "node:crypto";
import type { ConnectorKey, ExternalRef, IdMapPort } from "@/lib/connectors/define";
import { RetryableError } from "@/lib/connectors/errors";
import { db, type Db } from "./client";

/**
 * The lock's lease, renewed every third of it while the write runs: a killed holder's lock
 * frees itself this soon. Never longer than a run's lease (tests shorten that), so a crashed
 * worker's locks are free before its runs resume elsewhere.
 */
const DEFAULT_LOCK_TTL_MS = Math.min(15_000, Number(process.env.BLOOMBRIDGE_LEASE_MS) || 15_000);
/** Past this, the waiting step gives up and is retried later by the executor. */
const LOCK_WAIT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type IdMapRepository = IdMapPort & {
  /** The `sourceSystem` record that was linked to `target`; the most recent link wins. */
  findSource(target: ExternalRef, sourceSystem: ConnectorKey, sourceType: string): Promise<string | null>;
};

export function createIdMapPort(client: Db = db(), options: { lockTtlMs?: number } = {}): IdMapRepository {
  const LOCK_TTL_MS = options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS;
  async function findSource(target: ExternalRef, sourceSystem: ConnectorKey, sourceType: string) {
    const rows = await client.$queryRaw<{ source_id: string }[]>`
      SELECT source_id FROM id_map
      WHERE target_system = ${target.system} AND target_type = ${target.type} AND target_id = ${target.id}
        AND source_system = ${sourceSystem} AND source_type = ${sourceType}
      ORDER BY updated_at DESC
      LIMIT 1`;
    return rows[0]?.source_id ?? null;
  }

  return {
    // A link made in one direction must answer lookups from the other side too, otherwise
    // a two-way sync would create the record again when the change comes back.
    async find(source, targetSystem, targetType) {
      // One round trip: the forward link if there is one, else the newest reverse link.
      const rows = await client.$queryRaw<{ id: string }[]>`
        (SELECT target_id AS id, 0 AS reverse, updated_at FROM id_map
         WHERE source_system = ${source.system} AND source_type = ${source.type} AND source_id = ${source.id}
           AND target_system = ${targetSystem} AND target_type = ${targetType})
        UNION ALL
        (SELECT source_id, 1, updated_at FROM id_map
         WHERE target_system = ${source.system} AND target_type = ${source.type} AND target_id = ${source.id}
           AND source_system = ${targetSystem} AND source_type = ${targetType})
        ORDER BY reverse, updated_at DESC
        LIMIT 1`;
      return rows[0]?.id ?? null;
    },

    async link(source, target) {
      await client.$executeRaw`
        INSERT INTO id_map (source_system, source_type, source_id, target_system, target_type, target_id)
        VALUES (${source.system}, ${source.type}, ${source.id}, ${target.system}, ${target.type}, ${target.id})
        ON CONFLICT (source_system, source_type, source_id, target_system, target_type)
        DO UPDATE SET target_id = EXCLUDED.target_id, updated_at = now()`;
    },

    findSource,

    // A lock row rather than an advisory lock: holding a pooled connection across a vendor
    // call could exhaust the pool. Contention is rare (one record, two runs), so polling is cheap.
    async exclusive(source, targetSystem, targetType, write) {
      const key = `${source.system}:${source.type}:${source.id}>${targetSystem}:${targetType}`;
      const holder = randomUUID();
      const giveUpAt = Date.now() + LOCK_WAIT_MS;
      for (let pause = 10; !(await tryLock(key, holder)); pause = Math.min(pause * 2, 250)) {
        if (Date.now() > giveUpAt) throw new RetryableError(`Another run is still writing the ${targetType} for ${source.type} ${source.id}`);
        await sleep(pause);
      }
      const renew = () =>
        client.$executeRaw`
          UPDATE id_map_locks SET expires_at = clock_timestamp() + ${LOCK_TTL_MS} * interval '1 millisecond'
          WHERE key = ${key} AND holder = ${holder}::uuid`.catch(() => undefined);
      const heartbeat = setInterval(renew, Math.max(10, Math.floor(LOCK_TTL_MS / 3))).unref();
      try {
        return await write();
      } finally {
        clearInterval(heartbeat);
        await client.$executeRaw`DELETE FROM id_map_locks WHERE key = ${key} AND holder = ${holder}::uuid`;
      }
    },
  };

  async function tryLock(key: string, holder: string): Promise<boolean> {
    const taken = await client.$executeRaw`
      INSERT INTO id_map_locks (key, holder, expires_at) VALUES (${key}, ${holder}::uuid, clock_timestamp() + ${LOCK_TTL_MS} * interval '1 millisecond')
      ON CONFLICT (key) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
      WHERE id_map_locks.expires_at < clock_timestamp()`;
    return taken > 0;
  }
}
