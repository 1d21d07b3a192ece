/** Every /api/v1 write leaves an audit entry naming the API key (or user) that made it. */
import type { Principal } from "@/lib/auth/principal";
import { actorOf } from "@/lib/auth/principal";
import { recordAudit } from "@/lib/db/audit";

export async function auditApiWrite(principal: Principal, action: string, target: string, details?: Record<string, unknown>): Promise<void> {
  await recordAudit({ ...actorOf(principal), action, target, details: { via: "api", ...details } });
}
