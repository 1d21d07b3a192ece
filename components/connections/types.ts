export type ConnectionViewModel = {
  id: string;
  provider: string;
  kind: string;
  label: string;
  status: "active" | "needs_reconnect" | "disconnected";
  accountId: string | null;
  scopes: string[];
  expiresAt: string | null;
  lastRefreshedAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  usage: { burstUsed: number; burstMax: number; dailyUsed: number; dailyMax: number; blockedUntil: string | null } | null;
  /** The connection's own limit of requests at once; null = the provider's default. */
  maxConcurrentRequests: number | null;
  /** The limit in force and the requests in flight now. */
  requests: { limit: number; inFlight: number };
};

export const PROVIDER_LABELS: Record<string, string> = { ghl: "HighLevel", "details-flowers": "Details Flowers" };
