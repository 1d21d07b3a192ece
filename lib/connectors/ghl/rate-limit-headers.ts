/** GHL's rate-limit state as reported on every response (ghl-api.md §6). */
export type GhlRateLimit = {
  /** Burst bucket size, `X-RateLimit-Max` (100). */
  burstMax: number | null;
  /** Requests left in the current burst window, `X-RateLimit-Remaining`. */
  burstRemaining: number | null;
  /** Burst window length, `X-RateLimit-Interval-Milliseconds` (10000). */
  intervalMs: number | null;
  /** Daily quota, `X-RateLimit-Limit-Daily` (200000). */
  dailyLimit: number | null;
  /** Requests left today, `X-RateLimit-Daily-Remaining`. */
  dailyRemaining: number | null;
};

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function read(headers: HeaderSource, name: string): number | null {
  let raw: string | string[] | null | undefined;
  if (headers instanceof Headers) raw = headers.get(name);
  else {
    const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
    raw = key === undefined ? undefined : headers[key];
  }
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === null || value.trim() === "") return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** Pure: parses the five `X-RateLimit-*` headers; absent or unreadable values are `null`. */
export function parseGhlRateLimitHeaders(headers: HeaderSource): GhlRateLimit {
  return {
    burstMax: read(headers, "x-ratelimit-max"),
    burstRemaining: read(headers, "x-ratelimit-remaining"),
    intervalMs: read(headers, "x-ratelimit-interval-milliseconds"),
    dailyLimit: read(headers, "x-ratelimit-limit-daily"),
    dailyRemaining: read(headers, "x-ratelimit-daily-remaining"),
  };
}

/** Optional `x-ratelimit-daily-reset` (ms until the daily quota resets); UNVERIFIED upstream. */
export function parseGhlDailyResetMs(headers: HeaderSource): number | null {
  return read(headers, "x-ratelimit-daily-reset");
}
