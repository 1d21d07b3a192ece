/**
 * Connections repository. Credentials are sealed (AES-256-GCM) before they touch the
 * database and only `readCredentials` opens them; everything else returns the public shape.
 */
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { openJson, sealJson } from "@/lib/secrets";
import { db, type Db } from "./client";

export type ConnectionKind = "oauth2" | "pit" | "client_credentials" | "api_key";
export type ConnectionStatus = "active" | "needs_reconnect" | "disconnected";

export type ConnectionCredentials = {
  accessToken?: string;
  refreshToken?: string;
  apiKey?: string;
  clientId?: string;
  clientSecret?: string;
};

/** What the UI and logs may see: never the secret. */
export type PublicConnection = {
  id: string;
  provider: string;
  kind: ConnectionKind;
  label: string;
  status: ConnectionStatus;
  accountId: string | null;
  companyId: string | null;
  scopes: string[];
  expiresAt: Date | null;
  lastRefreshedAt: Date | null;
  lastError: string | null;
  /** Requests in flight at once; null = the provider's default. */
  maxConcurrentRequests: number | null;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** A Prisma client or an interactive transaction's client. */
export type DbClient = Db | Prisma.TransactionClient;

type Row = Awaited<ReturnType<Db["connection"]["findUniqueOrThrow"]>>;

export function publicConnection(row: Row): PublicConnection {
  return {
    id: row.id,
    provider: row.provider,
    kind: row.kind as ConnectionKind,
    label: row.label,
    status: row.status,
    accountId: row.accountId,
    companyId: row.companyId,
    scopes: row.scopes,
    expiresAt: row.expiresAt,
    lastRefreshedAt: row.lastRefreshedAt,
    lastError: row.lastError,
    maxConcurrentRequests: row.maxConcurrentRequests,
    createdById: row.createdById,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type NewConnection = {
  provider: string;
  kind: ConnectionKind;
  label: string;
  credentials: ConnectionCredentials;
  accountId?: string | null;
  companyId?: string | null;
  scopes?: string[];
  expiresAt?: Date | null;
  createdById?: string | null;
};

export async function createConnection(input: NewConnection, client: DbClient = db()): Promise<PublicConnection> {
  const row = await client.connection.create({
    data: {
      provider: input.provider,
      kind: input.kind,
      label: input.label,
      secret: sealJson(input.credentials),
      accountId: input.accountId ?? null,
      companyId: input.companyId ?? null,
      scopes: input.scopes ?? [],
      expiresAt: input.expiresAt ?? null,
      createdById: input.createdById ?? null,
    },
  });
  return publicConnection(row);
}

export type ConnectionPatch = {
  label?: string;
  credentials?: ConnectionCredentials;
  accountId?: string | null;
  companyId?: string | null;
  scopes?: string[];
  expiresAt?: Date | null;
  lastRefreshedAt?: Date | null;
  status?: ConnectionStatus;
  lastError?: string | null;
  maxConcurrentRequests?: number | null;
};

/** Replaces the credentials as a whole when `credentials` is given. */
export async function updateConnection(id: string, patch: ConnectionPatch, client: DbClient = db()): Promise<PublicConnection> {
  const { credentials, ...rest } = patch;
  const row = await client.connection.update({
    where: { id },
    data: { ...rest, ...(credentials ? { secret: sealJson(credentials) } : {}) },
  });
  return publicConnection(row);
}

/**
 * The OAuth callback's save: reconnecting the same account updates the existing connection
 * (runs waiting on it resume) instead of adding a second one.
 */
export async function saveConnectionForAccount(input: NewConnection, client: DbClient = db()): Promise<PublicConnection> {
  const existing = input.accountId
    ? await client.connection.findFirst({
        where: { provider: input.provider, accountId: input.accountId, kind: input.kind },
        orderBy: { createdAt: "asc" },
      })
    : null;
  if (!existing) return createConnection(input, client);
  return updateConnection(
    existing.id,
    {
      credentials: input.credentials,
      companyId: input.companyId ?? existing.companyId,
      scopes: input.scopes ?? existing.scopes,
      expiresAt: input.expiresAt ?? null,
      lastRefreshedAt: new Date(),
      status: "active",
      lastError: null,
    },
    client,
  );
}

export async function getConnection(id: string, client: DbClient = db()): Promise<PublicConnection | null> {
  const row = await client.connection.findUnique({ where: { id } });
  return row ? publicConnection(row) : null;
}

export async function listConnections(
  filter: { provider?: string; includeDisconnected?: boolean } = {},
  client: DbClient = db(),
): Promise<PublicConnection[]> {
  const rows = await client.connection.findMany({
    where: {
      ...(filter.provider ? { provider: filter.provider } : {}),
      ...(filter.includeDisconnected ? {} : { status: { not: "disconnected" } }),
    },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(publicConnection);
}

/** The only way to the decrypted credentials; for the token manager and connection tests. */
export async function readCredentials(
  id: string,
  client: DbClient = db(),
): Promise<{ connection: PublicConnection; credentials: ConnectionCredentials }> {
  const row = await client.connection.findUnique({ where: { id } });
  if (!row) throw new ConnectionNotFoundError(id);
  return { connection: publicConnection(row), credentials: openJson<ConnectionCredentials>(row.secret) };
}

export async function markNeedsReconnect(id: string, reason: string, client: DbClient = db()): Promise<void> {
  await client.connection.updateMany({
    where: { id, status: { not: "disconnected" } },
    data: { status: "needs_reconnect", lastError: reason.slice(0, 1000) },
  });
}

export async function markActive(id: string, client: DbClient = db()): Promise<void> {
  await client.connection.update({ where: { id }, data: { status: "active", lastError: null } });
}

/** Keeps the row (runs and audit refer to it) but drops the credentials. */
export async function disconnect(id: string, client: DbClient = db()): Promise<void> {
  await client.connection.update({
    where: { id },
    data: { status: "disconnected", secret: sealJson({}), expiresAt: null, lastError: null },
  });
}

export class ConnectionNotFoundError extends Error {
  constructor(readonly connectionId: string) {
    super(`connection ${connectionId} not found`);
    this.name = "ConnectionNotFoundError";
  }
}

// ---- OAuth `state` (CSRF) -------------------------------------------------------------

const STATE_TTL_MS = 10 * 60_000;

export class OAuthStateError extends Error {
  constructor(
    message: string,
    readonly reason: "unknown" | "expired",
  ) {
    super(message);
    this.name = "OAuthStateError";
  }
}

export async function createOAuthState(
  provider: string,
  userId: string,
  returnTo: string | null = null,
  client: DbClient = db(),
): Promise<string> {
  const state = randomBytes(32).toString("base64url");
  // Abandoned authorizations would otherwise accumulate forever.
  await client.oAuthState.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  await client.oAuthState.create({
    data: { state, provider, userId, returnTo, expiresAt: new Date(Date.now() + STATE_TTL_MS) },
  });
  return state;
}

/** Single use: the row is deleted as it is read, so a replayed callback finds nothing. */
export async function consumeOAuthState(
  state: string,
  provider: string,
  client: DbClient = db(),
): Promise<{ userId: string; returnTo: string | null }> {
  const rows = await client.$queryRaw<{ user_id: string; return_to: string | null; expired: boolean }[]>`
    DELETE FROM oauth_states WHERE state = ${state} AND provider = ${provider}
    RETURNING user_id::text, return_to, expires_at <= now() AS expired`;
  const row = rows[0];
  if (!row) throw new OAuthStateError("This sign-in link is unknown or was already used; start connecting again.", "unknown");
  if (row.expired) throw new OAuthStateError("This sign-in link expired; start connecting again.", "expired");
  return { userId: row.user_id, returnTo: row.return_to };
}
