import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthError } from "../errors";
import { createHttpClient } from "../http";
import { fetchDfToken } from "./auth";
import { createDfHttpClient } from "./client";
import { createTokenCache } from "./token-cache";

// A fake token endpoint that counts requests and answers slowly, so concurrent callers overlap.
let tokenRequests = 0;
let lastForm: URLSearchParams | undefined;
let lastContentType: string | undefined;
let apiAuth: string[] = [];
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      if (req.url === "/v1/oauth/token") {
        tokenRequests++;
        lastForm = new URLSearchParams(raw);
        lastContentType = req.headers["content-type"];
        const ok = lastForm.get("client_secret") === "s3cret";
        setTimeout(() => {
          res.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
          res.end(JSON.stringify(ok
            ? { access_token: `tok_${tokenRequests}`, token_type: "Bearer", expires_in: 3600, scope: "read write" }
            : { error: { code: "unauthorized", message: "Unknown client", requestId: "r1" } }));
        }, 25);
        return;
      }
      apiAuth.push(String(req.headers.authorization));
      const revoked = req.headers.authorization === "Bearer tok_1" && req.url?.includes("revoked");
      res.writeHead(revoked ? 401 : 200, { "content-type": "application/json" }).end(revoked ? '{"error":{"code":"unauthorized","message":"Token revoked","requestId":"r2"}}' : "{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const credentials = { clientId: "bb-client", clientSecret: "s3cret" };

describe("token cache", () => {
  it("50 concurrent callers at expiry make exactly one token request", async () => {
    tokenRequests = 0;
    let clock = Date.now();
    const cache = createTokenCache({ now: () => clock });
    const tokenHttp = createHttpClient({ baseUrl: base });
    const fetchToken = () => fetchDfToken(tokenHttp, credentials, clock);

    const first = await Promise.all(Array.from({ length: 50 }, () => cache.get("conn-1", fetchToken)));
    expect(tokenRequests).toBe(1);
    expect(new Set(first.map((t) => t.accessToken))).toEqual(new Set(["tok_1"]));

    clock += 3000 * 1000; // 10 minutes before expiry: still served from cache
    await Promise.all(Array.from({ length: 50 }, () => cache.get("conn-1", fetchToken)));
    expect(tokenRequests).toBe(1);

    clock += 541 * 1000; // inside the 60 s renewal window
    const renewed = await Promise.all(Array.from({ length: 50 }, () => cache.get("conn-1", fetchToken)));
    expect(tokenRequests).toBe(2);
    expect(new Set(renewed.map((t) => t.accessToken))).toEqual(new Set(["tok_2"]));
  });

  it("keys are independent, failures are shared then retried", async () => {
    tokenRequests = 0;
    const cache = createTokenCache();
    const tokenHttp = createHttpClient({ baseUrl: base });
    const bad = () => fetchDfToken(tokenHttp, { clientId: "x", clientSecret: "wrong" });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => cache.get("bad", bad)));
    expect(results.every((r) => r.status === "rejected" && r.reason instanceof AuthError)).toBe(true);
    expect(tokenRequests).toBe(1);
    await expect(cache.get("bad", bad)).rejects.toThrow(/rejected the client credentials.*Unknown client/);
    expect(tokenRequests).toBe(2);
  });

  it("sends a form-encoded client-credentials request", async () => {
    await fetchDfToken(createHttpClient({ baseUrl: base }), { ...credentials, scope: "read" });
    expect(lastContentType).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(lastForm ?? [])).toEqual({ grant_type: "client_credentials", client_id: "bb-client", client_secret: "s3cret", scope: "read" });
  });

  it("the DF client uses the cached bearer token and drops it after a 401", async () => {
    tokenRequests = 0;
    apiAuth = [];
    const client = createDfHttpClient({ baseUrl: base, credentials: { kind: "oauth2", ...credentials }, tokenCache: createTokenCache() });
    await Promise.all([client.request({ method: "GET", path: "/clients" }), client.request({ method: "GET", path: "/clients" })]);
    expect(apiAuth).toEqual(["Bearer tok_1", "Bearer tok_1"]);
    await expect(client.request({ method: "GET", path: "/revoked" })).rejects.toBeInstanceOf(AuthError);
    await client.request({ method: "GET", path: "/revoked" });
    expect(apiAuth.at(-1)).toBe("Bearer tok_2");
    expect(tokenRequests).toBe(2);
  });

  it("API-key clients send X-API-Key and never ask for a token", async () => {
    tokenRequests = 0;
    const seen: string[] = [];
    const fetchImpl: typeof fetch = async (url, init) => {
      seen.push(String(new Headers(init?.headers).get("x-api-key")));
      return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
    };
    await createDfHttpClient({ baseUrl: base, credentials: { kind: "api-key", apiKey: "key_123" }, fetchImpl }).request({ method: "GET", path: "/clients" });
    expect(seen).toEqual(["key_123"]);
    expect(tokenRequests).toBe(0);
  });
});
