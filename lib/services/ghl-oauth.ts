/** The GHL "Connect" flow: authorize URL with CSRF state, then code exchange and storage. */
import { ghlOAuth2 } from "@/lib/connectors/ghl/auth";
import { createGhlHttpClient } from "@/lib/connectors/ghl/client";
import { consumeOAuthState, createOAuthState, saveConnectionForAccount } from "@/lib/db/connections";
import { recordAudit } from "@/lib/db/audit";
import { resumeRunsForConnection } from "@/lib/engine/run/lifecycle";
import { startQueue } from "@/lib/engine/queue";
import { tokenManager } from "@/lib/engine/token-manager";

export function publicUrl(): string {
  return (process.env.BLOOMBRIDGE_PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

export function ghlRedirectUri(): string {
  return `${publicUrl()}/api/oauth/ghl/callback`;
}

export async function startGhlAuthorization(userId: string, returnTo = "/connections"): Promise<string> {
  const state = await createOAuthState("ghl", userId, returnTo);
  return ghlOAuth2.authorizeUrl({ redirectUri: ghlRedirectUri(), state });
}

export class OAuthCallbackError extends Error {}

/** Exchanges the code and saves (or refreshes) the location's connection. */
export async function completeGhlAuthorization(input: { code: string; state: string; userId: string }) {
  const pending = await consumeOAuthState(input.state, "ghl");
  if (pending.userId !== input.userId) throw new OAuthCallbackError("This connection was started by another user; start it again yourself.");
  const tokens = await ghlOAuth2.exchangeCode(createGhlHttpClient(), input.code, ghlRedirectUri());
  if (!tokens.accountId) throw new OAuthCallbackError("HighLevel did not say which location was chosen; connect a sub-account (Location), not an agency.");
  const connection = await saveConnectionForAccount({
    provider: "ghl",
    kind: "oauth2",
    label: `HighLevel location ${tokens.accountId}`,
    credentials: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken },
    accountId: tokens.accountId,
    companyId: tokens.companyId ?? null,
    scopes: tokens.scopes,
    expiresAt: tokens.expiresAt,
    createdById: input.userId,
  });
  await recordAudit({ actorType: "user", actorId: input.userId, action: "connection.connect", target: connection.id, details: { provider: "ghl", accountId: tokens.accountId } });
  // A reconnect: forget the cached dead token and let the runs parked on it continue.
  tokenManager().forget(connection.id);
  await startQueue({ role: "web" });
  const resumed = await resumeRunsForConnection(connection.id);
  if (resumed) await recordAudit({ actorType: "system", action: "runs.resume_after_reconnect", target: connection.id, details: { runs: resumed } });
  return { connection, returnTo: pending.returnTo ?? "/connections" };
}
