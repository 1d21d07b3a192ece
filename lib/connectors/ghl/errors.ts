import { AuthError, FatalError, RateLimitedError, RetryableError, type AnyConnectorError } from "../errors";
import { apiMessageOf, parseRetryAfter, type HttpResponse } from "../http";
import { ghlOperationSpecs } from "./generated/operations";
import { parseGhlDailyResetMs, parseGhlRateLimitHeaders } from "./rate-limit-headers";

type Details = ConstructorParameters<typeof FatalError>[1];

/** Create refused because the location disallows duplicates; `contactId` is the existing contact. */
export class GhlDuplicateContactError extends FatalError {
  readonly contactId: string;
  readonly matchingField: string | null;
  constructor(message: string, contactId: string, matchingField: string | null, details?: Details) {
    super(message, details);
    this.contactId = contactId;
    this.matchingField = matchingField;
  }
}

/** The token lacks a scope. Refreshing cannot add scopes, so this is fatal until reconnected. */
export class GhlMissingScopeError extends FatalError {
  readonly missingScopes: string[];
  constructor(message: string, missingScopes: string[], details?: Details) {
    super(message, details);
    this.missingScopes = missingScopes;
  }
}

const DEFAULT_BURST_WAIT_MS = 10_000;
const DEFAULT_DAILY_WAIT_MS = 60 * 60_000;

const routes = Object.values(ghlOperationSpecs)
  .map((spec) => ({
    method: spec.method as string,
    scopes: spec.scopes as readonly string[],
    params: (spec.path.match(/\{/g) ?? []).length,
    pattern: new RegExp(`${spec.path.replace(/\/$/, "").replace(/\{[^}]+\}/g, "[^/]+")}/?$`),
  }))
  // Literal segments beat parameters: `/campaigns/removeAll` before `/campaigns/{campaignId}`.
  .sort((a, b) => a.params - b.params);

/** Scopes the spec declares for the operation at `method path`; empty when unknown. */
export function scopesForRequest(method: string, pathname: string): readonly string[] {
  return routes.find((route) => route.method === method && route.pattern.test(pathname))?.scopes ?? [];
}

function fieldsOf(messages: string[]): string[] {
  const fields = messages
    .map((message) => /^([A-Za-z_][\w.]*(?:\[\d+\])?)\s+(?:must|should|is|are|has|have|cannot|not|contains|does)\b/.exec(message)?.[1])
    .filter((field): field is string => Boolean(field));
  return [...new Set(fields)];
}

function recordOf(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Maps a non-2xx GHL response to one of the four connector error classes, with a readable message. */
export function classifyGhlError(res: HttpResponse): AnyConnectorError {
  const body = recordOf(res.body);
  const apiMessage = apiMessageOf(res.body);
  const details = { apiMessage, status: res.status, call: res.call, body: res.body };
  const where = `GHL ${res.call.method} ${res.call.path} → ${res.status}`;
  const text = (message: string | undefined) => (message ? `${where}: ${message}` : where);

  if (res.status === 429) {
    const limits = parseGhlRateLimitHeaders(res.headers);
    const retryAfter = parseRetryAfter(res.headers.get("retry-after"));
    const dailyExhausted = limits.dailyRemaining === 0;
    const wait =
      retryAfter ??
      (dailyExhausted ? (parseGhlDailyResetMs(res.headers) ?? DEFAULT_DAILY_WAIT_MS) : (limits.intervalMs ?? DEFAULT_BURST_WAIT_MS));
    const reason = dailyExhausted ? "daily request quota used up" : "burst rate limit reached";
    return new RateLimitedError(text(`${reason}; retry in ${Math.ceil(wait / 1000)} s`), wait, details);
  }
  if (res.status >= 500 || res.status === 408) return new RetryableError(text(apiMessage ?? "server error"), { ...details, retryAfterMs: parseRetryAfter(res.headers.get("retry-after")) });
  if (res.status === 401) {
    if (apiMessage && /not authorized for this scope/i.test(apiMessage)) {
      const scopes = [...scopesForRequest(res.call.method, res.call.path)];
      const named = scopes.length ? `scope ${scopes.join(", ")}` : "a required scope";
      return new GhlMissingScopeError(
        text(`the connection lacks ${named}. Reconnect GHL and grant it; refreshing the token will not help.`),
        scopes,
        details,
      );
    }
    return new AuthError(text(apiMessage ?? "access token rejected"), details);
  }
  if (res.status === 422) {
    const messages = Array.isArray(body.message) ? body.message.map(String) : apiMessage ? [apiMessage] : [];
    const fields = fieldsOf(messages);
    const fieldText = fields.length ? ` (fields: ${fields.join(", ")})` : "";
    return new FatalError(text(`invalid input${fieldText}: ${messages.join("; ") || "Unprocessable Entity"}`), details);
  }
  const meta = recordOf(body.meta);
  if (res.status === 400 && typeof meta.contactId === "string") {
    const field = typeof meta.matchingField === "string" ? meta.matchingField : null;
    const message = `A contact with this ${field ?? "email/phone"} already exists (id ${meta.contactId})`;
    return new GhlDuplicateContactError(text(message), meta.contactId, field, details);
  }
  if (res.status === 403) return new FatalError(text(apiMessage ?? "forbidden: the token has no access to this location"), details);
  if (res.status === 404) return new FatalError(text(apiMessage ?? "not found"), details);
  return new FatalError(text(apiMessage), details);
}
