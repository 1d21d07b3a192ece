/**
 * Instance-wide settings: one `settings` row per key, each validated by its own zod schema.
 * A missing or outdated row reads as the schema's defaults, so code never sees a half-setting.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";

export const alertSettingsSchema = z.object({
  emailTo: z.array(z.email("must be an email address")).max(20).default([]).describe("Who gets alert emails"),
  webhookUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional().describe("Where alert JSON is POSTed"),
  webhookSecret: z.string().min(32).optional().describe("HMAC-SHA256 key for the X-Bloombridge-Signature header"),
  onFailure: z.boolean().default(true).describe("Alert when a run fails"),
  onAutoPause: z.boolean().default(true).describe("Alert when a workflow is paused automatically"),
});
export type AlertSettings = z.infer<typeof alertSettingsSchema>;

const envAutoPause = () => {
  const n = Number(process.env.BLOOMBRIDGE_AUTO_PAUSE_AFTER);
  return Number.isInteger(n) && n >= 1 ? n : 5;
};

export const runSettingsSchema = z.object({
  autoPauseAfter: z.number().int().min(1).max(1000).default(envAutoPause).describe("Pause a workflow after this many failed runs in a row"),
});
export type RunSettings = z.infer<typeof runSettingsSchema>;

export const retentionSchema = z.object({
  maxAgeDays: z.number().int().min(1).max(3650).default(30).describe("Delete ended runs older than this"),
  maxRunsPerWorkflow: z.number().int().min(100).max(10_000_000).default(50_000).describe("Keep at most this many runs per workflow"),
});
export type Retention = z.infer<typeof retentionSchema>;

export const SETTINGS = { alerts: alertSettingsSchema, runs: runSettingsSchema, retention: retentionSchema } as const;
export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]>;

export async function getSetting<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
  const row = await db().setting.findUnique({ where: { key } });
  const parsed = SETTINGS[key].safeParse(row?.value ?? {});
  // A row written by an older version that no longer validates falls back to the defaults.
  return (parsed.success ? parsed.data : SETTINGS[key].parse({})) as SettingValue<K>;
}

export async function putSetting<K extends SettingKey>(key: K, value: z.input<(typeof SETTINGS)[K]>): Promise<SettingValue<K>> {
  const parsed = SETTINGS[key].parse(value) as SettingValue<K>;
  const json = parsed as unknown as Prisma.InputJsonValue;
  await db().setting.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
  return parsed;
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

/** Saves the alert settings, generating the signing secret the first time a webhook URL is set. */
export async function saveAlertSettings(input: Omit<z.input<typeof alertSettingsSchema>, "webhookSecret">): Promise<AlertSettings> {
  const current = await getSetting("alerts");
  const webhookSecret = input.webhookUrl ? (current.webhookSecret ?? newWebhookSecret()) : current.webhookSecret;
  return putSetting("alerts", { ...input, webhookSecret });
}

export async function rotateWebhookSecret(): Promise<AlertSettings> {
  const current = await getSetting("alerts");
  return putSetting("alerts", { ...current, webhookSecret: newWebhookSecret() });
}
