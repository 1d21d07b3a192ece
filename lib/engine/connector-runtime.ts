/**
 * How to talk to each provider through a stored connection: base URL, auth, error
 * classification and rate-governor bucket. The executor and the pollers both use this.
 */
import type { AuthDefinition, ConnectionInfo } from "@/lib/connectors/define";
import { DF_API_KEY_HEADER, dfClientCredentialsAuth } from "@/lib/connectors/details-flowers/auth";
import { readDfEnv } from "@/lib/connectors/details-flowers/config";
import { classifyDfError } from "@/lib/connectors/details-flowers/errors";
import { FatalError } from "@/lib/connectors/errors";
import { ghlOAuth2, ghlPrivateIntegrationToken } from "@/lib/connectors/ghl/auth";
import { GHL_API_VERSION, ghlBaseUrl } from "@/lib/connectors/ghl/client";
import { classifyGhlError } from "@/lib/connectors/ghl/errors";
import { ConnectionNotFoundError, readCredentials, type ConnectionCredentials, type PublicConnection } from "@/lib/db/connections";
import { createConnectionHttp, type ConnectionHttp } from "./connection-http";
import { requestLimitFor } from "./limits";
import { rateLimitFromEnv } from "./rate-limit-config";
import { governorKey } from "./rate-governor";
import { ConnectionNeedsReconnectError } from "./token-manager";

export type ConnectionRuntime = { http: ConnectionHttp; connection: ConnectionInfo; provider: string };

// Our own assumption for Details Flowers (contracts/details-flowers): 60 requests / 10 s,
// unless DF_RATE_LIMIT ("<requests>/<window ms>", lib/engine/rate-limit-config.ts) says otherwise.
// Longer waits park the run (RateLimitedError) instead of holding a worker slot.
const MAX_INLINE_WAIT_MS = 5_000;

const DF_LIMITS = { burstMax: 60, burstWindowMs: 10_000, dailyMax: 1_000_000 };

function dfAuthFor(connection: PublicConnection, credentials: ConnectionCredentials): AuthDefinition {
  if (connection.kind === "api_key") return { kind: "api-key", header: DF_API_KEY_HEADER };
  const { clientId, clientSecret } = credentials;
  if (!clientId || !clientSecret) throw new FatalError(`Details Flowers connection "${connection.label}" has no client credentials stored; connect it again`);
  return dfClientCredentialsAuth(() => ({ clientId, clientSecret }));
}

/** One read of the row, credentials included (Details Flowers client credentials need them). */
async function loadConnection(connectionId: string): Promise<{ connection: PublicConnection; credentials: ConnectionCredentials } | null> {
  try {
    return await readCredentials(connectionId);
  } catch (error) {
    if (error instanceof ConnectionNotFoundError) return null;
    throw error;
  }
}

export async function runtimeForConnection(connectionId: string, options: { timeoutMs?: number } = {}): Promise<ConnectionRuntime> {
  const found = await loadConnection(connectionId);
  const connection = found?.connection;
  if (!found || !connection || connection.status === "disconnected") {
    throw new FatalError(`The connection ${connectionId} no longer exists or was disconnected; pick another one in the workflow`);
  }
  if (connection.status === "needs_reconnect") throw new ConnectionNeedsReconnectError(connection.id, connection.lastError ?? "it needs to be reconnected");
  const info: ConnectionInfo = { id: connection.id, accountId: connection.accountId, scopes: connection.scopes };
  const slots = { limit: requestLimitFor(connection), maxWaitMs: MAX_INLINE_WAIT_MS };
  if (connection.provider === "ghl") {
    const http = createConnectionHttp({
      connection,
      auth: connection.kind === "oauth2" ? ghlOAuth2 : ghlPrivateIntegrationToken,
      baseUrl: ghlBaseUrl(),
      classifyError: classifyGhlError,
      defaultHeaders: { Version: GHL_API_VERSION },
      governor: { key: governorKey("ghl", connection.accountId), limits: rateLimitFromEnv("GHL_RATE_LIMIT"), wait: { maxWaitMs: MAX_INLINE_WAIT_MS } },
      slots,
      timeoutMs: options.timeoutMs,
    });
    return { http, connection: info, provider: "ghl" };
  }
  if (connection.provider === "details-flowers") {
    const http = createConnectionHttp({
      connection,
      auth: dfAuthFor(connection, found.credentials),
      baseUrl: readDfEnv().apiBaseUrl,
      classifyError: classifyDfError,
      governor: { key: governorKey("details-flowers", connection.accountId ?? connection.id), limits: { ...DF_LIMITS, ...rateLimitFromEnv("DF_RATE_LIMIT") }, wait: { maxWaitMs: MAX_INLINE_WAIT_MS } },
      slots,
      timeoutMs: options.timeoutMs,
    });
    return { http, connection: info, provider: "details-flowers" };
  }
  throw new FatalError(`Unknown provider ${connection.provider} on connection ${connection.id}`);
}
