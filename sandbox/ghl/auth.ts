import type { Ctx } from "./context";
import { unauthorized } from "./http";
import type { AccessTokenRecord } from "./types";

export const SUPPORTED_VERSIONS = ["2021-07-28", "2021-04-15", "2023-02-21"];

export const PIT_SCOPES = [
  "contacts.readonly",
  "contacts.write",
  "locations.readonly",
  "locations/customFields.readonly",
  "locations/tags.readonly",
  "users.readonly",
];

/** Resolves the bearer token: the static Private Integration Token or a sandbox-issued OAuth token. */
export function authenticate(ctx: Ctx, now = Date.now()): AccessTokenRecord {
  const header = ctx.req.headers.authorization ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorized("Invalid token: access token is invalid");
  const token = match[1];
  const { config, store } = ctx.sb;
  if (token === config.pit) {
    const loc = store.data.locations[0];
    return {
      token,
      kind: "pit",
      clientId: "private-integration",
      userType: "Location",
      companyId: loc.companyId,
      locationId: loc.id,
      approvedLocations: [loc.id],
      scopes: PIT_SCOPES,
      expiresAt: Number.MAX_SAFE_INTEGER,
      connectionId: "pit",
    };
  }
  const rec = store.data.oauth.accessTokens[token];
  if (!rec) throw unauthorized("Invalid token: access token is invalid");
  if (rec.expiresAt <= now) throw unauthorized("Invalid JWT");
  return rec;
}

/** GHL answers a missing or unknown `Version` header with 401 (ghl-api.md §1, §5). */
export function checkVersion(ctx: Ctx) {
  const v = ctx.req.headers.version;
  const value = Array.isArray(v) ? v[0] : v;
  if (!value) throw unauthorized("version header was not found.");
  if (!SUPPORTED_VERSIONS.includes(value)) throw unauthorized("version header is invalid");
}

export function rateLimitKey(auth: AccessTokenRecord) {
  return `${auth.clientId}:${auth.locationId ?? auth.companyId}`;
}
