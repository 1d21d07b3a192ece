/**
 * The settings page's server side: form schemas, admin-only saves (also refused here, not
 * only by the action guard), the test alert and the encryption key status.
 */
import { z } from "zod";
import { deliverAlert, type DeliveryResult } from "@/lib/alerts/deliver";
import { HttpError } from "@/lib/auth/guard";
import type { Principal } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/db/audit";
import { credentialsByKeyId } from "@/lib/db/key-usage";
import { getSetting, putSetting, retentionSchema, rotateWebhookSecret, runSettingsSchema, saveAlertSettings } from "@/lib/db/settings";
import { keyStatus } from "@/lib/secrets";

const emailList = z
  .string()
  .transform((text) => text.split(/[\s,;]+/).filter(Boolean))
  .pipe(z.array(z.email("Each recipient must be an email address, e.g. ops@example.com")).max(20, "At most 20 recipients"));

export const generalSettingsInput = z.object({
  emailTo: emailList.describe("Recipients, separated by commas or spaces"),
  webhookUrl: z
    .string()
    .trim()
    .transform((v) => v || undefined)
    .pipe(z.url({ protocol: /^https?$/, error: "The webhook URL must start with http:// or https://" }).optional()),
  onFailure: z.boolean(),
  onAutoPause: z.boolean(),
  autoPauseAfter: runSettingsSchema.shape.autoPauseAfter.unwrap(),
  maxAgeDays: retentionSchema.shape.maxAgeDays.unwrap(),
  maxRunsPerWorkflow: retentionSchema.shape.maxRunsPerWorkflow.unwrap(),
});
export type GeneralSettingsInput = z.input<typeof generalSettingsInput>;
export type GeneralSettings = z.output<typeof generalSettingsInput>;

function requireAdmin(principal: Principal): void {
  if (!hasRole(principal.role, "admin")) throw new HttpError(403, "forbidden", `Only admins can change settings; you are ${principal.role}`);
}

export async function readGeneralSettings() {
  const [alerts, runs, retention] = await Promise.all([getSetting("alerts"), getSetting("runs"), getSetting("retention")]);
  return { alerts, runs, retention };
}

/** `input` comes already parsed by `generalSettingsInput` (the action guard does it). */
export async function saveGeneralSettings(principal: Principal, input: GeneralSettings) {
  requireAdmin(principal);
  const alerts = await saveAlertSettings({ emailTo: input.emailTo, webhookUrl: input.webhookUrl, onFailure: input.onFailure, onAutoPause: input.onAutoPause });
  await putSetting("runs", { autoPauseAfter: input.autoPauseAfter });
  await putSetting("retention", { maxAgeDays: input.maxAgeDays, maxRunsPerWorkflow: input.maxRunsPerWorkflow });
  await recordAudit({ actorType: principal.kind, actorId: principal.id, action: "settings.update", details: { ...input, webhookUrl: input.webhookUrl ?? null } });
  return { webhookSecret: alerts.webhookSecret ?? null };
}

export async function rotateAlertSecret(principal: Principal) {
  requireAdmin(principal);
  const alerts = await rotateWebhookSecret();
  await recordAudit({ actorType: principal.kind, actorId: principal.id, action: "settings.webhook_secret.rotate" });
  return { webhookSecret: alerts.webhookSecret ?? null };
}

export async function sendTestAlert(principal: Principal): Promise<DeliveryResult> {
  requireAdmin(principal);
  const result = await deliverAlert({ kind: "test" });
  if (result.decision === "no_channels") throw new HttpError(422, "no_channels", "Add an email recipient or a webhook URL first, then save");
  return result;
}

export async function encryptionKeyStatus() {
  const status = keyStatus();
  const usage = await credentialsByKeyId();
  return {
    keyId: status.keyId,
    source: status.source,
    previousKeys: status.previousKeys,
    usage: usage.map((u) => ({ ...u, current: u.keyId === status.keyId })),
    staleCredentials: usage.filter((u) => u.keyId !== status.keyId).reduce((n, u) => n + u.count, 0),
  };
}
