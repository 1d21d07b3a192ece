import { admit } from "../api";
import type { Ctx } from "../context";
import { forbidden, parseForm, redirect, sendHtml, sendJson, unauthorized, unprocessable } from "../http";
import { ghlId } from "../ids";
import { chooseLocationPage, errorPage } from "../oauth-page";
import { issueTokens, oauthError, redeemRefreshToken } from "../oauth-tokens";
import type { Router } from "../router";
import { specOperation } from "../spec";
import { check } from "../validate";

const DEFAULT_SCOPES = "contacts.readonly contacts.write locations.readonly locations/customFields.readonly";
const CODE_TTL_MS = 10 * 60_000;

function showChooser(ctx: Ctx) {
  const q = ctx.url.searchParams;
  const { config, store } = ctx.sb;
  if (q.get("response_type") !== "code") return sendHtml(ctx.res, 400, errorPage("response_type must be code"));
  if (q.get("client_id") !== config.clientId) return sendHtml(ctx.res, 400, errorPage("Unknown client_id"));
  if (!q.get("redirect_uri")) return sendHtml(ctx.res, 400, errorPage("redirect_uri is required"));
  const params = {
    client_id: q.get("client_id") ?? "",
    redirect_uri: q.get("redirect_uri") ?? "",
    scope: q.get("scope") || DEFAULT_SCOPES,
    state: q.get("state") ?? "",
    response_type: "code",
  };
  sendHtml(ctx.res, 200, chooseLocationPage(store.data.locations, params, "Bloombridge"));
}

function approve(ctx: Ctx) {
  const f = parseForm(ctx.rawBody);
  const { config, store } = ctx.sb;
  if (f.client_id !== config.clientId || !f.redirect_uri) return sendHtml(ctx.res, 400, errorPage("Invalid authorization request"));
  const target = new URL(f.redirect_uri);
  if (f.state) target.searchParams.set("state", f.state);
  if (f.decision === "deny") {
    target.searchParams.set("error", "access_denied");
    return redirect(ctx.res, target.href);
  }
  const loc = store.location(f.locationId ?? "");
  if (!loc) return sendHtml(ctx.res, 400, errorPage("Choose a sub-account"));
  const code = ghlId(40);
  store.data.oauth.codes[code] = {
    code,
    clientId: f.client_id,
    redirectUri: f.redirect_uri,
    locationId: loc.id,
    scopes: (f.scope || DEFAULT_SCOPES).split(/\s+/).filter(Boolean),
    expiresAt: Date.now() + CODE_TTL_MS,
  };
  store.markDirty();
  target.searchParams.set("code", code);
  redirect(ctx.res, target.href, 302);
}

/** `/oauth/token` only reads form fields, so a JSON body fails validation just like on GHL. */
function token(ctx: Ctx) {
  const { sb } = ctx;
  const form = parseForm(ctx.rawBody);
  const messages = check(specOperation("get-access-token").validateBody, form);
  if (messages.length) throw unprocessable(messages);
  if (form.client_id !== sb.config.clientId || form.client_secret !== sb.config.clientSecret) {
    throw oauthError(401, "invalid_client", "Invalid client credentials");
  }
  if (form.grant_type === "refresh_token") {
    if (!form.refresh_token) throw unprocessable(["refresh_token should not be empty"]);
    return sendJson(ctx.res, 200, redeemRefreshToken(sb, form.refresh_token, form.client_id));
  }
  if (form.grant_type !== "authorization_code") throw oauthError(400, "unsupported_grant_type", "Unsupported grant type");
  const code = sb.store.data.oauth.codes[form.code ?? ""];
  if (!code || code.expiresAt <= Date.now() || code.clientId !== form.client_id || (form.redirect_uri && form.redirect_uri !== code.redirectUri)) {
    throw oauthError(400, "invalid_grant", "Invalid grant: authorization code is invalid");
  }
  delete sb.store.data.oauth.codes[code.code];
  const loc = sb.store.location(code.locationId);
  if (!loc) throw oauthError(400, "invalid_grant", "Location is not active");
  const company = form.user_type === "Company";
  const body = issueTokens(sb, {
    clientId: form.client_id,
    userType: company ? "Company" : "Location",
    companyId: loc.companyId,
    locationId: company ? null : loc.id,
    approvedLocations: [loc.id],
    scopes: company ? [...code.scopes, "oauth.readonly", "oauth.write"] : code.scopes,
  });
  sendJson(ctx.res, 200, body);
}

function locationToken(ctx: Ctx) {
  const { sb } = ctx;
  const auth = admit(ctx);
  if (auth.userType !== "Company") {
    throw unauthorized("This authClass type is not allowed to access this scope. Please reach out to the Platform team to get it added.");
  }
  if (!auth.scopes.includes("oauth.write")) throw unauthorized("The token is not authorized for this scope.");
  const form = parseForm(ctx.rawBody);
  const messages = check(specOperation("get-location-access-token").validateBody, form);
  if (messages.length) throw unprocessable(messages);
  if (form.companyId !== auth.companyId || !auth.approvedLocations.includes(form.locationId)) {
    throw forbidden("The token does not have access to this location.");
  }
  const { approvedLocations: _a, isBulkInstallation: _b, installToFutureLocations: _i, approveAllLocations: _l, ...rest } = issueTokens(sb, {
    clientId: auth.clientId,
    userType: "Location",
    companyId: auth.companyId,
    locationId: form.locationId,
    approvedLocations: [form.locationId],
    scopes: auth.scopes.filter((s) => !s.startsWith("oauth.")),
  }) as Record<string, unknown>;
  sendJson(ctx.res, 200, { ...rest, appId: sb.config.clientId.split("-")[0] }, ctx.headers);
}

function installedLocations(ctx: Ctx) {
  const { sb } = ctx;
  const auth = admit(ctx);
  if (auth.userType !== "Company" || !auth.scopes.includes("oauth.readonly")) throw unauthorized("The token is not authorized for this scope.");
  const locations = sb.store.data.locations
    .filter((l) => l.companyId === auth.companyId)
    .map((l) => ({ _id: l.id, name: l.name, address: l.address, isInstalled: auth.approvedLocations.includes(l.id) }));
  sendJson(ctx.res, 200, { locations, count: locations.length, installToFutureLocations: false }, ctx.headers);
}

export function oauthRoutes(r: Router) {
  for (const prefix of ["", "/v2"]) {
    r.add("GET", `${prefix}/oauth/chooselocation`, showChooser);
    r.add("POST", `${prefix}/oauth/chooselocation`, approve);
  }
  r.add("POST", "/oauth/token", token);
  r.add("POST", "/oauth/locationToken", locationToken);
  r.add("GET", "/oauth/installedLocations", installedLocations);
}
