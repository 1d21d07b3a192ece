import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RateLimitedError } from "@/lib/connectors/errors";
import { disconnectDb } from "@/lib/db/client";
import { createRateGovernor, DEFAULT_GUARD_MS, governorKey, guardMs, rateGovernor, type Grant } from "./rate-governor";
import { workerClients } from "@/lib/db/test-workers";

const workers = workerClients(3);
const governors = workers.clients.map((client) => createRateGovernor(client));

// Open every pool connection and plan the statement first: both are slow on a cold pool and
// would eat into the first window being measured.
beforeAll(async () => {
  const warm = key();
  await Promise.all(governors.flatMap((g) => Array.from({ length: 20 }, () => g.acquire(warm, { burstMax: 1000 }))));
});

afterAll(async () => {
  await workers.close();
  await disconnectDb();
});

const key = () => governorKey("test", randomUUID());

describe("rate governor", () => {
  it("spreads 300 requests over 100-per-second windows from three workers, never more per window", async () => {
    const k = key();
    const limits = { burstMax: 100, burstWindowMs: 1000, dailyMax: 200_000 };
    const started = Date.now();
    const grants: Grant[] = await Promise.all(
      Array.from({ length: 300 }, (_, i) => governors[i % 3].acquire(k, limits, { maxWaitMs: 10_000 })),
    );
    const elapsed = Date.now() - started;

    // Sliding-window invariant: any 100 consecutive grants span at least one full window,
    // so no interval of the API's window length (wherever it starts) sees more than 100.
    const times = grants.map((g) => g.grantedAt.getTime()).sort((a, b) => a - b);
    for (let i = 0; i + 100 < times.length; i++) expect(times[i + 100] - times[i]).toBeGreaterThanOrEqual(1000);
    // Throughput: three windows (padded by the jitter guard) and some slack, not more.
    expect(elapsed).toBeLessThanOrEqual(3 * (1000 + guardMs()) + 1000);
  });

  it("grants exactly the burst limit when callers may not wait", async () => {
    const k = key();
    const limits = { burstMax: 100, burstWindowMs: 60_000, dailyMax: 200_000 };
    const results = await Promise.allSettled(
      Array.from({ length: 150 }, (_, i) => governors[i % 3].acquire(k, limits, { maxWaitMs: 50 })),
    );
    const granted = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(granted).toHaveLength(100);
    expect(refused).toHaveLength(50);
    for (const r of refused) expect(r.reason).toBeInstanceOf(RateLimitedError);
    expect((await governors[0].usage(k, limits)).burstUsed).toBe(100);
  });

  it("grants the full limit at once, never one more, and frees the next slot one window plus the guard later", async () => {
    const k = key();
    const limits = { burstMax: 20, burstWindowMs: 60_000, dailyMax: 200_000 };
    const grants = await Promise.all(Array.from({ length: 20 }, (_, i) => governors[i % 3].acquire(k, limits, { maxWaitMs: 50 })));
    expect(grants).toHaveLength(20);
    const refused = await governors[0].acquire(k, limits, { maxWaitMs: 50 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    // The next slot opens when the oldest grant leaves the padded window: at most window + guard away.
    expect((refused as RateLimitedError).retryAfterMs).toBeLessThanOrEqual(60_000 + DEFAULT_GUARD_MS);
    expect((refused as RateLimitedError).retryAfterMs).toBeGreaterThan(30_000);
    expect((await governors[1].usage(k, limits)).burstUsed).toBe(20);
  });

  it("throws RateLimitedError until the next UTC day when the daily cap is used up", async () => {
    const k = key();
    const limits = { burstMax: 100, burstWindowMs: 1000, dailyMax: 5 };
    for (let i = 0; i < 5; i++) await governors[i % 3].acquire(k, limits);
    const error = await governors[0].acquire(k, limits).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    const now = new Date();
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    expect(Math.abs((error as RateLimitedError).retryAfterMs - (midnight - Date.now()))).toBeLessThan(5_000);
    expect(await governors[1].usage(k, limits)).toMatchObject({ dailyUsed: 5, dailyMax: 5 });
  });

  it("corrects its counts from GHL's X-RateLimit headers", async () => {
    const k = key();
    const governor = rateGovernor();
    await governor.acquire(k);
    await governor.observe(
      k,
      new Headers({
        "X-RateLimit-Max": "100",
        "X-RateLimit-Remaining": "10",
        "X-RateLimit-Interval-Milliseconds": "10000",
        "X-RateLimit-Limit-Daily": "200000",
        "X-RateLimit-Daily-Remaining": "150000",
      }),
    );
    expect(await governor.usage(k)).toMatchObject({ burstUsed: 90, burstMax: 100, dailyUsed: 50_000, dailyMax: 200_000 });
    // The API having seen less than we counted never lowers the burst count.
    await governor.observe(k, { "x-ratelimit-remaining": "99" });
    expect((await governor.usage(k)).burstUsed).toBe(90);
    // Unrelated responses change nothing.
    await governor.observe(k, new Headers({ "content-type": "application/json" }));
    expect((await governor.usage(k)).burstUsed).toBe(90);
  });

  it("makes every worker wait after a 429 block", async () => {
    const k = key();
    await governors[0].acquire(k);
    await governors[1].block(k, 400);
    const usage = await governors[2].usage(k);
    expect(usage.blockedUntil).toBeInstanceOf(Date);
    await expect(governors[2].acquire(k, {}, { maxWaitMs: 50 })).rejects.toBeInstanceOf(RateLimitedError);
    const grant = await governors[2].acquire(k);
    expect(grant.waitedMs).toBeGreaterThanOrEqual(250);
    expect((await governors[0].usage(k)).blockedUntil).toBeNull();
  });
});
