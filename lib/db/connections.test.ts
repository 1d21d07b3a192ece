import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "./client";
import {
  ConnectionNotFoundError,
  OAuthStateError,
  consumeOAuthState,
  createConnection,
  createOAuthState,
  disconnect,
  getConnection,
  listConnections,
  markActive,
  markNeedsReconnect,
  readCredentials,
  saveConnectionForAccount,
  updateConnection,
} from "./connections";

afterAll(disconnectDb);

const userId = "00000000-0000-4000-8000-0000000000aa";
const account = `loc-${Date.now().toString(36)}`;

describe("connections", () => {
  it("stores credentials sealed and returns them only through readCredentials", async () => {
    const created = await createConnection({
      provider: "ghl",
      kind: "oauth2",
      label: "Main location",
      accountId: account,
      scopes: ["contacts.readonly"],
      credentials: { accessToken: "at-secret", refreshToken: "rt-secret" },
      expiresAt: new Date(Date.now() + 3600_000),
    });
    expect(JSON.stringify(created)).not.toMatch(/secret/);
    expect(JSON.stringify(await listConnections({ provider: "ghl" }))).not.toMatch(/at-secret|rt-secret/);
    const row = await db().connection.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secret).not.toContain("at-secret");
    expect((await readCredentials(created.id)).credentials).toEqual({ accessToken: "at-secret", refreshToken: "rt-secret" });

    await updateConnection(created.id, { label: "Renamed", credentials: { accessToken: "at-2" } });
    expect((await getConnection(created.id))?.label).toBe("Renamed");
    expect((await readCredentials(created.id)).credentials).toEqual({ accessToken: "at-2" });
    await expect(readCredentials("00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(ConnectionNotFoundError);
  });

  it("moves through needs_reconnect, active and disconnected", async () => {
    const { id } = await createConnection({ provider: "ghl", kind: "pit", label: "PIT", credentials: { accessToken: "pit" } });
    await markNeedsReconnect(id, "401 Invalid token");
    expect(await getConnection(id)).toMatchObject({ status: "needs_reconnect", lastError: "401 Invalid token" });
    await markActive(id);
    expect(await getConnection(id)).toMatchObject({ status: "active", lastError: null });
    await disconnect(id);
    expect((await getConnection(id))?.status).toBe("disconnected");
    expect((await readCredentials(id)).credentials).toEqual({});
    expect((await listConnections()).map((c) => c.id)).not.toContain(id);
    expect((await listConnections({ includeDisconnected: true })).map((c) => c.id)).toContain(id);
    // A disconnected connection stays disconnected when a late refresh fails.
    await markNeedsReconnect(id, "late");
    expect((await getConnection(id))?.status).toBe("disconnected");
  });

  it("reconnecting the same account updates the existing connection", async () => {
    const accountId = `${account}-re`;
    const first = await saveConnectionForAccount({ provider: "ghl", kind: "oauth2", label: "A", accountId, credentials: { accessToken: "1" } });
    await markNeedsReconnect(first.id, "refresh refused");
    const second = await saveConnectionForAccount({ provider: "ghl", kind: "oauth2", label: "A", accountId, credentials: { accessToken: "2" } });
    expect(second.id).toBe(first.id);
    expect(second.status).toBe("active");
    expect((await readCredentials(first.id)).credentials.accessToken).toBe("2");
  });

  it("OAuth state is single use, bound to the provider, and expires", async () => {
    const state = await createOAuthState("ghl", userId, "/connections");
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(consumeOAuthState(state, "details-flowers")).rejects.toBeInstanceOf(OAuthStateError);
    expect(await consumeOAuthState(state, "ghl")).toEqual({ userId, returnTo: "/connections" });
    await expect(consumeOAuthState(state, "ghl")).rejects.toMatchObject({ reason: "unknown" });

    const old = await createOAuthState("ghl", userId);
    await db().oAuthState.update({ where: { state: old }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(consumeOAuthState(old, "ghl")).rejects.toMatchObject({ reason: "expired" });
    await expect(consumeOAuthState(old, "ghl")).rejects.toMatchObject({ reason: "unknown" });
  });
});
