/**
 * Rate governor shared by every worker: one row per `${app}:${accountId}` in
 * `rate_limit_buckets`, a fixed burst window plus a UTC-day quota. A slot is reserved in a
 * single upsert, so concurrent workers can never together exceed the limit; the database
 * clock decides windows so worker clocks need not agree.
 */
import { RateLimitedError } from "@/lib/connectors/errors";
import { parseGhlRateLimitHeaders } from "@/lib/connectors/ghl/rate-limit-headers";
import { db, type Db } from "@/lib/db/client";
import { sleep } from "./sleep";

export type RateLimits = { burstMax: number; burstWindowMs: number; dailyMax: number };

/** GHL's documented limits per app and location (ghl-api.md §6). */
export const DEFAULT_LIMITS: RateLimits = { burstMax: 100, burstWindowMs: 10_000, dailyMax: 200_000 };

export type Grant = { waitedMs: number; windowStart: Date; slot: number; grantedAt: Date };

export type Usage = { burstUsed: number; burstMax: number; dailyUsed: number; dailyMax: number; blockedUntil: Date | null };

export type AcquireOptions = {
  /** Waits longer than this throw `RateLimitedError` so the run is rescheduled, not held. */
  maxWaitMs?: number;
  signal?: AbortSignal;
};

export type RateGovernor = {
  acquire(key: string, limits?: Partial<RateLimits>, options?: AcquireOptions): Promise<Grant>;
  observe(key: string, headers: Headers | Record<string, string | string[] | undefined>): Promise<void>;
  /** After a 429: every worker waits `forMs` from now before the next request on `key`. */
  block(key: string, forMs: number, limits?: Partial<RateLimits>): Promise<void>;
  usage(key: string, limits?: Partial<RateLimits>): Promise<Usage>;
};

export function governorKey(app: string, accountId: string | null | undefined): string {
  return `${app}:${accountId ?? "-"}`;
}

const DEFAULT_MAX_WAIT_MS = 60_000;
// Never spin: a stale snapshot can report a wait that already passed.
const MIN_RETRY_MS = 5;

type AttemptRow = {
  granted: boolean;
  reason: "ok" | "blocked" | "window" | "day" | "race";
  wait_ms: number;
  window_start: Date | null;
  slot: number;
  granted_at: Date | null;
};

function resolve(limits?: Partial<RateLimits>): RateLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

const TODAY = `to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
const MS_TO_TOMORROW = `extract(epoch FROM (date_trunc('day', clock_timestamp() AT TIME ZONE 'UTC') + interval '1 day' - clock_timestamp() AT TIME ZONE 'UTC')) * 1000`;

/** Default of `BLOOMBRIDGE_RATE_GUARD_MS`. */
export const DEFAULT_GUARD_MS = 500;

/*
 * A sliding log, not fixed windows: `recent` holds the grant times of the last window, so no
 * interval of that length anywhere holds more than the limit — whatever the API's own window
 * boundaries are. The window is padded by a small fixed guard so jitter in when requests
 * reach the API (network, a busy event loop) cannot squeeze two grants closer than the API's
 * window. A fixed margin, not a share of the window: jitter does not grow with the window,
 * and every padded millisecond is throughput lost (100 per 10.5 s is 95.2 % of GHL's ceiling;
 * 150 ms gives 98.5 % on a quiet network, but draws 429s when a busy worker delays requests).
 */
export function guardMs(): number {
  const configured = Number(process.env.BLOOMBRIDGE_RATE_GUARD_MS);
  return process.env.BLOOMBRIDGE_RATE_GUARD_MS && Number.isFinite(configured) && configured >= 0 ? configured : DEFAULT_GUARD_MS;
}
const SPAN = (recent: string, windowMs: string) => `(SELECT t FROM unnest(${recent}) t WHERE t > clock_timestamp() - ${windowMs} * interval '1 millisecond')`;
const IN_WINDOW = (recent: string, windowMs: string) => `(SELECT count(*)::int FROM ${SPAN(recent, windowMs)} w(t))`;

/*
 * The reservation: the conflict branch updates only when a slot is free (its WHERE sees the
 * latest committed row, locked), so RETURNING yields a row exactly when the slot is ours.
 * Otherwise the second branch explains why and how long to wait, from the statement's
 * snapshot; the caller retries, so a slightly stale answer costs only a short extra wait.
 * $1 key, $2 max per window, $3 window ms, $4 daily max, $5 padded window ms.
 */
const ACQUIRE_SQL = `
WITH attempt AS (
  INSERT INTO rate_limit_buckets AS b (key, window_start, window_count, window_max, window_ms, day, day_count, day_max, recent, updated_at)
  VALUES ($1::text, clock_timestamp(), 1, $2::int, $3::int, ${TODAY}, 1, $4::int, ARRAY[clock_timestamp()]::timestamptz[], now())
  ON CONFLICT (key) DO UPDATE SET
    recent = COALESCE((SELECT array_agg(t ORDER BY t) FROM ${SPAN("b.recent", "$5::int")} w(t)), '{}'::timestamptz[]) || clock_timestamp(),
    window_count = ${IN_WINDOW("b.recent", "$5::int")} + 1,
    window_start = COALESCE((SELECT min(t) FROM ${SPAN("b.recent", "$5::int")} w(t)), clock_timestamp()),
    day_count = CASE WHEN b.day = EXCLUDED.day THEN b.day_count + 1 ELSE 1 END,
    day = EXCLUDED.day,
    window_max = EXCLUDED.window_max,
    window_ms = EXCLUDED.window_ms,
    day_max = EXCLUDED.day_max,
    blocked_until = NULL,
    updated_at = now()
  WHERE (b.blocked_until IS NULL OR b.blocked_until <= clock_timestamp())
    AND ${IN_WINDOW("b.recent", "$5::int")} < EXCLUDED.window_max
    AND (CASE WHEN b.day = EXCLUDED.day THEN b.day_count ELSE 0 END) < EXCLUDED.day_max
  RETURNING window_start, window_count, recent[array_length(recent, 1)] AS granted_at
)
SELECT true AS granted, 'ok' AS reason, 0::float8 AS wait_ms, window_start, window_count AS slot, granted_at FROM attempt
UNION ALL
SELECT false,
  CASE WHEN b.day = ${TODAY} AND b.day_count >= $4::int THEN 'day'
       WHEN b.blocked_until > clock_timestamp() THEN 'blocked'
       ELSE 'window' END,
  CASE WHEN b.day = ${TODAY} AND b.day_count >= $4::int THEN ${MS_TO_TOMORROW}
       WHEN b.blocked_until > clock_timestamp() THEN extract(epoch FROM b.blocked_until - clock_timestamp()) * 1000
       -- the grant whose expiry frees a slot: the (count - max + 1)-th oldest in the window
       ELSE COALESCE(extract(epoch FROM (SELECT t FROM ${SPAN("b.recent", "$5::int")} w(t) ORDER BY t
                       OFFSET GREATEST(0, ${IN_WINDOW("b.recent", "$5::int")} - $2::int) LIMIT 1)
                     + $5::int * interval '1 millisecond' - clock_timestamp()) * 1000, 0) END::float8,
  b.window_start, b.window_count, NULL::timestamptz
FROM rate_limit_buckets b
WHERE b.key = $1 AND NOT EXISTS (SELECT 1 FROM attempt)`;

export function createRateGovernor(client: Db = db()): RateGovernor {
  async function attempt(key: string, limits: RateLimits): Promise<AttemptRow> {
    const rows = await client.$queryRawUnsafe<AttemptRow[]>(ACQUIRE_SQL, key, limits.burstMax, limits.burstWindowMs, limits.dailyMax, limits.burstWindowMs + guardMs());
    // Empty: the row was created by another worker after this statement's snapshot.
    return rows[0] ?? { granted: false, reason: "race", wait_ms: 0, window_start: null, slot: 0, granted_at: null };
  }

  return {
    async acquire(key, partial, options = {}) {
      const limits = resolve(partial);
      const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
      const started = Date.now();
      for (;;) {
        const row = await attempt(key, limits);
        if (row.granted && row.window_start) {
          return { waitedMs: Date.now() - started, windowStart: row.window_start, slot: row.slot, grantedAt: row.granted_at ?? row.window_start };
        }
        const waitMs = Math.max(MIN_RETRY_MS, Math.ceil(row.wait_ms));
        if (row.reason === "day") {
          throw new RateLimitedError(`daily request quota for ${key} used up; resets at midnight UTC`, waitMs);
        }
        if (Date.now() - started + waitMs > maxWaitMs) {
          throw new RateLimitedError(`rate limit for ${key}: next slot in ${Math.ceil(waitMs / 1000)} s`, waitMs);
        }
        // Jitter spreads the herd that wakes at a window boundary.
        await sleep(waitMs + Math.floor(Math.random() * MIN_RETRY_MS * 2), options.signal);
      }
    },

    // The API's view wins when it has seen more traffic than we counted (another process
    // using the same app, counts lost in a crash); its daily count is authoritative.
    async observe(key, headers) {
      const { burstRemaining: burst, dailyRemaining: daily } = parseGhlRateLimitHeaders(headers);
      if (burst === null && daily === null) return;
      // Writes only when something changes: this runs after every response. Grants the API
      // counted but we did not are added to the log as if made now.
      await client.$executeRawUnsafe(
        `UPDATE rate_limit_buckets SET
           recent = CASE WHEN $2::int IS NULL THEN recent
                         ELSE recent || array_fill(clock_timestamp(), ARRAY[GREATEST(0, (window_max - $2::int) - ${IN_WINDOW("recent", "window_ms")})]) END,
           window_count = CASE WHEN $2::int IS NULL THEN window_count ELSE GREATEST(${IN_WINDOW("recent", "window_ms")}, window_max - $2::int) END,
           day = CASE WHEN $3::int IS NULL THEN day ELSE ${TODAY} END,
           day_count = CASE WHEN $3::int IS NULL THEN day_count ELSE GREATEST(0, day_max - $3::int) END,
           updated_at = now()
         WHERE key = $1 AND (
           ($2::int IS NOT NULL AND ${IN_WINDOW("recent", "window_ms")} < window_max - $2::int)
           OR ($3::int IS NOT NULL AND (day <> ${TODAY} OR day_count <> GREATEST(0, day_max - $3::int))))`,
        key,
        burst,
        daily,
      );
    },

    async block(key, forMs, partial) {
      const limits = resolve(partial);
      const ms = Math.max(0, Math.round(forMs));
      await client.$executeRawUnsafe(
        `INSERT INTO rate_limit_buckets AS b (key, window_start, window_count, window_max, window_ms, day, day_count, day_max, blocked_until, updated_at)
         VALUES ($1, clock_timestamp(), 0, $2::int, $3::int, ${TODAY}, 0, $4::int, clock_timestamp() + $5::int * interval '1 millisecond', now())
         ON CONFLICT (key) DO UPDATE SET
           blocked_until = GREATEST(COALESCE(b.blocked_until, EXCLUDED.blocked_until), EXCLUDED.blocked_until),
           updated_at = now()`,
        key,
        limits.burstMax,
        limits.burstWindowMs,
        limits.dailyMax,
        ms,
      );
    },

    async usage(key, partial) {
      const limits = resolve(partial);
      const rows = await client.$queryRawUnsafe<
        { burst_used: number; burst_max: number; daily_used: number; daily_max: number; blocked_until: Date | null }[]
      >(
        `SELECT
           ${IN_WINDOW("recent", "window_ms")} AS burst_used,
           window_max AS burst_max,
           CASE WHEN day = ${TODAY} THEN day_count ELSE 0 END AS daily_used,
           day_max AS daily_max,
           CASE WHEN blocked_until > clock_timestamp() THEN blocked_until END AS blocked_until
         FROM rate_limit_buckets WHERE key = $1`,
        key,
      );
      const row = rows[0];
      if (!row) return { burstUsed: 0, burstMax: limits.burstMax, dailyUsed: 0, dailyMax: limits.dailyMax, blockedUntil: null };
      return {
        burstUsed: row.burst_used,
        burstMax: row.burst_max,
        dailyUsed: row.daily_used,
        dailyMax: row.daily_max,
        blockedUntil: row.blocked_until,
      };
    },
  };
}

let shared: { client: Db; governor: RateGovernor } | undefined;

/** The process's governor on the shared PrismaClient. */
export function rateGovernor(): RateGovernor {
  const client = db();
  if (!shared || shared.client !== client) shared = { client, governor: createRateGovernor(client) };
  return shared.governor;
}
