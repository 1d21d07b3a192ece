/**
 * The alert job: decide (dedupe per run, per-workflow cooldown), build the message once,
 * send it on every configured channel and record each delivery. Failures within the cooldown
 * are folded into one "N more runs failed" digest sent when the cooldown ends.
 */
import { alertContext, markDelivery, planDelivery, type AlertChannel, type AlertKind } from "@/lib/db/alert-deliveries";
import { getSetting } from "@/lib/db/settings";
import { QUEUES, send } from "@/lib/engine/queue";
import { logger } from "@/lib/log";
import { postAlertWebhook, sendAlertEmail } from "./channels";
import { buildAlertMessage } from "./message";

export const ALERT_COOLDOWN_MS = 5 * 60_000;

export type AlertJob = { kind: AlertKind; workflowId?: string | null; runId?: string | null };

function appUrl(): string {
  return (process.env.BLOOMBRIDGE_PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

/** Queues an alert without failing the caller: a run's outcome never depends on alerting. */
export async function enqueueAlert(job: AlertJob, options: { startAfter?: Date; singletonKey?: string } = {}): Promise<void> {
  try {
    await send(QUEUES.alert, job, { retryLimit: 2, retryDelay: 30, ...options });
  } catch (error) {
    logger.error({ err: error, job }, "could not queue an alert");
  }
}

export type DeliveryResult = { decision: string; deliveries: Array<{ channel: string; status: string; error?: string }> };

export async function deliverAlert(job: AlertJob, options: { cooldownMs?: number; now?: Date } = {}): Promise<DeliveryResult> {
  const settings = await getSetting("alerts");
  if ((job.kind === "run_failed" || job.kind === "digest") && !settings.onFailure) return { decision: "disabled", deliveries: [] };
  if (job.kind === "auto_paused" && !settings.onAutoPause) return { decision: "disabled", deliveries: [] };
  const channels: AlertChannel[] = [
    ...(settings.emailTo.length ? [{ channel: "email" as const, target: settings.emailTo.join(", ") }] : []),
    ...(settings.webhookUrl && settings.webhookSecret ? [{ channel: "webhook" as const, target: settings.webhookUrl }] : []),
  ];
  if (!channels.length) return { decision: "no_channels", deliveries: [] };

  const workflowId = job.workflowId ?? null;
  const runId = job.runId ?? null;
  const now = options.now ?? new Date();
  const context = await alertContext(workflowId, runId);
  const messageFor = (failedRuns: number) => buildAlertMessage(job.kind, { ...context, failedRuns, appUrl: appUrl(), at: now });
  const plan = await planDelivery({ kind: job.kind, workflowId, runId, subject: (n) => messageFor(n).subject, channels, cooldownMs: options.cooldownMs ?? ALERT_COOLDOWN_MS, now });
  if (plan.decision === "skip") return { decision: plan.reason, deliveries: [] };
  if (plan.decision === "suppressed") {
    // One digest job per workflow and cooldown window (pg-boss singleton), however many failures.
    await enqueueAlert({ kind: "digest", workflowId }, { startAfter: plan.digestAt, singletonKey: `alert-digest:${workflowId}:${plan.digestAt.getTime()}` });
    return { decision: "suppressed", deliveries: [] };
  }
  const message = messageFor(plan.failedRuns);
  const deliveries = [];
  for (const delivery of plan.deliveries) {
    try {
      const status =
        delivery.channel === "email"
          ? await sendAlertEmail(settings.emailTo, message)
          : (await postAlertWebhook(delivery.target, settings.webhookSecret ?? "", message), "sent" as const);
      await markDelivery(delivery.id, status);
      deliveries.push({ channel: delivery.channel, status });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      logger.warn({ channel: delivery.channel, kind: job.kind, workflowId, error: text }, "alert delivery failed");
      await markDelivery(delivery.id, "failed", text);
      deliveries.push({ channel: delivery.channel, status: "failed", error: text });
    }
  }
  return { decision: "sent", deliveries };
}
