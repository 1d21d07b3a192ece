 
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { responseValidator } from "./spec";
import { startApi, type Api } from "./test-helpers";

let api: Api;
const CLIENT = { client_id: "bloombridge-dev-client", client_secret: "bloombridge-dev-secret" };
const REDIRECT = "http://localhost:3000/api/oauth/ghl/callback";

beforeAll(async () => {
  api = await startApi({ accessTtlS: 3600 });
});
afterAll(() => api.sandbox.close());

function form(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(api.sandbox.url + path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

async function authorize(scope: string, locationId = api.locationId): Promise<string> {
  const q = new URLSearchParams({ response_type: "code", client_id: CLIENT.client_id, redirect_uri: REDIRECT, scope, state: "st-1" });
  const page = await fetch(`${api.sandbox.url}/oauth/chooselocation?${q}`);
  const html = await page.text();
  expect(page.status).toBe(200);
  expect(html).toContain(`data-testid="location-option-${locationId}"`);
  expect(html).toContain('data-testid="approve-button"');
  expect(html).toMatch(/<label for="loc-/);
  const res = await form("/oauth/chooselocation", { ...CLIENT, client_secret: "", redirect_uri: REDIRECT, scope, state: "st-1", response_type: "code", locationId, decision: "approve" });
  expect(res.status).toBe(302);
  const target = new URL(res.headers.get("location")!);
  expect(target.origin + target.pathname).toBe(REDIRECT);
  expect(target.searchParams.get("state")).toBe("st-1");
  return target.searchParams.get("code")!;
}

async function exchange(code: string, extra: Record<string, string> = {}) {
  const res = await form("/oauth/token", { ...CLIENT, grant_type: "authorization_code", code, redirect_uri: REDIRECT, user_type: "Location", ...extra });
  return { status: res.status, body: (await res.json()) as any };
}

describe("OAuth", () => {
  it("code → token → refresh rotation; the old refresh token is rejected", async () => {
    const tok = await exchange(await authorize("contacts.readonly contacts.write"));
    expect(tok.status).toBe(200);
    expect(responseValidator("get-access-token", 200)!(tok.body)).toBe(true);
    expect(tok.body).toMatchObject({ token_type: "Bearer", expires_in: 3600, userType: "Location", locationId: api.locationId, scope: "contacts.readonly contacts.write" });
    expect(tok.body.companyId).toBe(api.sandbox.sandbox.store.data.company.id);

    const me = await api.call("GET", `/contacts/?locationId=${api.locationId}`, undefined, { token: tok.body.access_token });
    expect(me.status).toBe(200);

    const r1 = await form("/oauth/token", { ...CLIENT, grant_type: "refresh_token", refresh_token: tok.body.refresh_token });
    const rotated = (await r1.json()) as any;
    expect(r1.status).toBe(200);
    expect(rotated.refresh_token).not.toBe(tok.body.refresh_token);
    expect(rotated.access_token).not.toBe(tok.body.access_token);

    const reuse = await form("/oauth/token", { ...CLIENT, grant_type: "refresh_token", refresh_token: tok.body.refresh_token });
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toMatchObject({ statusCode: 400, error: "invalid_grant" });

    const again = await form("/oauth/token", { ...CLIENT, grant_type: "refresh_token", refresh_token: rotated.refresh_token });
    expect(again.status).toBe(200);
  });

  it("codes are single-use and JSON bodies are rejected", async () => {
    const code = await authorize("contacts.readonly");
    expect((await exchange(code)).status).toBe(200);
    expect((await exchange(code)).body.error).toBe("invalid_grant");
    const json = await fetch(`${api.sandbox.url}/oauth/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...CLIENT, grant_type: "refresh_token" }) });
    expect(json.status).toBe(422);
    expect(((await json.json()) as any).message).toContain("client_id should not be empty");
    const badSecret = await form("/oauth/token", { ...CLIENT, client_secret: "wrong", grant_type: "authorization_code", code: "x" });
    expect(badSecret.status).toBe(401);
  });

  it("enforces scope and location binding of OAuth tokens", async () => {
    const ro = (await exchange(await authorize("contacts.readonly"))).body.access_token;
    const write = await api.call("POST", "/contacts/", { locationId: api.locationId, email: "scope@x.test" }, { token: ro });
    expect(write.status).toBe(401);
    expect(write.body).toEqual({ statusCode: 401, message: "The token is not authorized for this scope.", error: "Unauthorized" });
    const other = await api.call("GET", `/contacts/?locationId=${api.otherLocationId}`, undefined, { token: ro });
    expect(other.status).toBe(403);
    const foreignTok = (await exchange(await authorize("contacts.readonly", api.otherLocationId))).body.access_token;
    const own = await api.call("GET", `/contacts/?locationId=${api.otherLocationId}`, undefined, { token: foreignTok });
    expect(own.status).toBe(200);
  });

  it("admin revoke turns the next refresh into invalid_grant and can expire access tokens", async () => {
    const tok = (await exchange(await authorize("contacts.readonly"))).body;
    const revoke = await api.call("POST", "/admin/oauth/revoke", { refreshToken: tok.refresh_token, expireAccessTokens: true });
    expect(revoke.body.revokedRefreshTokens).toBeGreaterThan(0);
    const res = await form("/oauth/token", { ...CLIENT, grant_type: "refresh_token", refresh_token: tok.refresh_token });
    expect(res.status).toBe(400);
    const call = await api.call("GET", `/contacts/?locationId=${api.locationId}`, undefined, { token: tok.access_token });
    expect(call.status).toBe(401);
    expect(call.body.message).toBe("Invalid JWT");
  });

  it("mints a location token from a company token", async () => {
    const company = (await exchange(await authorize("contacts.readonly"), { user_type: "Company" })).body;
    expect(company.userType).toBe("Company");
    expect(company.approvedLocations).toEqual([api.locationId]);
    const denied = await api.call("GET", `/contacts/?locationId=${api.locationId}`, undefined, { token: company.access_token });
    expect(denied.status).toBe(401);
    const res = await form("/oauth/locationToken", { companyId: company.companyId, locationId: api.locationId }, { authorization: `Bearer ${company.access_token}`, version: "2021-07-28" });
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(responseValidator("get-location-access-token", 200)!(body)).toBe(true);
    expect((await api.call("GET", `/contacts/?locationId=${api.locationId}`, undefined, { token: body.access_token })).status).toBe(200);
  });
});

describe("request authentication", () => {
  it("checks bearer token then Version header", async () => {
    const path = `/contacts/?locationId=${api.locationId}`;
    expect((await api.call("GET", path, undefined, { token: null })).body).toEqual({ statusCode: 401, message: "Invalid token: access token is invalid", error: "Unauthorized" });
    expect((await api.call("GET", path, undefined, { version: null })).body.message).toBe("version header was not found.");
    expect((await api.call("GET", path, undefined, { version: "2020-01-01" })).body.message).toBe("version header is invalid");
    expect((await api.call("GET", path, undefined, { token: null, version: null })).body.message).toBe("Invalid token: access token is invalid");
  });
});
