import type { AuthDefinition, TokenSet } from "../define";
import { AuthError, isConnectorError } from "../errors";
import type { HttpClient } from "../http";
import { GetAccessCodeSuccessfulResponseDto } from "./generated/oauth";

type OAuth2AuthorizationCode = Extract<AuthDefinition, { kind: "oauth2-authorization-code" }>;

export const GHL_DEFAULT_AUTHORIZE_URL = "https://marketplace.gohighlevel.com/v2/oauth/chooselocation";

/** Scopes the catalog's operations and triggers use (ghl-api.md §4.4). */
export const GHL_SCOPES = [
  "contacts.readonly",
  "contacts.write",
  // Appointment webhooks; which scope GHL requires for them is not documented (assumed).
  "calendars/events.readonly",
] as const;

export type GhlOAuthConfig = { clientId: string; clientSecret: string };

export type GhlAuthorizeParams = {
  redirectUri: string;
  state: string;
  clientId?: string;
  scopes?: readonly string[];
  /** Defaults to `GHL_OAUTH_AUTHORIZE_URL` or the marketplace chooselocation page. */
  authorizeUrl?: string;
};

export type GhlOAuth2Auth = OAuth2AuthorizationCode & { authorizeUrl(params: GhlAuthorizeParams): string };

function configFromEnv(): GhlOAuthConfig {
  const clientId = process.env.GHL_CLIENT_ID ?? "";
  const clientSecret = process.env.GHL_CLIENT_SECRET ?? "";
  if (!clientId || !clientSecret) throw new AuthError("GHL OAuth is not configured: set GHL_CLIENT_ID and GHL_CLIENT_SECRET");
  return { clientId, clientSecret };
}

/** Parses a token-endpoint response into a TokenSet; `now` is injectable for tests. */
export function toTokenSet(body: unknown, now = Date.now()): TokenSet {
  const parsed = GetAccessCodeSuccessfulResponseDto.safeParse(body);
  if (!parsed.success || !parsed.data.access_token) {
    throw new AuthError("GHL token endpoint returned an unexpected response (no access_token)", { body });
  }
  const token = parsed.data;
  return {
    accessToken: token.access_token ?? "",
    refreshToken: token.refresh_token ?? undefined,
    expiresAt: new Date(now + (token.expires_in ?? 86_399) * 1000),
    scopes: (token.scope ?? "").split(/\s+/).filter(Boolean),
    accountId: token.locationId ?? null,
    companyId: token.companyId ?? null,
    raw: { userType: token.userType, userId: token.userId, planId: token.planId, tokenType: token.token_type },
  };
}

async function requestToken(http: HttpClient, form: Record<string, string>, action: string): Promise<TokenSet> {
  try {
    const res = await http.request({ method: "POST", path: "/oauth/token", body: new URLSearchParams(form) });
    return toTokenSet(res.body);
  } catch (error) {
    // invalid_grant, revoked app, inactive location…: the user has to reconnect.
    if (isConnectorError(error) && error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 429) {
      const reason = error.apiMessage ? `: ${error.apiMessage}` : "";
      throw new AuthError(`GHL refused to ${action} (HTTP ${error.status})${reason}. Reconnect the GHL account.`, {
        status: error.status,
        apiMessage: error.apiMessage,
        call: error.call,
        body: error.body,
        cause: error,
      });
    }
    throw error;
  }
}

/** OAuth 2 authorization-code auth for a Location (sub-account) install. */
export function createGhlOAuth2(getConfig: () => GhlOAuthConfig = configFromEnv): GhlOAuth2Auth {
  const form = (extra: Record<string, string>) => {
    const { clientId, clientSecret } = getConfig();
    return { client_id: clientId, client_secret: clientSecret, user_type: "Location", ...extra };
  };
  return {
    kind: "oauth2-authorization-code",
    scopes: GHL_SCOPES,
    authorizeUrl({ redirectUri, state, clientId, scopes = GHL_SCOPES, authorizeUrl }) {
      const url = new URL(authorizeUrl ?? (process.env.GHL_OAUTH_AUTHORIZE_URL || GHL_DEFAULT_AUTHORIZE_URL));
      url.searchParams.set("response_type", "code");
      url.searchParams.set("redirect_uri", redirectUri);
      url.searchParams.set("client_id", clientId ?? getConfig().clientId);
      url.searchParams.set("scope", scopes.join(" "));
      url.searchParams.set("state", state);
      return url.toString();
    },
    exchangeCode(http, code, redirectUri) {
      return requestToken(http, form({ grant_type: "authorization_code", code, redirect_uri: redirectUri }), "exchange the authorization code");
    },
    refresh(http, refreshToken) {
      return requestToken(http, form({ grant_type: "refresh_token", refresh_token: refreshToken }), "refresh the access token");
    },
  };
}

export const ghlOAuth2 = createGhlOAuth2();

/** A Private Integration Token, sent as a bearer token; never refreshed. */
export const ghlPrivateIntegrationToken: AuthDefinition = { kind: "static-bearer" };
