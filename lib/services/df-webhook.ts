/**
 * Inbound Details Flowers webhooks (our contract): HMAC-SHA256 over the raw bytes with a
 * timestamp (replays refused), deduped on the event id, stored + enqueued in one transaction.
 */
import { createHash } from "node:crypto";
import { DF_SIGNATURE_HEADER, DF_WEBHOOK_ID_HEADER, verifyDfSignature } from "@/lib/connectors/details-flowers/webhook-signature";
import type { IncomingEvent } from "@/lib/engine/ingest";
import { storableWebhookPayload } from "./webhook-payload";

export type DfDelivery = { ok: true; event: IncomingEvent } | { ok: false; status: number; code: string; message: string };

export function dfWebhookSecrets(): string[] {
  return (process.env.DF_WEBHOOK_SECRET ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

export function readDfDelivery(raw: Buffer, headers: Headers, secrets: string[], now = Date.now()): DfDelivery {
  if (!secrets.length) return { ok: false, status: 503, code: "not_configured", message: "Details Flowers webhooks are not configured: set DF_WEBHOOK_SECRET" };
  const check = verifyDfSignature({ rawBody: raw, header: headers.get(DF_SIGNATURE_HEADER), secret: secrets, now });
  if (!check.ok) return { ok: false, status: check.reason === "stale" ? 400 : 401, code: check.reason === "stale" ? "stale" : "invalid_signature", message: check.message };
  let body: { id?: unknown; type?: unknown; occurredAt?: unknown; data?: Record<string, unknown> | null };
  try {
    body = storableWebhookPayload(JSON.parse(raw.toString("utf8")), "details-flowers") as typeof body;
  } catch {
    return { ok: false, status: 400, code: "invalid_body", message: "the body is not JSON" };
  }
  if (!body || typeof body !== "object" || typeof body.type !== "string") return { ok: false, status: 400, code: "invalid_body", message: "the event has no type" };
  const id = headers.get(DF_WEBHOOK_ID_HEADER) ?? (typeof body.id === "string" ? body.id : null);
  const data = body.data ?? {};
  const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);
  return {
    ok: true,
    event: {
      source: "details-flowers",
      delivery: "webhook",
      dedupeKey: id ?? `sha256:${createHash("sha256").update(raw).digest("hex")}`,
      eventType: body.type,
      accountId: null,
      payload: body,
      subject: { id: str(data.clientId) ?? str(data.id), email: str(data.email), name: str(data.fullName) },
    },
  };
}
