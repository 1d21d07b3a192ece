/**
 * The one PrismaClient per process (on the pg driver adapter). Repository functions in
 * lib/db/ are the only callers of Prisma.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

type Db = InstanceType<typeof PrismaClient>;

const globalForDb = globalThis as unknown as { bloombridgeDb?: Db; bloombridgePool?: pg.Pool; bloombridgeDbUrl?: string };

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Bloombridge with `npm start`, which provides a database");
  return url;
}

function connect(): { db: Db; pool: pg.Pool } {
  const url = databaseUrl();
  if (!globalForDb.bloombridgeDb || !globalForDb.bloombridgePool || globalForDb.bloombridgeDbUrl !== url) {
    const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
    const pool = new pg.Pool({ connectionString: url, max });
    globalForDb.bloombridgePool = pool;
    globalForDb.bloombridgeDb = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    globalForDb.bloombridgeDbUrl = url;
  }
  return { db: globalForDb.bloombridgeDb, pool: globalForDb.bloombridgePool };
}

export function db(): Db {
  return connect().db;
}

/** The pg pool under Prisma, for the few hot paths where Prisma's per-query cost shows (webhook ingest). */
export function pgPool(): pg.Pool {
  return connect().pool;
}

export async function disconnectDb(): Promise<void> {
  const { bloombridgeDb, bloombridgePool } = globalForDb;
  globalForDb.bloombridgeDb = undefined;
  globalForDb.bloombridgePool = undefined;
  await bloombridgeDb?.$disconnect();
  if (bloombridgePool && !bloombridgePool.ended) await bloombridgePool.end();
}

export type { Db };
