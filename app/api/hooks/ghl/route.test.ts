import { generateKeyPairSync, sign } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { stopQueue } from "@/lib/engine/queue";
import { parseEnv } from "@/lib/env";
import { planIntegrations } from "@/lib/runtime/integration-env";
import { DEV_LEGACY_RSA_PRIVATE_KEY_PEM } from "@/sandbox/ghl/dev-webhook-key";
import { POST } from "./route";

const keys = generateKeyPairSync("ed25519");
const ctx = { params: Promise.resolve({}) };

beforeAll(() => {
  process.env.GHL_WEBHOOK_PUBLIC_KEY = keys.publicKey.export({ type: "spki", format: "pem" }).toString();
});
afterAll(async () => {
  await stopQueue();
  await disconnectDb();
});

function delivery(payload: Record<string, unknown> | string, signWith = keys.privateKey) {
  const raw = Buffer.from(typeof payload === "string" ? payload : JSON.stringify(payload));
  return new Request("http://localhost/api/hooks/ghl", {
    method: "POST",
    headers: { "content-type": "application/json", "x-ghl-signature": sign(null, raw, signWith).toString("base64") },
    body: raw,
  });
}

const contactCreate = (webhookId: string, extra: Record<string, unknown> = {}) => ({
  type: "ContactCreate",
  locationId: "loc-hooks-test",
  id: `contact-${webhookId}`,
  email: "Rose@Example.com",
  firstName: "Rose",
  lastName: "Tyler",
  webhookId,
  timestamp: new Date().toISOString(),
  ...extra,
});

const runsFor = (eventId: string) => db().run.count({ where: { eventId } });

describe("POST /api/hooks/ghl", () => {
  it("stores a signed event, routed in the same commit; a redelivery is a no-op", async () => {
    const id = `wh-${crypto.randomUUID()}`;
    const first = await POST(delivery(contactCreate(id)), ctx);
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body.duplicate).toBe(false);
    const event = await db().triggerEvent.findUniqueOrThrow({ where: { id: body.eventId } });
    expect(event).toMatchObject({ source: "ghl", delivery: "webhook", dedupeKey: id, eventType: "ContactCreate", accountId: "loc-hooks-test", subjectEmail: "rose@example.com" });
    expect(event.processedAt).not.toBeNull();
    const runs = await runsFor(body.eventId);

    const again = await POST(delivery(contactCreate(id)), ctx);
    expect(await again.json()).toMatchObject({ duplicate: true, eventId: body.eventId });
    expect(await runsFor(body.eventId)).toBe(runs);
    expect(await db().triggerEvent.count({ where: { dedupeKey: id } })).toBe(1);
  });

  it("refuses a forged signature and stores nothing", async () => {
    const id = `wh-${crypto.randomUUID()}`;
    const res = await POST(delivery(contactCreate(id), generateKeyPairSync("ed25519").privateKey), ctx);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("invalid_signature");
    expect(await db().triggerEvent.count({ where: { dedupeKey: id } })).toBe(0);
  });

  it("refuses a stale (replayed) delivery", async () => {
    const id = `wh-${crypto.randomUUID()}`;
    const res = await POST(delivery(contactCreate(id, { timestamp: new Date(Date.now() - 10 * 60_000).toISOString() })), ctx);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("stale");
    expect(await db().triggerEvent.count({ where: { dedupeKey: id } })).toBe(0);
  });

  it("refuses an unsigned delivery", async () => {
    const res = await POST(new Request("http://localhost/api/hooks/ghl", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(contactCreate("x")) }), ctx);
    expect(res.status).toBe(401);
  });

  it("refuses a legacy RSA signature made with the repository's dev key once a real key is set", async () => {
    // What `npm start` hands the web process with a real key and the sandboxes left on.
    const realKey = keys.publicKey.export({ type: "spki", format: "pem" }).toString();
    const config = parseEnv({ GHL_WEBHOOK_PUBLIC_KEY: realKey });
    const { env } = planIntegrations(config, config.BLOOMBRIDGE_SANDBOXES);
    const saved = { ...process.env };
    Object.assign(process.env, { GHL_WEBHOOK_PUBLIC_KEY: env.GHL_WEBHOOK_PUBLIC_KEY, GHL_WEBHOOK_LEGACY_RSA_PUBLIC_KEY: env.GHL_WEBHOOK_LEGACY_RSA_PUBLIC_KEY ?? "" });
    try {
      const id = `wh-${crypto.randomUUID()}`;
      const raw = Buffer.from(JSON.stringify(contactCreate(id)));
      const forged = new Request("http://localhost/api/hooks/ghl", {
        method: "POST",
        headers: { "content-type": "application/json", "x-wh-signature": sign("sha256", raw, DEV_LEGACY_RSA_PRIVATE_KEY_PEM).toString("base64") },
        body: raw,
      });
      const res = await POST(forged, ctx);
      expect(res.status).toBe(401);
      expect(await db().triggerEvent.count({ where: { dedupeKey: id } })).toBe(0);
    } finally {
      process.env.GHL_WEBHOOK_PUBLIC_KEY = saved.GHL_WEBHOOK_PUBLIC_KEY;
      process.env.GHL_WEBHOOK_LEGACY_RSA_PUBLIC_KEY = saved.GHL_WEBHOOK_LEGACY_RSA_PUBLIC_KEY ?? "";
    }
  });

  it.each([
    ["a NUL in a value", (id: string) => contactCreate(id, { firstName: "Nul\u0000Byte" }), { firstName: "Nul\uFFFDByte" }, ["firstName"]],
    ["a NUL in a key", (id: string) => contactCreate(id, { "cu\u0000stom": "x" }), { "cu\uFFFDstom": "x" }, ["cu\uFFFDstom"]],
    ["a lone surrogate", (id: string) => contactCreate(id, { lastName: "\ud800" }), { lastName: "\uFFFD" }, ["lastName"]],
  ])("stores a signed delivery with %s, visibly replaced and marked", async (_, make, expected, fields) => {
    const id = `wh-${crypto.randomUUID()}`;
    const res = await POST(delivery(make(id)), ctx);
    expect(res.status).toBe(200);
    const event = await db().triggerEvent.findUniqueOrThrow({ where: { id: (await res.json()).eventId } });
    expect(event.dedupeKey).toBe(id);
    expect(event.payload).toMatchObject({ ...expected, _bloombridge: { sanitized: { replacedCharacters: 1, truncatedSubtrees: 0, fields } } });
  });

  it("stores a signed 5,000-deep delivery cut at the depth limit", async () => {
    const id = `wh-${crypto.randomUUID()}`;
    const deep = `${"[".repeat(5000)}1${"]".repeat(5000)}`;
    const res = await POST(delivery(JSON.stringify(contactCreate(id)).replace(/}$/, `,"deep":${deep}}`)), ctx);
    expect(res.status).toBe(200);
    const event = await db().triggerEvent.findUniqueOrThrow({ where: { id: (await res.json()).eventId } });
    expect(event.payload).toMatchObject({ firstName: "Rose", _bloombridge: { sanitized: { truncatedSubtrees: 1 } } });
    expect(JSON.stringify(event.payload)).toContain("[truncated: nested deeper than 512 levels]");
  });

  it("refuses a signed body over 1 MB with 413, storing nothing", async () => {
    const id = `wh-${crypto.randomUUID()}`;
    const res = await POST(delivery(contactCreate(id, { padding: "x".repeat(1024 * 1024) })), ctx);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: "payload_too_large", message: expect.stringContaining("BLOOMBRIDGE_MAX_WEBHOOK_BODY_BYTES") });
    expect(await db().triggerEvent.count({ where: { dedupeKey: id } })).toBe(0);
  });

  it("cuts an unsigned 100 MB body off at the cap instead of reading it", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 100 * 1024 * 1024) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const req = new Request("http://localhost/api/hooks/ghl", { method: "POST", headers: { "content-type": "application/json" }, body, duplex: "half" } as RequestInit);
    const res = await POST(req, ctx);
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1024 * 1024 + 3 * chunk.byteLength);
  });

  it("refuses a delivery that is not sent as JSON with 415", async () => {
    const req = delivery(contactCreate(`wh-${crypto.randomUUID()}`));
    const res = await POST(new Request(req, { headers: { "content-type": "text/plain", "x-ghl-signature": req.headers.get("x-ghl-signature") ?? "" } }), ctx);
    expect(res.status).toBe(415);
    expect((await res.json()).error).toMatchObject({ code: "unsupported_media_type", message: expect.stringContaining("application/json") });
  });

  it("marks a location's connections for reconnect when the app is uninstalled", async () => {
    const connection = await db().connection.create({ data: { provider: "ghl", kind: "oauth2", label: "L", accountId: "loc-uninstall", secret: "v1.x" } });
    const res = await POST(delivery({ type: "UNINSTALL", locationId: "loc-uninstall", webhookId: "wh-u", timestamp: new Date().toISOString() }), ctx);
    expect(await res.json()).toMatchObject({ lifecycle: "UNINSTALL" });
    expect((await db().connection.findUniqueOrThrow({ where: { id: connection.id } })).status).toBe("needs_reconnect");
  });
});
