/**
 * The `ctx.http` an operation receives: credentials from the token manager, an in-flight slot
 * of the connection and a slot from the rate governor before each request, header correction and 429 blocks after it, one refresh
 * and retry on a 401, and a log of calls (method, path, status, duration) for the StepRun.
 */
import type { AuthDefinition, ConnectionInfo } from "@/lib/connectors/define";
import { AuthError, RateLimitedError, type AnyConnectorError, type ApiCallSummary } from "@/lib/connectors/errors";
import { classifyHttpError, createHttpClient, type HttpClient, type HttpRequest, type HttpResponse } from "@/lib/connectors/http";
import { markNeedsReconnect } from "@/lib/db/connections";
import { connectionSlots, type ConnectionSlots, type SlotLease } from "./connection-slots";
import { rateGovernor, type AcquireOptions, type RateGovernor, type RateLimits } from "./rate-governor";
import { ConnectionNeedsReconnectError, tokenManager, type TokenDeps, type TokenManager } from "./token-manager";

export type ConnectionHttp = HttpClient & {
  /** Every API call made through this client, in order; the executor stores them. */
  readonly calls: ApiCallSummary[];
};

export type ConnectionHttpOptions = {
  connection: Pick<ConnectionInfo, "id">;
  auth: AuthDefinition;
  baseUrl: string;
  classifyError?: (res: HttpResponse) => AnyConnectorError;
  defaultHeaders?: Record<string, string>;
  /** Token endpoint client for refreshes; defaults to a plain client on `baseUrl`. */
  tokenHttp?: TokenDeps["http"];
  governor?: { key: string; limits?: Partial<RateLimits>; wait?: AcquireOptions; instance?: RateGovernor };
  /** At most `limit` requests to this connection in flight at once, across workers. */
  slots?: { limit: number; maxWaitMs?: number; instance?: ConnectionSlots };
  tokens?: TokenManager;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
};

function authHeader(auth: AuthDefinition, token: string): Record<string, string> {
  return auth.kind === "api-key" ? { [auth.header]: token } : { Authorization: `Bearer ${token}` };
}

export function createConnectionHttp(options: ConnectionHttpOptions): ConnectionHttp {
  const { auth, connection } = options;
  const classify = options.classifyError ?? classifyHttpError;
  const tokens = options.tokens ?? tokenManager();
  const governed = options.governor;
  const governor = governed ? (governed.instance ?? rateGovernor()) : undefined;
  const calls: ApiCallSummary[] = [];
  const slotted = options.slots;
  const slots = slotted ? (slotted.instance ?? connectionSlots()) : undefined;
  const deps: TokenDeps = {
    auth,
    http:
      options.tokenHttp ??
      createHttpClient({ baseUrl: options.baseUrl, classifyError: classify, fetchImpl: options.fetchImpl, timeoutMs: options.timeoutMs }),
  };

  async function afterResponse(res: HttpResponse) {
    calls.push({ ...res.call });
    if (!governor || !governed) return;
    await governor.observe(governed.key, res.headers);
    if (res.status === 429) {
      const error = classify(res);
      const waitMs = error instanceof RateLimitedError ? error.retryAfterMs : 10_000;
      await governor.block(governed.key, waitMs, governed.limits);
    }
  }

  // One inner client per attempt, so the retry knows exactly which token was rejected.
  async function attempt(req: HttpRequest): Promise<{ response?: HttpResponse; error?: unknown; sent?: string }> {
    let sent: string | undefined;
    let lease: SlotLease | undefined;
    // The in-flight slot first, the rate grant last: a grant must not age while we wait for a slot.
    const beforeRequest = async () => {
      if (slots && slotted) lease = await slots.acquire(connection.id, slotted.limit, { maxWaitMs: slotted.maxWaitMs });
      if (governor && governed) await governor.acquire(governed.key, governed.limits, governed.wait);
    };
    const client = createHttpClient({
      baseUrl: options.baseUrl,
      defaultHeaders: options.defaultHeaders,
      timeoutMs: options.timeoutMs,
      fetchImpl: options.fetchImpl,
      classifyError: classify,
      authHeaders: async () => {
        sent = await tokens.getAccessToken(connection.id, deps);
        return authHeader(auth, sent);
      },
      beforeRequest,
      afterResponse,
    });
    try {
      return { response: await client.request(req), sent };
    } catch (error) {
      // Network failures never reach afterResponse; log them too.
      const call = (error as { call?: ApiCallSummary }).call;
      if (call && call.status === undefined) calls.push({ ...call });
      return { error, sent };
    } finally {
      if (lease && slots) await slots.release(lease);
    }
  }

  return {
    calls,
    async request(req) {
      const first = await attempt(req);
      if (first.response) return first.response;
      if (!(first.error instanceof AuthError) || first.sent === undefined) throw first.error;
      await tokens.forceRefresh(connection.id, deps, first.sent);
      const second = await attempt(req);
      if (second.response) return second.response;
      if (second.error instanceof AuthError) {
        const reason = `the API refused fresh credentials: ${second.error.apiMessage ?? second.error.message}`;
        await markNeedsReconnect(connection.id, reason);
        tokens.forget(connection.id);
        throw new ConnectionNeedsReconnectError(connection.id, reason);
      }
      throw second.error;
    },
  };
}
