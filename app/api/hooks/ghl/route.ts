import { NextResponse } from "next/server";
import { errorResponse, route } from "@/lib/auth/guard";
import { readWebhookBody } from "@/lib/http/body";
import { ingestEvent } from "@/lib/engine/ingest";
import { logger } from "@/lib/log";
import { dedupeKeyOf, describeEvent, handleLifecycle, isFresh, parseEnvelope, verifyGhlDelivery, webhookKeysFromEnv } from "@/lib/services/ghl-webhook";

export const dynamic = "force-dynamic";

/** HighLevel webhooks: signed (Ed25519 over the raw bytes), fresh, deduped, stored + enqueued atomically. */
export const POST = route({ role: "public" }, async ({ req }) => {
  // JSON only and capped (415 / 413) before the signature is checked: no unsigned body is read in full.
  const raw = await readWebhookBody(req);
  const verified = verifyGhlDelivery(raw, req.headers, webhookKeysFromEnv());
  if (!verified.ok) return errorResponse(verified.status, verified.status === 503 ? "not_configured" : "invalid_signature", verified.message);
  const envelope = parseEnvelope(raw);
  if ("error" in envelope) return errorResponse(400, "invalid_body", envelope.error);
  if (!isFresh(envelope)) return errorResponse(400, "stale", "the delivery's timestamp is missing or more than 5 minutes off; refusing a possible replay");
  if (await handleLifecycle(envelope)) return NextResponse.json({ ok: true, lifecycle: envelope.type });
  const { subject } = describeEvent(envelope);
  const result = await ingestEvent({
    source: "ghl",
    delivery: "webhook",
    dedupeKey: dedupeKeyOf(envelope, raw),
    eventType: envelope.type,
    accountId: envelope.locationId,
    payload: envelope.payload,
    subject,
  });
  if (result.duplicate) logger.info({ eventId: result.eventId, type: envelope.type }, "duplicate GHL webhook ignored");
  // The plain Web Response: NextResponse.json cost a tenth of this handler's CPU at 1,000/s.
  return Response.json({ ok: true, eventId: result.eventId, duplicate: result.duplicate });
});
