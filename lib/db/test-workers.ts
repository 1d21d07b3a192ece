/** Test helper: separate PrismaClients with their own pools, standing in for worker processes. */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, type Db } from "@/lib/db/client";

export function workerClients(count: number, poolSize = 10): { clients: Db[]; close: () => Promise<void> } {
  const clients = Array.from(
    { length: count },
    () => new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl(), max: poolSize }) }),
  );
  return { clients, close: async () => void (await Promise.all(clients.map((c) => c.$disconnect()))) };
}
