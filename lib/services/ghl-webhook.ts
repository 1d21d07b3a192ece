/**
 * Inbound GHL webhooks: verify the signature over the raw bytes, refuse stale or unsigned
 * deliveries, then hand the event to the engine's ingest (one transaction, deduped on
 * webhookId). GHL retries only on 429, so everything after verification must not throw away
 * an event: payloads that fail our schema are still stored and fail visibly in their run.
 */
import { createHash } from "node:crypto";
import { ghlTriggers } from "@/lib/connectors/ghl/triggers";
import { checkTimestamp, verifyGhlSignature, verifyLegacyRsaSignature } from "@/lib/connectors/ghl/webhook-signature";
import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { storableWebhookPayload } from "./webhook-payload";

export const WEBHOOK_TOLERANCE_MS = 5 * 60_000;

export type WebhookKeys = { ed25519?: string; legacyRsa?: string };

export type VerifyResult = { ok: true; scheme: "ed25519" | "rsa" } | { ok: false; status: number; message: string };

export function webhookKeysFromEnv(): WebhookKeys {
  return { ed25519: process.env.GHL_WEBHOOK_PUBLIC_KEY || undefined, legacyRsa: process.env.GHL_WEBHOOK_LEGACY_RSA_PUBLIC_KEY || undefined };
}

export function verifyGhlDelivery(raw: Buffer, headers: Headers, keys: WebhookKeys): VerifyResult {
  if (!keys.ed25519 && !keys.legacyRsa) {
    return { ok: false, status: 503, message: "GHL webhooks are not configured: set GHL_WEBHOOK_PUBLIC_KEY" };
  }
  const signature = headers.get("x-ghl-signature");
  if (signature && keys.ed25519) {
    return verifyGhlSignature(raw, signature, keys.ed25519) ? { ok: true, scheme: "ed25519" } : { ok: false, status: 401, message: "X-GHL-Signature does not verify" };
  }
  const legacy = headers.get("x-wh-signature");
  if (legacy && keys.legacyRsa) {
    return verifyLegacyRsaSignature(raw, legacy, keys.legacyRsa) ? { ok: true, scheme: "rsa" } : { ok: false, status: 401, message: "x-wh-signature does not verify" };
  }
  return { ok: false, status: 401, message: "the delivery is not signed" };
}

export type GhlEventEnvelope = {
  type: string;
  locationId: string | null;
  webhookId: string | null;
  timestamp: string | null;
  payload: Record<string, unknown>;
};

export function parseEnvelope(raw: Buffer): GhlEventEnvelope | { error: string } {
  let payload: unknown;
  try {
    payload = storableWebhookPayload(JSON.parse(raw.toString("utf8")), "ghl");
  } catch {
    return { error: "the body is not JSON" };
  }
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) return { error: "the body is not a JSON object" };
  const record = payload as Record<string, unknown>;
  if (typeof record.type !== "string") return { error: "the event has no type" };
  const str = (v: unknown) => (typeof v === "string" && v ? v : null);
  return { type: record.type, locationId: str(record.locationId), webhookId: str(record.webhookId), timestamp: str(record.timestamp), payload: record };
}

export function isFresh(envelope: GhlEventEnvelope, now = Date.now()): boolean {
  return checkTimestamp(envelope.timestamp, now, WEBHOOK_TOLERANCE_MS);
}

/** The stable identity of a delivery: GHL's webhookId, else a hash of the exact bytes. */
export function dedupeKeyOf(envelope: GhlEventEnvelope, raw: Buffer): string {
  return envelope.webhookId ?? `sha256:${createHash("sha256").update(raw).digest("hex")}`;
}

/** What the trigger catalog knows about this event type: subject for run search. */
export function describeEvent(envelope: GhlEventEnvelope) {
  const trigger = ghlTriggers.find((t) => t.delivery === "webhook" && t.eventTypes?.includes(envelope.type));
  const describe = trigger?.describe;
  if (!trigger || !describe) return { known: false as const, subject: undefined };
  const parsed = trigger.payload.safeParse(envelope.payload);
  if (!parsed.success) {
    logger.warn({ type: envelope.type, issues: parsed.error.issues.slice(0, 5) }, "GHL webhook payload does not match its schema; stored anyway");
    return { known: true as const, subject: undefined };
  }
  // Each trigger's describe() is typed to its own payload; the union here is safe by construction.
  const described = (describe as (p: unknown) => { subject?: { id?: string; email?: string; name?: string } })(parsed.data);
  return { known: true as const, subject: described.subject };
}

/** App lifecycle events: an uninstalled location's connections can no longer be used. */
export async function handleLifecycle(envelope: GhlEventEnvelope): Promise<boolean> {
  const type = envelope.type.toUpperCase();
  if (type !== "INSTALL" && type !== "UNINSTALL") return false;
  if (type === "UNINSTALL" && envelope.locationId) {
    await db().connection.updateMany({
      where: { provider: "ghl", accountId: envelope.locationId, status: { not: "disconnected" } },
      data: { status: "needs_reconnect", lastError: "The Bloombridge app was uninstalled from this HighLevel location" },
    });
  }
  await recordAudit({ actorType: "system", action: `ghl.${type.toLowerCase()}`, target: envelope.locationId, details: { webhookId: envelope.webhookId } });
  return true;
}
