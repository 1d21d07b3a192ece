import { NextResponse } from "next/server";
import { route } from "@/lib/auth/guard";
import { checkHealth } from "@/lib/ops/health";

export const dynamic = "force-dynamic";

export const GET = route({ role: "public" }, async () => {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.db === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
});
