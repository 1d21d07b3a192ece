import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";

/** `client`: the caller's open transaction, so a change and its audit row commit together. */
export async function recordAudit(
  entry: {
    actorType: "user" | "api_key" | "system";
    actorId?: string | null;
    action: string;
    target?: string | null;
    details?: Record<string, unknown>;
  },
  client: Prisma.TransactionClient = db(),
): Promise<void> {
  await client.auditLog.create({
    data: { actorType: entry.actorType, actorId: entry.actorId ?? null, action: entry.action, target: entry.target ?? null, details: (entry.details as Prisma.InputJsonValue | undefined) ?? undefined },
  });
}
