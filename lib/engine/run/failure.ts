/** What a failed step means for its run: retry later, wait, or fail. */
import { AuthError, RateLimitedError, RetryableError } from "@/lib/connectors/errors";
import { ConnectionNeedsReconnectError } from "../token-manager";

export const DEFAULT_RETRIES = 3;
export const DEFAULT_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 60_000;

export type FailureDecision =
  | { action: "retry"; at: Date }
  | { action: "wait"; waitingFor: string; until: Date | null }
  | { action: "fail" };

/** Exponential backoff with full jitter. */
export function backoffMs(attempt: number, baseMs = DEFAULT_BACKOFF_MS, random = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(baseMs / 2, Math.round(random() * ceiling));
}

export function decide(error: unknown, attempt: number, settings: { retries?: number; backoffMs?: number } = {}, connectionId?: string, now = Date.now()): FailureDecision {
  if (error instanceof RateLimitedError) return { action: "wait", waitingFor: "rate_limit", until: new Date(now + error.retryAfterMs) };
  if (error instanceof ConnectionNeedsReconnectError) return { action: "wait", waitingFor: `reconnect:${error.connectionId}`, until: null };
  if (error instanceof AuthError && connectionId) return { action: "wait", waitingFor: `reconnect:${connectionId}`, until: null };
  if (error instanceof RetryableError && attempt <= (settings.retries ?? DEFAULT_RETRIES)) {
    return { action: "retry", at: new Date(now + backoffMs(attempt, settings.backoffMs)) };
  }
  return { action: "fail" };
}
