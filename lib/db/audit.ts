import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";

export async function recordAudit(entry: {
  actorType: "user" | "api_key" | "system";
  actorId?: string | null;
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
}): Promise<void> {
  await db().auditLog.create({
    data: { actorType: entry.actorType, actorId: entry.actorId ?? null, action: entry.action, target: entry.target ?? null, details: (entry.details as Prisma.InputJsonValue | undefined) ?? undefined },
  });
}
