/** Every /api/v1 write leaves an audit entry naming the API key (or user) that made it. */
import type { Principal } from "@/lib/auth/principal";
import { actorOf } from "@/lib/auth/principal";
import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

type AuditEntry = { action: string; target: string; details?: Record<string, unknown> };

export async function auditApiWrite(principal: Principal, action: string, target: string, details?: Record<string, unknown>, client?: Prisma.TransactionClient): Promise<void> {
  await recordAudit({ ...actorOf(principal), action, target, details: { via: "api", ...details } }, client);
}

/**
 * The change and its audit row in one transaction: a failure anywhere leaves neither behind.
 * The timeout is Prisma's 5 s default raised, since a change may first start this process's queue client.
 */
export async function auditedApiWrite<T>(principal: Principal, change: (tx: Prisma.TransactionClient) => Promise<T>, audit: (result: T) => AuditEntry): Promise<T> {
  return db().$transaction(
    async (tx) => {
      const result = await change(tx);
      const entry = audit(result);
      await auditApiWrite(principal, entry.action, entry.target, entry.details, tx);
      return result;
    },
    { timeout: 30_000 },
  );
}
