/**
 * Access tokens for connections, refreshed proactively and single-flight across all
 * workers: an advisory lock per connection serialises refreshes, and whoever waited re-reads
 * the row and finds the token the winner stored. The rotated refresh token is saved in the
 * same transaction as the call that consumed the old one (GHL refresh tokens are single use).
 */
import type { AuthDefinition, TokenSet } from "@/lib/connectors/define";
import { AuthError, FatalError } from "@/lib/connectors/errors";
import type { HttpClient } from "@/lib/connectors/http";
import { db, type Db } from "@/lib/db/client";
import { markNeedsReconnect, type ConnectionCredentials, type DbClient } from "@/lib/db/connections";
import { openJson, sealJson } from "@/lib/secrets";

/** The connection cannot be used until a person reconnects it; runs wait instead of failing. */
export class ConnectionNeedsReconnectError extends Error {
  readonly kind = "needs_reconnect" as const;
  constructor(
    readonly connectionId: string,
    readonly reason: string,
  ) {
    super(`connection ${connectionId} needs to be reconnected: ${reason}`);
    this.name = "ConnectionNeedsReconnectError";
  }
}

export type TokenDeps = {
  auth: AuthDefinition;
  /** Token endpoint client; a function when it needs the stored client id/secret. */
  http?: HttpClient | ((credentials: ConnectionCredentials) => HttpClient);
  /** Refresh this long before expiry; default 5 minutes. */
  skewMs?: number;
};

export type TokenManager = {
  getAccessToken(connectionId: string, deps: TokenDeps): Promise<string>;
  /** After a 401: a new token, unless another worker already replaced `rejectedToken`. */
  forceRefresh(connectionId: string, deps: TokenDeps, rejectedToken?: string): Promise<string>;
  /** Drop the cached token, e.g. after the connection was edited or reconnected. */
  forget(connectionId: string): void;
};

export type TokenManagerOptions = {
  client?: Db;
  now?: () => number;
  /** Even fresh tokens are re-read this often, so a disconnect is noticed. */
  cacheTtlMs?: number;
};

const DEFAULT_SKEW_MS = 5 * 60_000;
const DEFAULT_CACHE_TTL_MS = 60_000;
// Long enough for a lock wait plus one token request (the HTTP client times out at 30 s).
const TX_OPTIONS = { maxWait: 30_000, timeout: 75_000 };

type Row = NonNullable<Awaited<ReturnType<Db["connection"]["findUnique"]>>>;
type Cached = { token: string; validUntil: number };
type Outcome = { token: string; expiresAt: Date | null; issuedAt?: Date | null } | { reconnect: string };

/** Tokens shorter-lived than twice the skew would otherwise be refreshed on every call. */
function effectiveSkew(skewMs: number, expiresAt: Date | null, issuedAt: Date | null | undefined): number {
  if (!expiresAt || !issuedAt) return skewMs;
  const lifetime = expiresAt.getTime() - issuedAt.getTime();
  return lifetime > 0 ? Math.min(skewMs, lifetime / 2) : skewMs;
}

function isStatic(row: Row, auth: AuthDefinition): boolean {
  return row.kind === "pit" || row.kind === "api_key" || auth.kind === "static-bearer" || auth.kind === "api-key";
}

function staticToken(credentials: ConnectionCredentials): string | undefined {
  return credentials.apiKey ?? credentials.accessToken;
}

/** 4xx from the token endpoint: the grant is gone; retrying cannot help. */
function isPermanent(error: unknown): error is AuthError | FatalError {
  return error instanceof AuthError || error instanceof FatalError;
}

export function createTokenManager(options: TokenManagerOptions = {}): TokenManager {
  const client = options.client ?? db();
  const now = options.now ?? Date.now;
  const cacheTtlMs = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
  const cache = new Map<string, Cached>();
  const inflight = new Map<string, Promise<string>>();

  const fresh = (row: Pick<Row, "expiresAt" | "lastRefreshedAt">, skewMs: number) =>
    row.expiresAt === null || row.expiresAt.getTime() - effectiveSkew(skewMs, row.expiresAt, row.lastRefreshedAt) > now();

  function remember(id: string, outcome: Outcome, skewMs: number): string {
    if ("reconnect" in outcome) {
      cache.delete(id);
      throw new ConnectionNeedsReconnectError(id, outcome.reconnect);
    }
    const skew = effectiveSkew(skewMs, outcome.expiresAt, outcome.issuedAt);
    const expiry = outcome.expiresAt ? outcome.expiresAt.getTime() - skew : Infinity;
    cache.set(id, { token: outcome.token, validUntil: Math.min(expiry, now() + cacheTtlMs) });
    return outcome.token;
  }

  async function refreshLocked(id: string, deps: TokenDeps, rejected: string | undefined, force: boolean): Promise<Outcome> {
    const skewMs = deps.skewMs ?? DEFAULT_SKEW_MS;
    return client.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`conn:${id}`}))`;
      const row = await tx.connection.findUnique({ where: { id } });
      if (!row) return { reconnect: "the connection was deleted" };
      if (row.status !== "active") return { reconnect: row.lastError ?? `the connection is ${row.status}` };
      const credentials = openJson<ConnectionCredentials>(row.secret);

      if (isStatic(row, deps.auth)) {
        const token = staticToken(credentials);
        if (token && token !== rejected) return { token, expiresAt: null };
        return reconnect(tx, id, token ? "the API rejected the stored token" : "no token is stored");
      }
      // Another worker refreshed while this one waited for the lock.
      const current = credentials.accessToken;
      if (current && current !== rejected && (!force || rejected !== undefined) && fresh(row, skewMs)) {
        return { token: current, expiresAt: row.expiresAt, issuedAt: row.lastRefreshedAt };
      }

      let tokens: TokenSet;
      try {
        const http = typeof deps.http === "function" ? deps.http(credentials) : deps.http;
        if (!http) throw new Error("no HTTP client for the token endpoint");
        if (deps.auth.kind === "oauth2-authorization-code") {
          if (!credentials.refreshToken) return reconnect(tx, id, "no refresh token is stored");
          tokens = await deps.auth.refresh(http, credentials.refreshToken);
        } else if (deps.auth.kind === "oauth2-client-credentials") {
          tokens = await deps.auth.fetchToken(http);
        } else {
          throw new Error(`auth kind ${deps.auth.kind} cannot refresh`);
        }
      } catch (error) {
        if (!isPermanent(error)) throw error;
        return reconnect(tx, id, `token refresh refused: ${error.apiMessage ?? error.message}`);
      }

      const next: ConnectionCredentials = {
        ...credentials,
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken ?? credentials.refreshToken,
      };
      const issuedAt = new Date(now());
      await tx.connection.update({
        where: { id },
        data: {
          secret: sealJson(next),
          expiresAt: tokens.expiresAt,
          lastRefreshedAt: issuedAt,
          scopes: tokens.scopes.length ? tokens.scopes : row.scopes,
          lastError: null,
        },
      });
      return { token: tokens.accessToken, expiresAt: tokens.expiresAt, issuedAt };
    }, TX_OPTIONS);
  }

  async function reconnect(tx: DbClient, id: string, reason: string): Promise<Outcome> {
    await markNeedsReconnect(id, reason, tx);
    return { reconnect: reason };
  }

  async function load(id: string, deps: TokenDeps): Promise<string> {
    const skewMs = deps.skewMs ?? DEFAULT_SKEW_MS;
    const row = await client.connection.findUnique({ where: { id } });
    if (!row) throw new ConnectionNeedsReconnectError(id, "the connection was deleted");
    if (row.status !== "active") throw new ConnectionNeedsReconnectError(id, row.lastError ?? `the connection is ${row.status}`);
    const credentials = openJson<ConnectionCredentials>(row.secret);
    if (isStatic(row, deps.auth)) {
      const token = staticToken(credentials);
      if (!token) return remember(id, await refreshLocked(id, deps, undefined, false), skewMs);
      return remember(id, { token, expiresAt: null }, skewMs);
    }
    if (credentials.accessToken && fresh(row, skewMs)) {
      return remember(id, { token: credentials.accessToken, expiresAt: row.expiresAt, issuedAt: row.lastRefreshedAt }, skewMs);
    }
    return remember(id, await refreshLocked(id, deps, undefined, false), skewMs);
  }

  function singleFlight(id: string, work: () => Promise<string>): Promise<string> {
    const running = inflight.get(id);
    if (running) return running;
    const started = work().finally(() => inflight.delete(id));
    inflight.set(id, started);
    return started;
  }

  return {
    getAccessToken(id, deps) {
      const cached = cache.get(id);
      if (cached && cached.validUntil > now()) return Promise.resolve(cached.token);
      return singleFlight(id, () => load(id, deps));
    },

    async forceRefresh(id, deps, rejectedToken) {
      const running = inflight.get(id);
      if (running) {
        const token = await running.catch(() => undefined);
        if (token !== undefined && token !== rejectedToken) return token;
      }
      cache.delete(id);
      const skewMs = deps.skewMs ?? DEFAULT_SKEW_MS;
      return singleFlight(id, async () => remember(id, await refreshLocked(id, deps, rejectedToken, true), skewMs));
    },

    forget(id) {
      cache.delete(id);
    },
  };
}

let shared: { client: Db; manager: TokenManager } | undefined;

/** The process's token manager on the shared PrismaClient. */
export function tokenManager(): TokenManager {
  const client = db();
  if (!shared || shared.client !== client) shared = { client, manager: createTokenManager({ client }) };
  return shared.manager;
}

export function getAccessToken(connectionId: string, deps: TokenDeps): Promise<string> {
  return tokenManager().getAccessToken(connectionId, deps);
}

export function forceRefresh(connectionId: string, deps: TokenDeps, rejectedToken?: string): Promise<string> {
  return tokenManager().forceRefresh(connectionId, deps, rejectedToken);
}
