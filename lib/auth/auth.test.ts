import { randomUUID } from "node:crypto";
import { BlockList } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db, disconnectDb } from "@/lib/db/client";
import { createApiKey, revokeApiKey, verifyApiKey } from "./api-keys";
import { CLIENT_ADDRESS_HEADER, installClientAddressStamp } from "./client-address";
import { route } from "./guard";
import { authOptions, authorizeCredentials } from "./options";
import { hashPassword, verifyPassword } from "./password";
import { hasRole } from "./roles";
import { TooManyAttemptsError, assertNotLocked, recordFailure, signInKeys } from "./throttle";
import { createUser, ensureFirstAdmin } from "./users";

afterAll(disconnectDb);

const unique = () => `${randomUUID().slice(0, 8)}@example.com`;

const randomAddress = () => `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
/** The credentials provider's authorize, as next-auth calls it with the request's headers. */
const credentialsAuthorize = () => (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

describe("passwords", () => {
  it("hashes with argon2id and verifies", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hash, "wrong")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });
});

describe("roles", () => {
  it.each([
    ["admin", "editor", true],
    ["editor", "editor", true],
    ["viewer", "editor", false],
    ["editor", "admin", false],
  ] as const)("%s may act as %s: %s", (role, required, expected) => {
    expect(hasRole(role, required)).toBe(expected);
  });
});

describe("sign-in", () => {
  it("accepts the right password whatever the email's case, rejects a wrong one", async () => {
    const email = unique();
    await createUser({ email, password: "a long password", role: "editor" });
    const user = await authorizeCredentials(email.toUpperCase(), "a long password", "10.0.0.1");
    expect(user).toMatchObject({ email, role: "editor" });
    expect(await authorizeCredentials(email, "nope", "10.0.0.1")).toBeNull();
    expect(await authorizeCredentials(unique(), "nope", "10.0.0.1")).toBeNull();
  });

  it("throttles an account per address: wrong passwords from A do not stop the right one from B", async () => {
    const email = unique();
    await createUser({ email, password: "a long password", role: "viewer" });
    for (let i = 0; i < 6; i++) await authorizeCredentials(email, `wrong ${i}`, "192.0.2.1");
    await expect(authorizeCredentials(email, "a long password", "192.0.2.1")).rejects.toThrow(/^too_many_attempts:\d+$/);
    expect(await authorizeCredentials(email, "a long password", "192.0.2.2")).toMatchObject({ email });
    // A success clears only its own address's count: A stays throttled.
    await expect(authorizeCredentials(email, "a long password", "192.0.2.1")).rejects.toBeInstanceOf(TooManyAttemptsError);
  });

  it("keys on the address the server saw, not on a client's X-Forwarded-For", async () => {
    installClientAddressStamp(new BlockList());
    const authorize = credentialsAuthorize();
    const email = unique();
    await createUser({ email, password: "a long password", role: "viewer" });
    // The attacker at .7 claims to be the owner's .8 and claims a fresh address on every try.
    for (let i = 0; i < 8; i++) {
      const headers = { [CLIENT_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": i % 2 ? "198.51.100.8" : `203.0.113.${i}` };
      await authorize({ email, password: `wrong ${i}` }, { headers }).catch(() => null);
    }
    const attacker = { [CLIENT_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "203.0.113.200" };
    await expect(authorize({ email, password: "a long password" }, { headers: attacker })).rejects.toBeInstanceOf(TooManyAttemptsError);
    expect(await authorize({ email, password: "a long password" }, { headers: { [CLIENT_ADDRESS_HEADER]: "198.51.100.8" } })).toMatchObject({ email });
  });

  it("backs off exponentially per key, and caps one address's failures across accounts", async () => {
    const t0 = new Date("2026-01-01T00:00:00Z");
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const keys = signInKeys(unique(), randomAddress());
    for (let i = 0; i < 5; i++) await recordFailure(keys, t0);
    await assertNotLocked(keys, t0);
    await recordFailure(keys, t0); // 6th: 30 s
    await expect(assertNotLocked(keys, at(29))).rejects.toThrow("too_many_attempts:1");
    await assertNotLocked(keys, at(31));
    await recordFailure(keys, at(31)); // 7th: 60 s
    await expect(assertNotLocked(keys, at(90))).rejects.toThrow("too_many_attempts:1");
    await assertNotLocked(keys, at(92));

    const address = randomAddress();
    for (let i = 0; i < 50; i++) await recordFailure(signInKeys(unique(), address).slice(1), t0);
    await assertNotLocked(signInKeys(unique(), address), t0);
    await recordFailure(signInKeys(unique(), address), t0);
    await expect(assertNotLocked(signInKeys(unique(), address), t0)).rejects.toBeInstanceOf(TooManyAttemptsError);
  });

  it("refuses disabled users", async () => {
    const email = unique();
    const user = await createUser({ email, password: "a long password", role: "admin" });
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await authorizeCredentials(email, "a long password", "198.51.100.1")).toBeNull();
  });
});

describe("first admin", () => {
  it("is created once, with the given or a generated password", async () => {
    await db().user.updateMany({ where: { role: "admin" }, data: { role: "editor" } });
    const first = await ensureFirstAdmin({ email: "Owner@Example.com" });
    expect(first.created).toBe(true);
    if (!first.created) return;
    expect(first.email).toBe("owner@example.com");
    expect(first.generated).toBe(true);
    expect(await authorizeCredentials("owner@example.com", first.password, "203.0.113.5")).toMatchObject({ role: "admin" });
    expect(await ensureFirstAdmin({ email: "other@example.com", password: "another long one" })).toEqual({ created: false });
  });
});

describe("API keys and the route wrapper", () => {
  const handler = route({ role: "editor", apiKeys: true, input: z.object({ name: z.string().min(2) }) }, async ({ principal, input }) => ({
    who: principal.kind,
    name: input.name,
  }));
  const call = (key: string, body: unknown) =>
    handler(new Request("http://x/api/v1/test", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) }), {
      params: Promise.resolve({}),
    });

  it("stores only a hash and authenticates until revoked", async () => {
    const { key, id } = await createApiKey({ name: "ci", role: "editor" });
    const row = await db().apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.hash).not.toContain(key);
    expect(JSON.stringify(row)).not.toContain(key);
    expect(await verifyApiKey(key)).toMatchObject({ role: "editor" });
    const ok = await call(key, { name: "Rose" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ who: "api_key", name: "Rose" });

    const invalid = await call(key, { name: "" });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.details[0].field).toBe("name");

    await revokeApiKey(id);
    const revoked = await call(key, { name: "Rose" });
    expect(revoked.status).toBe(401);
  });

  it("refuses a key whose role is too low", async () => {
    const { key } = await createApiKey({ name: "read-only", role: "viewer" });
    const res = await call(key, { name: "Rose" });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/needs the editor role/);
  });

  it("refuses an unknown key", async () => {
    expect((await call("bb_notarealkeyatallnotreal1234", { name: "Rose" })).status).toBe(401);
  });
});
