import { NextResponse } from "next/server";
import { errorResponse, route } from "@/lib/auth/guard";
import { ingestEvent } from "@/lib/engine/ingest";
import { dfWebhookSecrets, readDfDelivery } from "@/lib/services/df-webhook";

export const dynamic = "force-dynamic";

export const POST = route({ role: "public" }, async ({ req }) => {
  const raw = Buffer.from(await req.arrayBuffer());
  const delivery = readDfDelivery(raw, req.headers, dfWebhookSecrets());
  if (!delivery.ok) return errorResponse(delivery.status, delivery.code, delivery.message);
  const result = await ingestEvent(delivery.event);
  return NextResponse.json({ ok: true, eventId: result.eventId, duplicate: result.duplicate });
});
