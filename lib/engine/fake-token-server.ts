/**
 * Test helper: an OAuth token endpoint that rotates refresh tokens and rejects any reuse
 * with 400 invalid_grant, like GHL is assumed to (ghl-api.md §4.2).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { AuthDefinition, TokenSet } from "@/lib/connectors/define";
import { createHttpClient, type HttpClient } from "@/lib/connectors/http";

export type FakeTokenServer = {
  url: string;
  http: HttpClient;
  /** Successful refreshes, and refresh attempts with a used or unknown token. */
  stats: { refreshes: number; invalidGrants: number; clientCredentials: number };
  /** Issue a refresh token the server will accept once. */
  issueRefreshToken(): string;
  /** Answer every request with this status until cleared. */
  failWith(status: number | null): void;
  close(): Promise<void>;
};

type TokenBody = { access_token: string; refresh_token?: string; expires_in: number; scope: string };

export const fakeOAuth: AuthDefinition = {
  kind: "oauth2-authorization-code",
  scopes: ["contacts.readonly"],
  async exchangeCode() {
    throw new Error("not used in tests");
  },
  async refresh(http, refreshToken) {
    const res = await http.request({
      method: "POST",
      path: "/oauth/token",
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken }),
    });
    return toTokenSet(res.body as TokenBody);
  },
};

export const fakeClientCredentials: AuthDefinition = {
  kind: "oauth2-client-credentials",
  async fetchToken(http) {
    const res = await http.request({ method: "POST", path: "/oauth/token", body: new URLSearchParams({ grant_type: "client_credentials" }) });
    return toTokenSet(res.body as TokenBody);
  },
};

function toTokenSet(body: TokenBody): TokenSet {
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    expiresAt: new Date(Date.now() + body.expires_in * 1000),
    scopes: body.scope.split(" ").filter(Boolean),
  };
}

export async function startFakeTokenServer(options: { delayMs?: number } = {}): Promise<FakeTokenServer> {
  const valid = new Set<string>();
  const stats = { refreshes: 0, invalidGrants: 0, clientCredentials: 0 };
  let failStatus: number | null = null;
  let counter = 0;
  const next = (prefix: string) => `${prefix}-${++counter}-${Math.random().toString(36).slice(2)}`;

  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", async () => {
      await new Promise((r) => setTimeout(r, options.delayMs ?? 50));
      const params = new URLSearchParams(raw);
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (failStatus !== null) return send(failStatus, { error: "invalid_grant", error_description: "Location is not active" });
      if (params.get("grant_type") === "client_credentials") {
        stats.clientCredentials++;
        return send(200, { access_token: next("cc-access"), expires_in: 3600, scope: "read" });
      }
      const presented = params.get("refresh_token") ?? "";
      if (!valid.delete(presented)) {
        stats.invalidGrants++;
        return send(400, { error: "invalid_grant", error_description: "refresh token already used" });
      }
      stats.refreshes++;
      const refreshToken = next("refresh");
      valid.add(refreshToken);
      send(200, { access_token: next("access"), refresh_token: refreshToken, expires_in: 86399, scope: "contacts.readonly contacts.write" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    http: createHttpClient({ baseUrl: url }),
    stats,
    issueRefreshToken() {
      const token = next("refresh");
      valid.add(token);
      return token;
    },
    failWith(status) {
      failStatus = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
