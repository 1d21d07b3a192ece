import { NextResponse } from "next/server";
import { errorResponse, route } from "@/lib/auth/guard";
import { readWebhookBody } from "@/lib/http/body";
import { ingestEvent } from "@/lib/engine/ingest";
import { dfWebhookSecrets, readDfDelivery } from "@/lib/services/df-webhook";

export const dynamic = "force-dynamic";

export const POST = route({ role: "public" }, async ({ req }) => {
  // JSON only and capped (415 / 413) before the signature is checked: no unsigned body is read in full.
  const raw = await readWebhookBody(req);
  const delivery = readDfDelivery(raw, req.headers, dfWebhookSecrets());
  if (!delivery.ok) return errorResponse(delivery.status, delivery.code, delivery.message);
  const result = await ingestEvent(delivery.event);
  return NextResponse.json({ ok: true, eventId: result.eventId, duplicate: result.duplicate });
});
