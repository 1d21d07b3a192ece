import { route } from "@/lib/auth/guard";
import { renderMetrics } from "@/lib/ops/metrics";

export const dynamic = "force-dynamic";

// Aggregate numbers only (no names, ids or payloads), so scrapers need no credentials.
export const GET = route({ role: "public" }, async () => {
  return new Response(await renderMetrics(), { headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8" } });
});
