/**
 * The one PrismaClient per process (on the pg driver adapter). Repository functions in
 * lib/db/ are the only callers of Prisma.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

type Db = InstanceType<typeof PrismaClient>;

const globalForDb = globalThis as unknown as { bloombridgeDb?: Db; bloombridgeDbUrl?: string };

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Bloombridge with `npm start`, which provides a database");
  return url;
}

export function db(): Db {
  const url = databaseUrl();
  if (!globalForDb.bloombridgeDb || globalForDb.bloombridgeDbUrl !== url) {
    const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
    globalForDb.bloombridgeDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }) });
    globalForDb.bloombridgeDbUrl = url;
  }
  return globalForDb.bloombridgeDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.bloombridgeDb?.$disconnect();
  globalForDb.bloombridgeDb = undefined;
}

export type { Db };
