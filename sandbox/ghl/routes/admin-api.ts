import { createAppointment, deleteAppointment, updateAppointment, type AppointmentInput } from "../activity-service";
import type { Ctx } from "../context";
import type { FaultInput } from "../faults";
import { badRequest, genericError, parseJsonBody, sendJson, sendText } from "../http";
import { revokeConnection } from "../oauth-tokens";
import type { Router } from "../router";
import type { DuplicateField } from "../types";
import { ghlSandboxPublicKeyPem } from "../webhooks";

function json(ctx: Ctx): Record<string, unknown> {
  const body = parseJsonBody(ctx.rawBody);
  if (body === undefined) return {};
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest("JSON object expected");
  return body as Record<string, unknown>;
}

function numberOrUndefined(v: unknown, name: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v)) throw badRequest(`${name} must be a number`);
  return v;
}

/** JSON control plane for tests and the dev supervisor. No auth: it only listens on localhost. */
export function adminApiRoutes(r: Router) {
  r.add("GET", "/admin/webhook-public-key", (ctx) => sendText(ctx.res, 200, ghlSandboxPublicKeyPem(), "application/x-pem-file"));

  r.add("GET", "/admin/state", (ctx) => sendJson(ctx.res, 200, ctx.sb.store.data));

  r.add("POST", "/admin/reset", (ctx) => {
    const body = json(ctx);
    ctx.sb.store.reset(body.wipeOauth === true);
    ctx.sb.rateLimiter.reset();
    ctx.sb.requests.clear();
    sendJson(ctx.res, 200, { ok: true, locations: ctx.sb.store.data.locations.map((l) => l.id) });
  });

  r.add("GET", "/admin/requests", (ctx) => sendJson(ctx.res, 200, { requests: ctx.sb.requests.list() }));
  r.add("DELETE", "/admin/requests", (ctx) => {
    ctx.sb.requests.clear();
    sendJson(ctx.res, 200, { ok: true });
  });

  r.add("GET", "/admin/faults", (ctx) => sendJson(ctx.res, 200, ctx.sb.faults.view()));
  r.add("POST", "/admin/faults", (ctx) => {
    const b = json(ctx);
    const input: FaultInput = {
      latencyMs: numberOrUndefined(b.latencyMs, "latencyMs"),
      failRate: numberOrUndefined(b.failRate, "failRate"),
      rateLimitStorm: numberOrUndefined(b.rateLimitStorm, "rateLimitStorm"),
      dropWebhookRate: numberOrUndefined(b.dropWebhookRate, "dropWebhookRate"),
      searchLagMs: numberOrUndefined(b.searchLagMs, "searchLagMs"),
    };
    ctx.sb.faults.set(input);
    sendJson(ctx.res, 200, ctx.sb.faults.view());
  });
  r.add("DELETE", "/admin/faults", (ctx) => {
    ctx.sb.faults.clear();
    sendJson(ctx.res, 200, ctx.sb.faults.view());
  });

  r.add("GET", "/admin/webhooks", (ctx) => {
    const deliveries = ctx.sb.webhooks.deliveries.map(({ body, ...d }) => ({ ...d, payload: JSON.parse(body) as unknown }));
    sendJson(ctx.res, 200, { url: ctx.sb.webhooks.url(), deliveries });
  });
  r.add("POST", "/admin/webhook-url", (ctx) => {
    const { url } = json(ctx);
    if (url !== null && (typeof url !== "string" || !/^https?:\/\//.test(url))) throw badRequest("url must be an http(s) URL or null");
    ctx.sb.store.data.webhookUrl = url;
    ctx.sb.store.markDirty();
    sendJson(ctx.res, 200, { url: ctx.sb.webhooks.url() });
  });

  // Makes the next refresh fail with invalid_grant, i.e. the app's "needs reconnect" path.
  r.add("POST", "/admin/oauth/revoke", (ctx) => {
    const b = json(ctx);
    const result = revokeConnection(
      ctx.sb,
      { locationId: b.locationId as string | undefined, clientId: b.clientId as string | undefined, refreshToken: b.refreshToken as string | undefined },
      b.expireAccessTokens === true,
    );
    sendJson(ctx.res, 200, result);
  });
  r.add("POST", "/admin/oauth/expire-access-tokens", (ctx) => {
    const b = json(ctx);
    let expired = 0;
    for (const t of Object.values(ctx.sb.store.data.oauth.accessTokens)) {
      if (!b.locationId || t.locationId === b.locationId) {
        t.expiresAt = Date.now();
        expired++;
      }
    }
    ctx.sb.store.markDirty();
    sendJson(ctx.res, 200, { expired });
  });

  r.add("POST", "/admin/locations/:locationId/settings", (ctx) => {
    const loc = ctx.sb.store.location(ctx.params.locationId);
    if (!loc) throw genericError(404, "Location not found");
    const b = json(ctx);
    if (typeof b.allowDuplicateContact === "boolean") loc.allowDuplicateContact = b.allowDuplicateContact;
    if (Array.isArray(b.duplicatePriority)) loc.duplicatePriority = b.duplicatePriority as DuplicateField[];
    ctx.sb.store.markDirty();
    sendJson(ctx.res, 200, loc);
  });

  // Appointments live in GHL's Calendars API; these let tests fire Appointment* webhooks.
  r.add("POST", "/admin/api/contacts/:contactId/appointments", (ctx) => {
    const c = ctx.sb.store.data.contacts[ctx.params.contactId];
    if (!c) throw genericError(404, "Contact not found");
    sendJson(ctx.res, 201, { appointment: createAppointment(ctx.sb, c, json(ctx) as AppointmentInput) });
  });
  r.add("PUT", "/admin/api/appointments/:id", (ctx) => {
    const a = ctx.sb.store.data.appointments[ctx.params.id];
    if (!a) throw genericError(404, "Appointment not found");
    sendJson(ctx.res, 200, { appointment: updateAppointment(ctx.sb, a, json(ctx) as AppointmentInput) });
  });
  r.add("DELETE", "/admin/api/appointments/:id", (ctx) => {
    const a = ctx.sb.store.data.appointments[ctx.params.id];
    if (!a) throw genericError(404, "Appointment not found");
    deleteAppointment(ctx.sb, a);
    sendJson(ctx.res, 200, { succeded: true });
  });
}
