import { authenticate, checkVersion, rateLimitKey } from "./auth";
import type { Ctx, Sandbox } from "./context";
import { forbidden, genericError, HttpError, parseJsonBody, sendJson, unauthorized, unprocessable } from "./http";
import type { Handler } from "./router";
import { specOperation, type SpecOperation } from "./spec";
import type { AccessTokenRecord, ContactRecord, LocationRecord } from "./types";
import { check } from "./validate";

export interface ApiCall {
  ctx: Ctx;
  sb: Sandbox;
  op: SpecOperation;
  auth: AccessTokenRecord;
  query: Record<string, unknown>;
  // Validated against the spec before the handler runs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  location: LocationRecord;
  /** Loaded when the route has a `:contactId`. */
  contact: ContactRecord;
}

export type ApiResult = { status?: number; body: unknown };
export type ApiHandler = (call: ApiCall) => ApiResult | Promise<ApiResult>;

export function notFound(sb: Sandbox, kind: string, id: string): HttpError {
  const status = sb.config.notFoundStatus;
  return new HttpError(status, {
    statusCode: status,
    message: `${kind} with id ${id} not found`,
    error: status === 404 ? "Not Found" : "Bad Request",
  });
}

/** Shared `Bearer` → rate limit → `Version` steps, also used by `/oauth/locationToken`. */
export function admit(ctx: Ctx): AccessTokenRecord {
  const { sb } = ctx;
  ctx.headers = { ...sb.rateLimiter.idleHeaders() };
  const auth = authenticate(ctx);
  const decision = sb.rateLimiter.take(rateLimitKey(auth), Date.now(), sb.faults.stormActive());
  ctx.headers = decision.headers;
  if (!decision.allowed) throw genericError(429, "Too Many Requests");
  checkVersion(ctx);
  ctx.auth = auth;
  return auth;
}

/**
 * Runs one spec operation: token → rate limit → Version → location binding (403) → scope (401)
 * → query/body validation (422) → handler (ghl-api.md §8 item 2).
 */
export function apiRoute(operationId: string, handler: ApiHandler): Handler {
  const op = specOperation(operationId);
  return async (ctx) => {
    const { sb } = ctx;
    const auth = admit(ctx);
    if (auth.userType !== "Location" || !auth.locationId) {
      throw unauthorized("This authClass type is not allowed to access this scope. Please reach out to the Platform team to get it added.");
    }
    const query: Record<string, unknown> = Object.fromEntries(ctx.url.searchParams);
    const parsed = parseJsonBody(ctx.rawBody);
    const body: unknown = parsed ?? {};

    let contact: ContactRecord | undefined;
    let targetLocation: string | undefined;
    if (ctx.params.contactId !== undefined) {
      contact = sb.store.data.contacts[ctx.params.contactId];
      if (!contact) throw notFound(sb, "Contact", ctx.params.contactId);
      targetLocation = contact.locationId;
    } else {
      const fromBody = body && typeof body === "object" ? (body as Record<string, unknown>).locationId : undefined;
      targetLocation = (query.locationId as string | undefined) ?? (typeof fromBody === "string" ? fromBody : undefined);
    }
    if (targetLocation !== undefined && targetLocation !== auth.locationId) {
      throw forbidden("The token does not have access to this location.");
    }
    ctx.locationId = auth.locationId;
    if (!op.scopes.some((s) => auth.scopes.includes(s))) throw unauthorized("The token is not authorized for this scope.");

    const messages = [...check(op.validateQuery, query), ...check(op.validateBody, body)];
    if (messages.length) throw unprocessable(messages);

    const location = sb.store.location(auth.locationId);
    if (!location) throw forbidden("The token does not have access to this location.");
    const result = await handler({ ctx, sb, op, auth, query, body, location, contact: contact as ContactRecord });
    sendJson(ctx.res, result.status ?? op.successStatus, result.body, ctx.headers);
  };
}
