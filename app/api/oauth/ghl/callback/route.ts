import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/auth/guard";
import { isConnectorError } from "@/lib/connectors/errors";
import { OAuthStateError } from "@/lib/db/connections";
import { OAuthCallbackError, completeGhlAuthorization, publicUrl } from "@/lib/services/ghl-oauth";

export const dynamic = "force-dynamic";

const query = z.object({
  code: z.string().min(1).optional(),
  state: z.string().min(1, "state is missing"),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

function back(params: Record<string, string>) {
  return NextResponse.redirect(`${publicUrl()}/connections?${new URLSearchParams(params)}`);
}

export const GET = route({ role: "admin", input: query }, async ({ input, principal }) => {
  if (input.error || !input.code) return back({ error: input.error_description ?? input.error ?? "HighLevel did not return an authorization code" });
  try {
    const { connection } = await completeGhlAuthorization({ code: input.code, state: input.state, userId: principal.id });
    return back({ connected: connection.id });
  } catch (error) {
    if (error instanceof OAuthStateError || error instanceof OAuthCallbackError || isConnectorError(error)) {
      return back({ error: error.message });
    }
    throw error;
  }
});
