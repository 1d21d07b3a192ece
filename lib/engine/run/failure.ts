/** What a failed step means for its run: retry later, wait, or fail. */
import { AuthError, RateLimitedError, RetryableError } from "@/lib/connectors/errors";
import { ConnectionNeedsReconnectError } from "../token-manager";

/** The instance-wide default for steps that set none (a step's own settings win). */
function envInt(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}
/*
 * Nine retries from 5 s, doubling up to 10 minutes, span about 15–30 minutes in all: long enough
 * to ride out an outage of either API, where four attempts within seconds gave up at once.
 */
const MAX_BACKOFF_MS = 10 * 60_000;
export const DEFAULT_RETRIES = envInt("BLOOMBRIDGE_RETRIES", 9, 0, 10);
export const DEFAULT_BACKOFF_MS = envInt("BLOOMBRIDGE_RETRY_BACKOFF_MS", 5_000, 0, MAX_BACKOFF_MS);

export type FailureDecision =
  | { action: "retry"; at: Date }
  | { action: "wait"; waitingFor: string; until: Date | null }
  | { action: "fail" };

/** Exponential backoff with "equal jitter": half of each delay fixed, half random, so retries spread out but never bunch up early. */
export function backoffMs(attempt: number, baseMs = DEFAULT_BACKOFF_MS, random = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function decide(error: unknown, attempt: number, settings: { retries?: number; backoffMs?: number } = {}, connectionId?: string, now = Date.now()): FailureDecision {
  if (error instanceof RateLimitedError) return { action: "wait", waitingFor: "rate_limit", until: new Date(now + error.retryAfterMs) };
  if (error instanceof ConnectionNeedsReconnectError) return { action: "wait", waitingFor: `reconnect:${error.connectionId}`, until: null };
  if (error instanceof AuthError && connectionId) return { action: "wait", waitingFor: `reconnect:${connectionId}`, until: null };
  if (error instanceof RetryableError && attempt <= (settings.retries ?? DEFAULT_RETRIES)) {
    return { action: "retry", at: new Date(now + Math.max(backoffMs(attempt, settings.backoffMs), error.retryAfterMs ?? 0)) };
  }
  return { action: "fail" };
}
