import { describe, expect, it } from "vitest";
import { parseGhlDailyResetMs, parseGhlRateLimitHeaders } from "./rate-limit-headers";

describe("parseGhlRateLimitHeaders", () => {
  it("reads the five X-RateLimit headers from Headers", () => {
    const headers = new Headers({
      "X-RateLimit-Max": "100",
      "X-RateLimit-Remaining": "97",
      "X-RateLimit-Interval-Milliseconds": "10000",
      "X-RateLimit-Limit-Daily": "200000",
      "X-RateLimit-Daily-Remaining": "199874",
    });
    expect(parseGhlRateLimitHeaders(headers)).toEqual({ burstMax: 100, burstRemaining: 97, intervalMs: 10000, dailyLimit: 200000, dailyRemaining: 199874 });
  });

  it("accepts plain records with any casing and nulls what is missing or garbled", () => {
    expect(parseGhlRateLimitHeaders({ "x-ratelimit-remaining": ["0"], "X-RATELIMIT-MAX": "abc" })).toEqual({
      burstMax: null,
      burstRemaining: 0,
      intervalMs: null,
      dailyLimit: null,
      dailyRemaining: null,
    });
    expect(parseGhlDailyResetMs({ "x-ratelimit-daily-reset": "5000" })).toBe(5000);
  });
});
