/** Sandbox options and the env variables that set them (read once, here). */
export type DfSandboxOptions = {
  host: string;
  port: number;
  /** JSON state file; null keeps state in memory only. */
  statePath: string | null;
  clientId: string;
  clientSecret: string;
  apiKey: string;
  tokenTtlS: number;
  rateLimit: number;
  rateWindowS: number;
  webhookUrl: string | null;
  webhookSecret: string;
  webhookMaxAttempts: number;
  webhookBackoffMs: number;
  latencyMs: number;
  failRate: number;
  /** Seed demo data when no state file exists (or on reset). */
  seed: boolean;
  /** Write debounce for the state file. */
  persistDebounceMs: number;
};

const num = (value: string | undefined, fallback: number) => {
  const n = value === undefined || value === "" ? NaN : Number(value);
  return Number.isFinite(n) ? n : fallback;
};

export const DEFAULT_OPTIONS: DfSandboxOptions = {
  host: "127.0.0.1",
  port: 4020,
  statePath: "./.data/sandbox/details-flowers.json",
  clientId: "bloombridge-df-client",
  clientSecret: "bloombridge-df-secret",
  apiKey: "df-sandbox-key",
  tokenTtlS: 3600,
  rateLimit: 60,
  rateWindowS: 10,
  webhookUrl: null,
  webhookSecret: "df-dev-webhook-secret",
  webhookMaxAttempts: 5,
  webhookBackoffMs: 1000,
  latencyMs: 0,
  failRate: 0,
  seed: true,
  persistDebounceMs: 100,
};

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): DfSandboxOptions {
  const d = DEFAULT_OPTIONS;
  return {
    ...d,
    port: num(env.DF_SANDBOX_PORT, d.port),
    statePath: env.DF_SANDBOX_STATE || d.statePath,
    clientId: env.DF_SANDBOX_CLIENT_ID || d.clientId,
    clientSecret: env.DF_SANDBOX_CLIENT_SECRET || d.clientSecret,
    apiKey: env.DF_SANDBOX_API_KEY || d.apiKey,
    tokenTtlS: num(env.DF_SANDBOX_TOKEN_TTL_S, d.tokenTtlS),
    rateLimit: num(env.DF_SANDBOX_RATE_LIMIT, d.rateLimit),
    rateWindowS: num(env.DF_SANDBOX_RATE_WINDOW_S, d.rateWindowS),
    webhookUrl: env.DF_SANDBOX_WEBHOOK_URL || null,
    webhookSecret: env.DF_SANDBOX_WEBHOOK_SECRET || d.webhookSecret,
    webhookMaxAttempts: num(env.DF_SANDBOX_WEBHOOK_MAX_ATTEMPTS, d.webhookMaxAttempts),
    webhookBackoffMs: num(env.DF_SANDBOX_WEBHOOK_BACKOFF_MS, d.webhookBackoffMs),
    latencyMs: num(env.DF_SANDBOX_LATENCY_MS, d.latencyMs),
    failRate: num(env.DF_SANDBOX_FAIL_RATE, d.failRate),
  };
}
