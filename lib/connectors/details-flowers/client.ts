/**
 * HTTP client factory for Details Flowers: base URL (`DF_API_BASE_URL`, default the local
 * sandbox), the contract's error mapping, and credentials (API key, or a client-credentials
 * token from the shared single-flight cache).
 */
import { AuthError } from "../errors";
import { createHttpClient, type HttpClient, type HttpHooks } from "../http";
import { DF_API_KEY_HEADER, fetchDfToken, type DfClientCredentials } from "./auth";
import { readDfEnv } from "./config";
import { classifyDfError } from "./errors";
import { dfTokenCache, type TokenCache } from "./token-cache";

export type DfCredentials = ({ kind: "api-key"; apiKey: string }) | ({ kind: "oauth2" } & DfClientCredentials);

export type DfHttpOptions = Pick<HttpHooks, "beforeRequest" | "afterResponse"> & {
  credentials: DfCredentials;
  baseUrl?: string;
  /** Token cache key; one per connection. Defaults to the client id. */
  cacheKey?: string;
  tokenCache?: TokenCache;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
};

export function createDfHttpClient(options: DfHttpOptions): HttpClient {
  const baseUrl = options.baseUrl ?? readDfEnv().apiBaseUrl;
  const common = { baseUrl, classifyError: classifyDfError, fetchImpl: options.fetchImpl, timeoutMs: options.timeoutMs };
  const { credentials } = options;
  if (credentials.kind === "api-key") {
    return createHttpClient({ ...common, ...hooksOf(options), defaultHeaders: { [DF_API_KEY_HEADER]: credentials.apiKey } });
  }
  const tokenHttp = createHttpClient(common);
  const api = createHttpClient({ ...common, ...hooksOf(options) });
  const cache = options.tokenCache ?? dfTokenCache;
  const key = options.cacheKey ?? `df:${baseUrl}:${credentials.clientId}`;
  return {
    async request(req) {
      const token = await cache.get(key, () => fetchDfToken(tokenHttp, credentials));
      try {
        return await api.request({ ...req, headers: { ...req.headers, authorization: `Bearer ${token.accessToken}` } });
      } catch (error) {
        // Drop exactly the rejected token, so the executor's retry fetches a new one.
        if (error instanceof AuthError) cache.invalidate(key, token.accessToken);
        throw error;
      }
    },
  };
}

function hooksOf(options: DfHttpOptions): HttpHooks {
  return { beforeRequest: options.beforeRequest, afterResponse: options.afterResponse };
}

/** Credentials from the environment: `DF_API_KEY` wins over the client-credentials pair. */
export function dfHttpFromEnv(overrides: Partial<DfHttpOptions> = {}): HttpClient {
  const env = readDfEnv();
  const credentials: DfCredentials | undefined = env.apiKey
    ? { kind: "api-key", apiKey: env.apiKey }
    : env.clientId && env.clientSecret
      ? { kind: "oauth2", clientId: env.clientId, clientSecret: env.clientSecret }
      : undefined;
  if (!credentials) throw new AuthError("Details Flowers is not configured: set DF_API_KEY, or DF_CLIENT_ID and DF_CLIENT_SECRET.");
  return createDfHttpClient({ baseUrl: env.apiBaseUrl, ...overrides, credentials: overrides.credentials ?? credentials });
}
