import { describe, expect, it } from "vitest";
import { AuthError, RetryableError } from "../errors";
import { createGhlOAuth2, GHL_SCOPES, ghlPrivateIntegrationToken, toTokenSet } from "./auth";
import { createGhlHttpClient } from "./client";
import { stubFetch } from "./test-helpers";

const auth = createGhlOAuth2(() => ({ clientId: "app123-xyz", clientSecret: "shh" }));
const tokenBody = {
  access_token: "at_1",
  token_type: "Bearer",
  expires_in: 86399,
  refresh_token: "rt_2",
  scope: "contacts.readonly contacts.write",
  userType: "Location",
  locationId: "ve9EPM428h8vShlRW1KT",
  companyId: "cmp_1",
  userId: "usr_1",
};

describe("GHL OAuth", () => {
  it("builds the chooselocation URL with scopes and state", () => {
    const url = new URL(auth.authorizeUrl({ redirectUri: "https://app.test/api/connectors/ghl/oauth/callback", state: "st_42" }));
    expect(url.origin + url.pathname).toBe("https://marketplace.gohighlevel.com/v2/oauth/chooselocation");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      redirect_uri: "https://app.test/api/connectors/ghl/oauth/callback",
      client_id: "app123-xyz",
      scope: GHL_SCOPES.join(" "),
      state: "st_42",
    });
    expect(auth.authorizeUrl({ redirectUri: "r", state: "s", authorizeUrl: "http://127.0.0.1:4010/oauth/chooselocation" })).toMatch(/^http:\/\/127\.0\.0\.1:4010\//);
  });

  it("exchanges a code with a form-encoded POST and parses the TokenSet", async () => {
    const { fetchImpl, requests } = stubFetch(() => ({ body: tokenBody }));
    const before = Date.now();
    const tokens = await auth.exchangeCode(createGhlHttpClient({ baseUrl: "https://ghl.test", fetchImpl }), "code_1", "https://app.test/cb");
    expect(requests[0].url.pathname).toBe("/oauth/token");
    expect(requests[0].headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(requests[0].rawBody))).toEqual({
      client_id: "app123-xyz",
      client_secret: "shh",
      user_type: "Location",
      grant_type: "authorization_code",
      code: "code_1",
      redirect_uri: "https://app.test/cb",
    });
    expect(tokens).toMatchObject({ accessToken: "at_1", refreshToken: "rt_2", scopes: ["contacts.readonly", "contacts.write"], accountId: "ve9EPM428h8vShlRW1KT", companyId: "cmp_1" });
    expect(tokens.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 86_399_000);
    expect(JSON.stringify(tokens.raw)).not.toContain("at_1");
  });

  it("refreshes with grant_type=refresh_token", async () => {
    const { fetchImpl, requests } = stubFetch(() => ({ body: { ...tokenBody, refresh_token: "rt_3" } }));
    const tokens = await auth.refresh(createGhlHttpClient({ baseUrl: "https://ghl.test", fetchImpl }), "rt_2");
    expect(new URLSearchParams(requests[0].rawBody).get("grant_type")).toBe("refresh_token");
    expect(new URLSearchParams(requests[0].rawBody).get("refresh_token")).toBe("rt_2");
    expect(tokens.refreshToken).toBe("rt_3");
  });

  it("turns token-endpoint 4xx into AuthError and keeps 5xx retryable", async () => {
    const rejected = stubFetch(() => ({ status: 400, body: { error: "invalid_grant", error_description: "Invalid grant: refresh token is invalid" } }));
    const error = await auth.refresh(createGhlHttpClient({ baseUrl: "https://ghl.test", fetchImpl: rejected.fetchImpl }), "old").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toMatch(/refresh.*Invalid grant.*Reconnect/);
    const down = stubFetch(() => ({ status: 502, body: {} }));
    await expect(auth.refresh(createGhlHttpClient({ baseUrl: "https://ghl.test", fetchImpl: down.fetchImpl }), "rt")).rejects.toBeInstanceOf(RetryableError);
  });

  it("rejects a token response without an access token", () => {
    expect(() => toTokenSet({ userId: "u" })).toThrow(AuthError);
  });

  it("offers Private Integration Tokens as static bearer auth", () => {
    expect(ghlPrivateIntegrationToken.kind).toBe("static-bearer");
  });
});
