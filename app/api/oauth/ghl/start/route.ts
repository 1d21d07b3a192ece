import { NextResponse } from "next/server";
import { route } from "@/lib/auth/guard";
import { startGhlAuthorization } from "@/lib/services/ghl-oauth";

export const dynamic = "force-dynamic";

export const GET = route({ role: "admin" }, async ({ principal }) => {
  return NextResponse.redirect(await startGhlAuthorization(principal.id));
});
