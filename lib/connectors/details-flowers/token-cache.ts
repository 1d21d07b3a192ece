/**
 * In-process, single-flight access-token cache for client-credentials auth. Tokens renew
 * `skewMs` before they expire, and all callers that arrive while a renewal is running share
 * it: 50 workers waking at expiry make one token request, not 50 (the token endpoint is
 * rate limited, and each extra token can revoke the last on some servers).
 */
import type { TokenSet } from "../define";

export type TokenCacheOptions = {
  /** Renew this long before `expiresAt`; default 60 s. */
  skewMs?: number;
  now?: () => number;
};

type Entry = { token?: TokenSet; pending?: Promise<TokenSet> };

export type TokenCache = {
  /** A token valid for at least `skewMs`, fetching (once, shared) when needed. */
  get(key: string, fetchToken: () => Promise<TokenSet>): Promise<TokenSet>;
  /** Forget a token the API rejected; a token renewed meanwhile is kept. */
  invalidate(key: string, accessToken?: string): void;
};

export function createTokenCache(options: TokenCacheOptions = {}): TokenCache {
  const skewMs = options.skewMs ?? 60_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  return {
    get(key, fetchToken) {
      let entry = entries.get(key);
      if (!entry) entries.set(key, (entry = {}));
      const current = entry.token;
      if (current && current.expiresAt.getTime() - skewMs > now()) return Promise.resolve(current);
      if (entry.pending) return entry.pending;
      const owner = entry;
      const pending = fetchToken()
        .then((token) => (owner.token = token))
        .finally(() => {
          owner.pending = undefined;
        });
      owner.pending = pending;
      return pending;
    },
    invalidate(key, accessToken) {
      const entry = entries.get(key);
      if (!entry?.token) return;
      if (accessToken === undefined || entry.token.accessToken === accessToken) entry.token = undefined;
    },
  };
}

/** Shared by every Details Flowers connection in this process. */
export const dfTokenCache = createTokenCache();
