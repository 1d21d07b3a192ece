export interface FaultSettings {
  latencyMs: number;
  /** Share (0..1) of API requests answered with a 500. */
  failRate: number;
  dropWebhookRate: number;
  searchLagMs: number;
  /** Epoch ms until which every rate-limited call gets a 429. */
  rateLimitStormUntil: number;
}

export interface GhlSandboxConfig {
  host: string;
  port: number;
  /** null keeps state in memory only. */
  statePath: string | null;
  pit: string;
  clientId: string;
  clientSecret: string;
  accessTtlS: number;
  refreshTtlS: number;
  burstLimit: number;
  burstWindowMs: number;
  dailyLimit: number;
  webhookUrl: string | null;
  webhookRetryDelayMs: number;
  webhookMaxRetries: number;
  legacySignature: boolean;
  /** Status for unknown contact/task/note ids; GHL reportedly answers 400 on some routes. */
  notFoundStatus: 400 | 404;
  faultSeed: number;
  dataSeed: number;
  faults: FaultSettings;
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  failRate: 0,
  dropWebhookRate: 0,
  searchLagMs: 0,
  rateLimitStormUntil: 0,
};

export const DEFAULT_CONFIG: GhlSandboxConfig = {
  host: "127.0.0.1",
  port: 4010,
  statePath: null,
  pit: "pit-sandbox-token",
  clientId: "bloombridge-dev-client",
  clientSecret: "bloombridge-dev-secret",
  accessTtlS: 86399,
  refreshTtlS: 365 * 24 * 3600,
  burstLimit: 100,
  burstWindowMs: 10_000,
  dailyLimit: 200_000,
  webhookUrl: null,
  // GHL retries a 429 six times, ~10 minutes apart (ghl-api.md §7.4).
  webhookRetryDelayMs: 600_000,
  webhookMaxRetries: 6,
  legacySignature: false,
  notFoundStatus: 404,
  faultSeed: 1,
  dataSeed: 20211,
  faults: NO_FAULTS,
};

type Env = Record<string, string | undefined>;

function num(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got "${raw}"`);
  return n;
}

function str(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  return raw === undefined || raw === "" ? fallback : raw;
}

/** Reads every GHL_SANDBOX_* variable; the full list is in the report/README. */
export function ghlSandboxConfigFromEnv(env: Env = process.env): GhlSandboxConfig {
  const d = DEFAULT_CONFIG;
  return {
    host: str(env, "GHL_SANDBOX_HOST", d.host),
    port: num(env, "GHL_SANDBOX_PORT", d.port),
    statePath: str(env, "GHL_SANDBOX_STATE", "./.data/sandbox/ghl.json"),
    pit: str(env, "GHL_SANDBOX_PIT", d.pit),
    clientId: str(env, "GHL_SANDBOX_CLIENT_ID", d.clientId),
    clientSecret: str(env, "GHL_SANDBOX_CLIENT_SECRET", d.clientSecret),
    accessTtlS: num(env, "GHL_SANDBOX_ACCESS_TTL_S", d.accessTtlS),
    refreshTtlS: num(env, "GHL_SANDBOX_REFRESH_TTL_S", d.refreshTtlS),
    burstLimit: num(env, "GHL_SANDBOX_BURST_LIMIT", d.burstLimit),
    burstWindowMs: num(env, "GHL_SANDBOX_BURST_WINDOW_MS", d.burstWindowMs),
    dailyLimit: num(env, "GHL_SANDBOX_DAILY_LIMIT", d.dailyLimit),
    webhookUrl: env.GHL_SANDBOX_WEBHOOK_URL || null,
    webhookRetryDelayMs: num(env, "GHL_SANDBOX_WEBHOOK_RETRY_MS", d.webhookRetryDelayMs),
    webhookMaxRetries: num(env, "GHL_SANDBOX_WEBHOOK_MAX_RETRIES", d.webhookMaxRetries),
    legacySignature: env.GHL_SANDBOX_LEGACY_SIGNATURE === "1",
    notFoundStatus: env.GHL_SANDBOX_NOT_FOUND_STATUS === "400" ? 400 : 404,
    faultSeed: num(env, "GHL_SANDBOX_FAULT_SEED", d.faultSeed),
    dataSeed: num(env, "GHL_SANDBOX_SEED", d.dataSeed),
    faults: {
      latencyMs: num(env, "GHL_SANDBOX_LATENCY_MS", 0),
      failRate: num(env, "GHL_SANDBOX_FAIL_RATE", 0),
      dropWebhookRate: num(env, "GHL_SANDBOX_DROP_WEBHOOK_RATE", 0),
      searchLagMs: num(env, "GHL_SANDBOX_SEARCH_LAG_MS", 0),
      rateLimitStormUntil: 0,
    },
  };
}
