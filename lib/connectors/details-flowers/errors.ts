/**
 * Maps the contract's one error body `{error:{code,message,details,requestId}}` to the four
 * error classes, with a message that names the offending fields.
 */
import { z } from "zod";
import { AuthError, FatalError, RateLimitedError, RetryableError, type AnyConnectorError } from "../errors";
import { parseRetryAfter, type HttpResponse } from "../http";

const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  }),
});

const HINTS: Record<string, string> = {
  unauthorized: "reconnect Details Flowers (the API key or client secret was rejected)",
  forbidden: "the Details Flowers credential lacks the write scope",
  idempotency_key_reused: "the same step was replayed with different data",
};

/** Waits the server asks for: Retry-After, else RateLimit-Reset (seconds), else 10 s. */
export function retryAfterMs(headers: Headers): number {
  const retryAfter = parseRetryAfter(headers.get("retry-after"));
  if (retryAfter !== undefined) return retryAfter;
  const reset = Number(headers.get("ratelimit-reset"));
  return Number.isFinite(reset) && reset >= 0 && headers.has("ratelimit-reset") ? reset * 1000 : 10_000;
}

export function classifyDfError(res: HttpResponse): AnyConnectorError {
  const parsed = errorBody.safeParse(res.body);
  const error = parsed.success ? parsed.data.error : undefined;
  const fields = (error?.details ?? []).map((d) => `${d.field}: ${d.message}`).join("; ");
  const hint = error ? HINTS[error.code] : undefined;
  const apiMessage = error ? `${error.message}${fields ? ` (${fields})` : ""}` : undefined;
  const where = `Details Flowers ${res.call.method} ${res.call.path} → ${res.status}${error ? ` ${error.code}` : ""}`;
  const message = [where, apiMessage, hint].filter(Boolean).join(": ") + (error?.requestId ? ` [request ${error.requestId}]` : "");
  const details = { apiMessage, status: res.status, call: res.call, body: res.body };

  if (res.status === 429) return new RateLimitedError(message, retryAfterMs(res.headers), details);
  if (res.status === 401) return new AuthError(message, details);
  if (res.status >= 500 || res.status === 408) return new RetryableError(message, { ...details, retryAfterMs: parseRetryAfter(res.headers.get("retry-after")) });
  return new FatalError(message, details);
}

export function isDfNotFound(error: unknown): boolean {
  return error instanceof FatalError && error.status === 404;
}
