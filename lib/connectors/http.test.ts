import { describe, expect, it } from "vitest";
import { AuthError, FatalError, RateLimitedError, RetryableError } from "./errors";
import { createHttpClient } from "./http";

function clientThrowing(error: unknown) {
  return createHttpClient({ baseUrl: "http://example.test", fetchImpl: async () => Promise.reject(error) });
}

describe("http client errors thrown inside fetch", () => {
  it.each([
    ["FatalError", new FatalError("Refusing to send to 127.0.0.1")],
    ["AuthError", new AuthError("token revoked")],
    ["RateLimitedError", new RateLimitedError("slow down", 1_000)],
    ["RetryableError", new RetryableError("try again")],
  ])("passes our own %s through unchanged", async (_name, error) => {
    await expect(clientThrowing(error).request({ method: "GET", path: "/x" })).rejects.toBe(error);
  });

  it("wraps a network failure as retryable", async () => {
    const failure = clientThrowing(new TypeError("fetch failed")).request({ method: "GET", path: "/x" });
    await expect(failure).rejects.toBeInstanceOf(RetryableError);
    await expect(failure).rejects.toThrow("GET /x: network error (fetch failed)");
  });
});
