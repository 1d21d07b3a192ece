import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RetryableError } from "@/lib/connectors/errors";
import { db, disconnectDb } from "@/lib/db/client";
import { createConnection, getConnection, readCredentials, updateConnection } from "@/lib/db/connections";
import { fakeClientCredentials, fakeOAuth, startFakeTokenServer, type FakeTokenServer } from "./fake-token-server";
import { workerClients } from "@/lib/db/test-workers";
import { ConnectionNeedsReconnectError, createTokenManager, getAccessToken } from "./token-manager";

const workers = workerClients(3);
let server: FakeTokenServer;

beforeAll(async () => {
  server = await startFakeTokenServer();
});
beforeEach(() => {
  server.failWith(null);
  Object.assign(server.stats, { refreshes: 0, invalidGrants: 0, clientCredentials: 0 });
});
afterAll(async () => {
  await server.close();
  await workers.close();
  await disconnectDb();
});

/** A GHL-like OAuth connection whose access token expires within the refresh skew. */
async function expiringConnection() {
  return createConnection({
    provider: "ghl",
    kind: "oauth2",
    label: "Test location",
    accountId: "loc-1",
    credentials: { accessToken: "old-access", refreshToken: server.issueRefreshToken() },
    expiresAt: new Date(Date.now() + 60_000),
  });
}

const deps = () => ({ auth: fakeOAuth, http: server.http });

describe("token manager", () => {
  it("refreshes exactly once for 50 concurrent callers on three workers and stores the rotated refresh token", async () => {
    const connection = await expiringConnection();
    const managers = workers.clients.map((client) => createTokenManager({ client }));
    const tokens = await Promise.all(Array.from({ length: 50 }, (_, i) => managers[i % 3].getAccessToken(connection.id, deps())));

    expect(server.stats).toMatchObject({ refreshes: 1, invalidGrants: 0 });
    expect(new Set(tokens).size).toBe(1);
    const { credentials, connection: saved } = await readCredentials(connection.id);
    expect(credentials.accessToken).toBe(tokens[0]);
    expect(credentials.refreshToken).toMatch(/^refresh-/);
    expect(saved.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect(saved.scopes).toEqual(["contacts.readonly", "contacts.write"]);
    // The rotated refresh token is the live one: the server accepts it exactly once.
    await expect(fakeOAuth.kind === "oauth2-authorization-code" && fakeOAuth.refresh(server.http, credentials.refreshToken!)).resolves.toBeTruthy();
  });

  it("serialises refreshes through the database lock alone (no shared in-process state)", async () => {
    const connection = await expiringConnection();
    const tokens = await Promise.all(
      Array.from({ length: 50 }, (_, i) => createTokenManager({ client: workers.clients[i % 3] }).getAccessToken(connection.id, deps())),
    );
    expect(server.stats).toMatchObject({ refreshes: 1, invalidGrants: 0 });
    expect(new Set(tokens).size).toBe(1);
  });

  it("marks the connection needs_reconnect when the token endpoint answers 400", async () => {
    const connection = await expiringConnection();
    server.failWith(400);
    const manager = createTokenManager({ client: workers.clients[0] });
    const error = await manager.getAccessToken(connection.id, deps()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionNeedsReconnectError);
    const saved = await getConnection(connection.id);
    expect(saved?.status).toBe("needs_reconnect");
    expect(saved?.lastError).toContain("Location is not active");
    // Parked: later calls fail fast without spending another request.
    server.failWith(null);
    await expect(createTokenManager().getAccessToken(connection.id, deps())).rejects.toBeInstanceOf(ConnectionNeedsReconnectError);
    expect(server.stats.refreshes).toBe(0);
  });

  it("keeps the connection active and the old refresh token on a 5xx", async () => {
    const connection = await expiringConnection();
    const before = await readCredentials(connection.id);
    server.failWith(503);
    await expect(createTokenManager().getAccessToken(connection.id, deps())).rejects.toBeInstanceOf(RetryableError);
    const after = await readCredentials(connection.id);
    expect(after.connection.status).toBe("active");
    expect(after.credentials.refreshToken).toBe(before.credentials.refreshToken);
  });

  it("serves a fresh token from the row, then from memory", async () => {
    const connection = await createConnection({
      provider: "ghl",
      kind: "oauth2",
      label: "Fresh",
      credentials: { accessToken: "fresh-access", refreshToken: "unused" },
      expiresAt: new Date(Date.now() + 3600_000),
    });
    const manager = createTokenManager();
    expect(await manager.getAccessToken(connection.id, deps())).toBe("fresh-access");
    await updateConnection(connection.id, { credentials: { accessToken: "changed" } });
    expect(await manager.getAccessToken(connection.id, deps())).toBe("fresh-access");
    manager.forget(connection.id);
    expect(await manager.getAccessToken(connection.id, deps())).toBe("changed");
    expect(server.stats.refreshes).toBe(0);
  });

  it("does not refresh short-lived tokens on every call", async () => {
    const connection = await createConnection({
      provider: "details-flowers",
      kind: "oauth2",
      label: "Two-minute tokens",
      credentials: { accessToken: "short", refreshToken: "unused" },
      expiresAt: new Date(Date.now() + 90_000),
    });
    await updateConnection(connection.id, { lastRefreshedAt: new Date(Date.now() - 30_000) });
    expect(await createTokenManager().getAccessToken(connection.id, deps())).toBe("short");
    expect(server.stats.refreshes).toBe(0);
  });

  it("force-refreshes once after a 401 even when many callers report it", async () => {
    const connection = await createConnection({
      provider: "ghl",
      kind: "oauth2",
      label: "Revoked access token",
      credentials: { accessToken: "rejected-access", refreshToken: server.issueRefreshToken() },
      expiresAt: new Date(Date.now() + 3600_000),
    });
    const tokens = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createTokenManager({ client: workers.clients[i % 3] }).forceRefresh(connection.id, deps(), "rejected-access"),
      ),
    );
    expect(server.stats).toMatchObject({ refreshes: 1, invalidGrants: 0 });
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe("rejected-access");
  });

  it("returns static tokens as stored and parks them when the API rejects them", async () => {
    const pit = await createConnection({ provider: "ghl", kind: "pit", label: "PIT", credentials: { accessToken: "pit-123" } });
    const auth = { kind: "static-bearer" } as const;
    expect(await getAccessToken(pit.id, { auth })).toBe("pit-123");
    await expect(createTokenManager().forceRefresh(pit.id, { auth }, "pit-123")).rejects.toBeInstanceOf(ConnectionNeedsReconnectError);
    expect((await getConnection(pit.id))?.status).toBe("needs_reconnect");

    const key = await createConnection({ provider: "details-flowers", kind: "api_key", label: "DF", credentials: { apiKey: "df-key" } });
    expect(await createTokenManager().getAccessToken(key.id, { auth: { kind: "api-key", header: "X-Api-Key" } })).toBe("df-key");
  });

  it("fetches client-credentials tokens with a client built from the stored credentials", async () => {
    const connection = await createConnection({
      provider: "details-flowers",
      kind: "client_credentials",
      label: "DF",
      credentials: { clientId: "id", clientSecret: "secret" },
    });
    const seen: string[] = [];
    const http = (credentials: { clientId?: string }) => {
      seen.push(credentials.clientId ?? "");
      return server.http;
    };
    const manager = createTokenManager();
    const token = await manager.getAccessToken(connection.id, { auth: fakeClientCredentials, http });
    expect(token).toMatch(/^cc-access/);
    expect(await manager.getAccessToken(connection.id, { auth: fakeClientCredentials, http })).toBe(token);
    expect(seen).toEqual(["id"]);
    expect(server.stats.clientCredentials).toBe(1);
    const { credentials } = await readCredentials(connection.id);
    expect(credentials).toMatchObject({ clientId: "id", clientSecret: "secret", accessToken: token });
  });

  it("keeps secrets out of the public shape", async () => {
    const connection = await expiringConnection();
    expect(JSON.stringify(connection)).not.toContain("old-access");
    const row = await db().connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.secret).not.toContain("old-access");
  });
});
