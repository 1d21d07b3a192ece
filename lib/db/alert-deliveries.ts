/**
 * Alert delivery records and the cooldown decision. The decision runs under a per-workflow
 * advisory lock, so two workers failing runs of one workflow at once cannot both send.
 */
import { db } from "./client";

export type AlertKind = "run_failed" | "auto_paused" | "digest" | "test";
export type AlertChannel = { channel: "email" | "webhook"; target: string };
export type DeliveryStatus = "pending" | "sent" | "logged" | "failed" | "suppressed";

export type DeliveryPlan =
  | { decision: "skip"; reason: "duplicate" | "nothing_to_digest" }
  | { decision: "suppressed"; digestAt: Date }
  | { decision: "send"; failedRuns: number; deliveries: Array<AlertChannel & { id: string }> };

const COUNTED = ["run_failed", "digest"];

export async function planDelivery(args: {
  kind: AlertKind;
  workflowId: string | null;
  runId: string | null;
  /** The alert's subject line for a given number of failed runs (digests count several). */
  subject: (failedRuns: number) => string;
  channels: AlertChannel[];
  cooldownMs: number;
  now?: Date;
}): Promise<DeliveryPlan> {
  const now = args.now ?? new Date();
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`alerts:${args.workflowId ?? "instance"}`}))`;
    if (args.runId && (await tx.alertDelivery.findFirst({ where: { runId: args.runId, kind: args.kind } }))) {
      return { decision: "skip", reason: "duplicate" };
    }
    let failedRuns = 1;
    if (args.workflowId && COUNTED.includes(args.kind)) {
      const last = await tx.alertDelivery.findFirst({
        where: { workflowId: args.workflowId, kind: { in: COUNTED }, status: { not: "suppressed" } },
        orderBy: { createdAt: "desc" },
      });
      const digestAt = last ? new Date(last.createdAt.getTime() + args.cooldownMs) : now;
      if (digestAt > now) {
        if (args.kind === "run_failed") {
          await tx.alertDelivery.create({
            data: { kind: args.kind, workflowId: args.workflowId, runId: args.runId, channel: "none", status: "suppressed", subject: args.subject(1) },
          });
        }
        return { decision: "suppressed", digestAt };
      }
      if (args.kind === "digest") {
        failedRuns = await tx.alertDelivery.count({
          where: { workflowId: args.workflowId, status: "suppressed", ...(last ? { createdAt: { gt: last.createdAt } } : {}) },
        });
        if (failedRuns === 0) return { decision: "skip", reason: "nothing_to_digest" };
      }
    }
    const deliveries = [];
    for (const channel of args.channels) {
      const row = await tx.alertDelivery.create({
        data: { kind: args.kind, workflowId: args.workflowId, runId: args.runId, channel: channel.channel, target: channel.target, status: "pending", subject: args.subject(failedRuns), failedRuns, createdAt: now },
      });
      deliveries.push({ ...channel, id: row.id });
    }
    return { decision: "send", failedRuns, deliveries };
  });
}

export async function markDelivery(id: string, status: Exclude<DeliveryStatus, "pending" | "suppressed">, error?: string): Promise<void> {
  await db().alertDelivery.update({ where: { id }, data: { status, error: error?.slice(0, 1000) ?? null } });
}

export async function recentDeliveries(limit = 20) {
  return db().alertDelivery.findMany({ where: { status: { not: "suppressed" } }, orderBy: { createdAt: "desc" }, take: limit });
}

/** What an alert about a run says: the workflow's name and the run's error. */
export async function alertContext(workflowId: string | null, runId: string | null) {
  const [workflow, run] = await Promise.all([
    workflowId ? db().workflow.findUnique({ where: { id: workflowId }, select: { id: true, name: true, pausedReason: true, enabled: true } }) : null,
    runId ? db().run.findUnique({ where: { id: runId }, select: { id: true, status: true, error: true, finishedAt: true } }) : null,
  ]);
  return { workflow, run };
}
