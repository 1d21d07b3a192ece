import { describe, expect, it } from "vitest";
import { rateLimitFromEnv } from "./rate-limit-config";

describe("rateLimitFromEnv", () => {
  it.each([
    [undefined, {}],
    ["", {}],
    ["500/10000", { burstMax: 500, burstWindowMs: 10_000 }],
    [" 60 / 10000 ", { burstMax: 60, burstWindowMs: 10_000 }],
  ])("%j → %j", (raw, expected) => {
    expect(rateLimitFromEnv("GHL_RATE_LIMIT", { GHL_RATE_LIMIT: raw })).toEqual(expected);
  });

  it.each(["100", "0/1000", "10/50", "ten/1000"])("refuses %j with the expected format", (raw) => {
    expect(() => rateLimitFromEnv("DF_RATE_LIMIT", { DF_RATE_LIMIT: raw })).toThrow(/DF_RATE_LIMIT must look like "<requests>\/<window ms>"/);
  });
});
