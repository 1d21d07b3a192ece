/**
 * Operators may set a governor ceiling other than the documented one (a higher GHL plan, a
 * sandbox with other limits in a benchmark): `GHL_RATE_LIMIT=100/10000` means 100 requests
 * per 10,000 ms; `DF_RATE_LIMIT` likewise for Details Flowers.
 */
import type { RateLimits } from "./rate-governor";

export function rateLimitFromEnv(name: "GHL_RATE_LIMIT" | "DF_RATE_LIMIT", env: Record<string, string | undefined> = process.env): Partial<RateLimits> {
  const raw = env[name]?.trim();
  if (!raw) return {};
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(raw);
  const burstMax = Number(match?.[1]);
  const burstWindowMs = Number(match?.[2]);
  if (!match || burstMax < 1 || burstWindowMs < 100) {
    throw new Error(`${name} must look like "<requests>/<window ms>", e.g. "100/10000" (at least 1 request per 100 ms); got "${raw}"`);
  }
  return { burstMax, burstWindowMs };
}
