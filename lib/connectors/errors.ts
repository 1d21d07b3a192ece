/**
 * The four error classes every connector call may throw. The executor decides what to do
 * from the class alone: retry with backoff, wait, refresh/park, or fail the step.
 */

export type ApiCallSummary = {
  method: string;
  path: string;
  status?: number;
  durationMs?: number;
};

type ErrorDetails = {
  /** The API's own message, shown to the user as-is. */
  apiMessage?: string;
  status?: number;
  call?: ApiCallSummary;
  /** Raw error body from the API (already free of secrets). */
  body?: unknown;
  cause?: unknown;
  /** A server's own `Retry-After` on a temporary failure (e.g. 503): retry no sooner. */
  retryAfterMs?: number;
};

abstract class ConnectorError extends Error {
  abstract readonly kind: "retryable" | "rate_limited" | "auth" | "fatal";
  readonly status?: number;
  readonly apiMessage?: string;
  readonly call?: ApiCallSummary;
  readonly body?: unknown;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.status = details.status;
    this.apiMessage = details.apiMessage;
    this.call = details.call;
    this.body = details.body;
  }
}

/** 5xx, timeouts, network failures: retry with exponential backoff and jitter. */
export class RetryableError extends ConnectorError {
  readonly kind = "retryable" as const;
  readonly retryAfterMs?: number;
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details);
    if (details.retryAfterMs !== undefined) this.retryAfterMs = Math.max(0, Math.round(details.retryAfterMs));
  }
}

/** 429 or our own governor: wait `retryAfterMs`, then try again; not a failed attempt. */
export class RateLimitedError extends ConnectorError {
  readonly kind = "rate_limited" as const;
  readonly retryAfterMs: number;
  constructor(message: string, retryAfterMs: number, details: ErrorDetails = {}) {
    super(message, details);
    this.retryAfterMs = Math.max(0, Math.round(retryAfterMs));
  }
}

/** 401 or revoked credentials: refresh once, then mark the connection `needs_reconnect`. */
export class AuthError extends ConnectorError {
  readonly kind = "auth" as const;
}

/** 4xx validation, not found, forbidden: never retried; shown with the API's message. */
export class FatalError extends ConnectorError {
  readonly kind = "fatal" as const;
}

export type AnyConnectorError = RetryableError | RateLimitedError | AuthError | FatalError;

export function isConnectorError(error: unknown): error is AnyConnectorError {
  return (
    error instanceof RetryableError ||
    error instanceof RateLimitedError ||
    error instanceof AuthError ||
    error instanceof FatalError
  );
}
