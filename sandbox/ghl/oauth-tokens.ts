import type { Sandbox } from "./context";
import { HttpError } from "./http";
import { opaqueToken } from "./ids";
import type { AccessTokenRecord, RefreshTokenRecord, UserType } from "./types";

export interface Grant {
  clientId: string;
  userType: UserType;
  companyId: string;
  locationId: string | null;
  approvedLocations: string[];
  scopes: string[];
}

/** OAuth error body: GHL's `{statusCode, message}` plus RFC 6749 `error`/`error_description`. */
export function oauthError(status: number, error: string, description: string): HttpError {
  return new HttpError(status, { statusCode: status, message: description, error, error_description: description });
}

export function connectionId(g: Pick<Grant, "clientId" | "locationId" | "companyId">) {
  return `${g.clientId}:${g.locationId ?? g.companyId}`;
}

/** Issues a fresh access + refresh pair for a grant and returns the spec-shaped token response. */
export function issueTokens(sb: Sandbox, grant: Grant, now = Date.now()) {
  const { oauth } = sb.store.data;
  // Copy only grant fields: callers may pass a whole token record.
  const { clientId, userType, companyId, locationId, approvedLocations, scopes } = grant;
  const g: Grant = { clientId, userType, companyId, locationId, approvedLocations, scopes };
  const conn = connectionId(g);
  const access: AccessTokenRecord = {
    token: opaqueToken("ghl-sbx-at-"),
    kind: "oauth",
    ...g,
    expiresAt: now + sb.config.accessTtlS * 1000,
    connectionId: conn,
  };
  const refresh: RefreshTokenRecord = {
    token: opaqueToken("ghl-sbx-rt-"),
    ...g,
    expiresAt: now + sb.config.refreshTtlS * 1000,
    connectionId: conn,
    usedAt: null,
    revokedAt: null,
  };
  oauth.accessTokens[access.token] = access;
  oauth.refreshTokens[refresh.token] = refresh;
  pruneExpired(sb, now);
  sb.store.markDirty();
  const userId = sb.store.data.users[0].id;
  const base = {
    access_token: access.token,
    token_type: "Bearer",
    expires_in: sb.config.accessTtlS,
    refresh_token: refresh.token,
    scope: g.scopes.join(" "),
    userType: g.userType,
    companyId: g.companyId,
  };
  return g.userType === "Location"
    ? { ...base, locationId: g.locationId, userId, isBulkInstallation: false }
    : { ...base, approvedLocations: g.approvedLocations, userId, isBulkInstallation: false, installToFutureLocations: false, approveAllLocations: false };
}

/** Single-use refresh: the presented token dies and a new pair is issued (ghl-api.md §4.2). */
export function redeemRefreshToken(sb: Sandbox, token: string, clientId: string, now = Date.now()) {
  const rec = sb.store.data.oauth.refreshTokens[token];
  if (!rec || rec.usedAt !== null || rec.revokedAt !== null || rec.expiresAt <= now || rec.clientId !== clientId) {
    throw oauthError(400, "invalid_grant", "Invalid grant: refresh token is invalid");
  }
  rec.usedAt = now;
  return issueTokens(sb, rec, now);
}

/** Revokes every refresh token (and optionally access token) of matching connections. */
export function revokeConnection(sb: Sandbox, match: { locationId?: string; clientId?: string; refreshToken?: string }, accessToo: boolean, now = Date.now()) {
  const { oauth } = sb.store.data;
  const targets = new Set<string>();
  for (const r of Object.values(oauth.refreshTokens)) {
    const hit = match.refreshToken
      ? r.token === match.refreshToken
      : (!match.locationId || r.locationId === match.locationId) && (!match.clientId || r.clientId === match.clientId);
    if (hit) targets.add(r.connectionId);
  }
  let revoked = 0;
  for (const r of Object.values(oauth.refreshTokens)) {
    if (targets.has(r.connectionId) && r.revokedAt === null) {
      r.revokedAt = now;
      revoked++;
    }
  }
  if (accessToo) for (const a of Object.values(oauth.accessTokens)) if (targets.has(a.connectionId)) a.expiresAt = now;
  sb.store.markDirty();
  return { connections: [...targets], revokedRefreshTokens: revoked };
}

function pruneExpired(sb: Sandbox, now: number) {
  const { oauth } = sb.store.data;
  for (const [k, v] of Object.entries(oauth.accessTokens)) if (v.expiresAt < now - 86_400_000) delete oauth.accessTokens[k];
  for (const [k, v] of Object.entries(oauth.refreshTokens)) {
    // A pruned spent token is rejected exactly like a spent one, so keep the file small.
    const spentAt = v.usedAt ?? v.revokedAt;
    if (v.expiresAt < now || (spentAt !== null && spentAt < now - 3_600_000)) delete oauth.refreshTokens[k];
  }
  for (const [k, v] of Object.entries(oauth.codes)) if (v.expiresAt < now) delete oauth.codes[k];
}
