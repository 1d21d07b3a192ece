import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RateLimitedError } from "@/lib/connectors/errors";
import { disconnectDb } from "@/lib/db/client";
import { createConnection, getConnection } from "@/lib/db/connections";
import { createConnectionHttp } from "./connection-http";
import { fakeOAuth, startFakeTokenServer, type FakeTokenServer } from "./fake-token-server";
import { governorKey, rateGovernor } from "./rate-governor";
import { createTokenManager } from "./token-manager";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handler: Handler;
const api = createServer((req, res) => handler(req, res));
let apiUrl: string;
let tokenServer: FakeTokenServer;
const seenAuth: string[] = [];

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  tokenServer = await startFakeTokenServer({ delayMs: 5 });
});
beforeEach(() => {
  seenAuth.length = 0;
});
afterAll(async () => {
  await new Promise((resolve) => api.close(resolve));
  await tokenServer.close();
  await disconnectDb();
});

async function oauthConnection(accessToken: string) {
  return createConnection({
    provider: "ghl",
    kind: "oauth2",
    label: "Location",
    accountId: "loc",
    credentials: { accessToken, refreshToken: tokenServer.issueRefreshToken() },
    expiresAt: new Date(Date.now() + 3600_000),
  });
}

/** Accepts only tokens issued by the token server (or `extra`), like an API after a revoke. */
function acceptIssuedTokens(extra?: string): Handler {
  return (req, res) => {
    const auth = req.headers.authorization ?? "";
    seenAuth.push(auth);
    if (auth.startsWith("Bearer access-") || (extra && auth === `Bearer ${extra}`)) {
      return json(res, 200, { ok: true }, { "X-RateLimit-Max": "100", "X-RateLimit-Remaining": "40" });
    }
    json(res, 401, { statusCode: 401, message: "Invalid token: access token is invalid" });
  };
}

function client(connectionId: string, key = governorKey("ghl", randomUUID())) {
  const http = createConnectionHttp({
    connection: { id: connectionId },
    auth: fakeOAuth,
    baseUrl: apiUrl,
    tokenHttp: tokenServer.http,
    defaultHeaders: { Version: "2021-07-28" },
    governor: { key },
    tokens: createTokenManager(),
  });
  return { http, key };
}

describe("connection http", () => {
  it("sends the token, takes a governor slot, corrects it from headers and logs the call", async () => {
    const connection = await oauthConnection("valid");
    handler = acceptIssuedTokens("valid");
    const { http, key } = client(connection.id);
    const res = await http.request({ method: "GET", path: "/contacts/abc", query: { email: "a@b.c" } });
    expect(res.body).toEqual({ ok: true });
    expect(seenAuth).toEqual(["Bearer valid"]);
    expect(http.calls).toEqual([{ method: "GET", path: "/contacts/abc", status: 200, durationMs: expect.any(Number) }]);
    expect(JSON.stringify(http.calls)).not.toContain("valid");
    // One slot taken, then raised to what the API reported (100 - 40 remaining).
    expect((await rateGovernor().usage(key)).burstUsed).toBe(60);
  });

  it("refreshes once after a 401 and retries the request", async () => {
    const connection = await oauthConnection("revoked");
    handler = acceptIssuedTokens();
    const before = tokenServer.stats.refreshes;
    const { http } = client(connection.id);
    const res = await http.request({ method: "POST", path: "/contacts/", body: { name: "A" } });
    expect(res.status).toBe(200);
    expect(tokenServer.stats.refreshes - before).toBe(1);
    expect(http.calls.map((c) => c.status)).toEqual([401, 200]);
    expect(seenAuth[0]).toBe("Bearer revoked");
    expect(seenAuth[1]).toMatch(/^Bearer access-/);
  });

  it("parks the connection when fresh credentials are refused too", async () => {
    const connection = await oauthConnection("revoked");
    handler = (req, res) => json(res, 401, { statusCode: 401, message: "Invalid token: access token is invalid" });
    const { http } = client(connection.id);
    await expect(http.request({ method: "GET", path: "/contacts/x" })).rejects.toMatchObject({ name: "ConnectionNeedsReconnectError" });
    const saved = await getConnection(connection.id);
    expect(saved?.status).toBe("needs_reconnect");
    expect(saved?.lastError).toContain("access token is invalid");
  });

  it("blocks the bucket for every worker after a 429", async () => {
    const connection = await oauthConnection("valid");
    handler = (req, res) =>
      json(res, 429, { message: "Too many requests" }, { "Retry-After": "2", "X-RateLimit-Remaining": "0", "X-RateLimit-Max": "100" });
    const { http, key } = client(connection.id);
    await expect(http.request({ method: "GET", path: "/contacts/x" })).rejects.toBeInstanceOf(RateLimitedError);
    const usage = await rateGovernor().usage(key);
    expect(usage.burstUsed).toBe(100);
    expect(usage.blockedUntil!.getTime()).toBeGreaterThan(Date.now() + 1000);
  });

  it("sends API keys in the connector's header", async () => {
    const connection = await createConnection({ provider: "details-flowers", kind: "api_key", label: "DF", credentials: { apiKey: "df-key" } });
    handler = (req, res) => json(res, 200, { key: req.headers["x-api-key"] ?? null });
    const http = createConnectionHttp({ connection: { id: connection.id }, auth: { kind: "api-key", header: "X-Api-Key" }, baseUrl: apiUrl });
    expect((await http.request({ method: "GET", path: "/clients" })).body).toEqual({ key: "df-key" });
  });
});
