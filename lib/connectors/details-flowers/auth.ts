/**
 * The two ways to authenticate against the Details Flowers contract: OAuth 2.0 client
 * credentials (form-encoded `POST /oauth/token`) or an account API key (`X-API-Key`).
 */
import type { AuthDefinition, TokenSet } from "../define";
import { AuthError, FatalError } from "../errors";
import type { HttpClient } from "../http";
import { callDf } from "./call";
import { readDfEnv } from "./config";
import { dfOperations } from "./generated/operations";

export type DfClientCredentials = { clientId: string; clientSecret: string; scope?: string };

export const DF_API_KEY_HEADER = "X-API-Key";

/** One token request; `http` must point at the API root and carry no credentials. */
export async function fetchDfToken(http: HttpClient, credentials: DfClientCredentials, now = Date.now()): Promise<TokenSet> {
  try {
    const token = await callDf(http, dfOperations.createToken, {
      body: {
        grant_type: "client_credentials",
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
        ...(credentials.scope ? { scope: credentials.scope } : {}),
      },
    });
    return {
      accessToken: token.access_token,
      expiresAt: new Date(now + token.expires_in * 1000),
      scopes: token.scope.split(" ").filter(Boolean),
    };
  } catch (error) {
    // A rejected client id/secret is a connection problem, whatever status the server picked.
    if ((error instanceof FatalError || error instanceof AuthError) && error.status !== undefined && error.status < 500) {
      throw new AuthError(`Details Flowers rejected the client credentials: ${error.message}`, { status: error.status, call: error.call, body: error.body });
    }
    throw error;
  }
}

export function dfClientCredentialsAuth(credentials: () => DfClientCredentials): AuthDefinition {
  return { kind: "oauth2-client-credentials", fetchToken: (http) => fetchDfToken(http, credentials()) };
}

/** Credentials from `DF_CLIENT_ID` / `DF_CLIENT_SECRET`, read when a token is needed. */
export function envClientCredentials(): DfClientCredentials {
  const env = readDfEnv();
  if (!env.clientId || !env.clientSecret) {
    throw new AuthError("Details Flowers client credentials are not configured: set DF_CLIENT_ID and DF_CLIENT_SECRET.");
  }
  return { clientId: env.clientId, clientSecret: env.clientSecret };
}

export const dfAuth: readonly AuthDefinition[] = [
  dfClientCredentialsAuth(envClientCredentials),
  { kind: "api-key", header: DF_API_KEY_HEADER },
];
