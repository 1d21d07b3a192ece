/** Validation errors, authentication, scopes and the rate limit. */
import { afterEach, describe, expect, it } from "vitest";
import type { DfSandbox } from "./server";
import { client, startTestSandbox } from "./test-helpers";

let sb: DfSandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

const token = (call: ReturnType<typeof client>, form: Record<string, string> = {}) =>
  call("POST", "/oauth/token", { auth: null, form: { grant_type: "client_credentials", client_id: "bloombridge-df-client", client_secret: "bloombridge-df-secret", ...form } });

describe("validation", () => {
  it("answers 422 validation_failed with per-field details and a requestId", async () => {
    sb = await startTestSandbox();
    const call = client(sb);
    const res = await call("POST", "/clients/upsert", { body: { match: ["name"], client: { email: "not-an-email", phone: "555-1234", favouriteColour: "blue" } } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.requestId).toBe(res.headers.get("x-request-id"));
    const fields = res.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(["match.0", "client.email", "client.phone", "client.favouriteColour"]));
    for (const d of res.body.error.details) expect(d.message).toBeTruthy();
  });

  it("validates query parameters and rejects unknown ones", async () => {
    sb = await startTestSandbox();
    const res = await client(sb)("GET", "/clients?limit=0&customerId=x");
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: "query.limit" }), { field: "query.customerId", message: "is not a known parameter" },
    ]));
  });

  it("rejects malformed JSON, a missing body and an event of another client", async () => {
    sb = await startTestSandbox();
    const call = client(sb);
    const raw = await fetch(`${sb.baseUrl}/clients/upsert`, { method: "POST", headers: { "x-api-key": "df-sandbox-key", "content-type": "application/json" }, body: "{nope" });
    expect((await raw.json()).error.details).toEqual([{ field: "body", message: "is not valid JSON" }]);
    expect((await call("POST", "/clients/upsert")).body.error.details).toEqual([{ field: "body", message: "is required" }]);
    const [a, b] = (await call("GET", "/events?limit=200")).body.data;
    const other = a.clientId === b.clientId ? (await call("GET", "/events?limit=200")).body.data.find((e: { clientId: string }) => e.clientId !== a.clientId) : b;
    const res = await call("POST", `/clients/${a.clientId}/tasks`, { body: { title: "x", eventId: other.id } });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].field).toBe("eventId");
  });
});

describe("auth", () => {
  it("401s without credentials, with a wrong key and with a bad client secret", async () => {
    sb = await startTestSandbox();
    const call = client(sb);
    for (const auth of [null, "wrong-key"]) {
      const res = await call("GET", "/clients", { auth });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthorized");
    }
    expect((await token(call, { client_secret: "nope" })).status).toBe(401);
  });

  it("accepts the API key as Bearer or X-API-Key, and OAuth tokens until they expire", async () => {
    sb = await startTestSandbox({ tokenTtlS: 60 });
    const call = client(sb, null);
    expect((await call("GET", "/clients", { headers: { "x-api-key": "df-sandbox-key" } })).status).toBe(200);
    expect((await call("GET", "/clients", { auth: "df-sandbox-key" })).status).toBe(200);
    const t = await token(call);
    expect(t.body).toMatchObject({ token_type: "Bearer", expires_in: 60 });
    expect((await call("GET", "/clients", { auth: t.body.access_token })).status).toBe(200);
    sb.sandbox.store.state.tokens[t.body.access_token].expiresAt = Date.now() - 1;
    const expired = await call("GET", "/clients", { auth: t.body.access_token });
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/expired/);
  });

  it("403s a write with a read-only token", async () => {
    sb = await startTestSandbox();
    const call = client(sb, null);
    const t = await token(call, { scope: "read" });
    expect((await call("GET", "/clients", { auth: t.body.access_token })).status).toBe(200);
    const res = await call("POST", "/clients/upsert", { auth: t.body.access_token, body: { match: ["email"], client: { email: "a@b.co" } } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
  });
});

describe("rate limit", () => {
  it("sends RateLimit headers and 429 + Retry-After past the limit, per credential", async () => {
    sb = await startTestSandbox({ rateLimit: 3, rateWindowS: 10 });
    const call = client(sb);
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push(await call("GET", "/clients?limit=1"));
    expect(seen.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(seen.map((r) => r.headers.get("ratelimit-remaining"))).toEqual(["2", "1", "0", "0"]);
    expect(seen[0].headers.get("ratelimit-limit")).toBe("3");
    expect(Number(seen[3].headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    expect(Number(seen[3].headers.get("retry-after"))).toBeGreaterThan(0);
    expect(seen[3].body.error.code).toBe("rate_limited");
    const t = await token(call);
    expect((await call("GET", "/clients?limit=1", { auth: t.body.access_token })).status).toBe(200);
  });

  it("returns 429 for everything during an injected rate-limit storm", async () => {
    sb = await startTestSandbox();
    sb.setFaults({ rateLimitStorm: true });
    const res = await client(sb)("GET", "/clients");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("1");
    sb.clearFaults();
    expect((await client(sb)("GET", "/clients")).status).toBe(200);
  });
});
