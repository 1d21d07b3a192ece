import { describe, expect, it } from "vitest";
import { FatalError, RetryableError } from "@/lib/connectors/errors";
import { classifyHttpError, type HttpResponse } from "@/lib/connectors/http";
import { backoffMs, decide, DEFAULT_RETRIES } from "./failure";

const NOW = Date.parse("2026-12-04T12:00:00Z");
const minutes = (ms: number) => ms / 60_000;

/** Total wait before giving up, retrying a temporary failure with default settings. */
function totalWait(random: () => number): { waitMs: number; attempts: number } {
  let waitMs = 0;
  for (let attempt = 1; ; attempt++) {
    const decision = decide(new RetryableError("503"), attempt, {}, undefined, NOW);
    if (decision.action !== "retry") return { waitMs, attempts: attempt };
    waitMs += backoffMs(attempt, undefined, random);
  }
}

describe("retry policy", () => {
  it("rides out a temporary failure for about half an hour by default, then fails", () => {
    expect(DEFAULT_RETRIES).toBe(9);
    const shortest = totalWait(() => 0);
    const longest = totalWait(() => 1);
    expect(shortest.attempts).toBe(10);
    expect(minutes(shortest.waitMs)).toBeGreaterThan(14);
    expect(minutes(longest.waitMs)).toBeGreaterThan(29);
    expect(minutes(longest.waitMs)).toBeLessThan(32);
    expect(decide(new RetryableError("503"), 10, {}, undefined, NOW)).toEqual({ action: "fail" });
  });

  it("backs off exponentially with jitter, capped at 10 minutes, and honours a step's own settings", () => {
    expect(backoffMs(1, undefined, () => 0)).toBe(2_500);
    expect(backoffMs(1, undefined, () => 1)).toBe(5_000);
    expect(backoffMs(3, undefined, () => 1)).toBe(20_000);
    expect(backoffMs(12, undefined, () => 1)).toBe(600_000);
    expect(decide(new RetryableError("503"), 2, { retries: 1 }, undefined, NOW)).toEqual({ action: "fail" });
    expect(decide(new RetryableError("503"), 1, { retries: 1, backoffMs: 100 }, undefined, NOW)).toMatchObject({ action: "retry" });
    expect(decide(new FatalError("400"), 1, {}, undefined, NOW)).toEqual({ action: "fail" });
  });

  it("waits at least as long as the server's Retry-After on a 503", () => {
    const res = { status: 503, headers: new Headers({ "retry-after": "120" }), body: undefined, call: { method: "GET", path: "/x", status: 503, durationMs: 1 } } as unknown as HttpResponse;
    const error = classifyHttpError(res);
    expect(error).toBeInstanceOf(RetryableError);
    expect((error as RetryableError).retryAfterMs).toBe(120_000);
    const decision = decide(error, 1, {}, undefined, NOW);
    expect(decision.action).toBe("retry");
    if (decision.action === "retry") expect(decision.at.getTime() - NOW).toBe(120_000);
  });
});
