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

function delivery(payload: Record<string, unknown>, signWith = keys.privateKey) {
  const raw = Buffer.from(JSON.stringify(payload));
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

async function jobsFor(eventId: string) {
  const rows = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'trigger-event' AND data->>'eventId' = ${eventId}`;
  return rows[0].n;
}

describe("POST /api/hooks/ghl", () => {
  it("stores a signed event and enqueues one trigger job; a redelivery is a no-op", async () => {
    const id = `wh-${crypto.randomUUID()}`;
    const first = await POST(delivery(contactCreate(id)), ctx);
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body.duplicate).toBe(false);
    const event = await db().triggerEvent.findUniqueOrThrow({ where: { id: body.eventId } });
    expect(event).toMatchObject({ source: "ghl", delivery: "webhook", dedupeKey: id, eventType: "ContactCreate", accountId: "loc-hooks-test", subjectEmail: "rose@example.com" });
    expect(await jobsFor(body.eventId)).toBe(1);

    const again = await POST(delivery(contactCreate(id)), ctx);
    expect(await again.json()).toMatchObject({ duplicate: true, eventId: body.eventId });
    expect(await jobsFor(body.eventId)).toBe(1);
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
    const res = await POST(new Request("http://localhost/api/hooks/ghl", { method: "POST", body: JSON.stringify(contactCreate("x")) }), ctx);
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

  it("marks a location's connections for reconnect when the app is uninstalled", async () => {
    const connection = await db().connection.create({ data: { provider: "ghl", kind: "oauth2", label: "L", accountId: "loc-uninstall", secret: "v1.x" } });
    const res = await POST(delivery({ type: "UNINSTALL", locationId: "loc-uninstall", webhookId: "wh-u", timestamp: new Date().toISOString() }), ctx);
    expect(await res.json()).toMatchObject({ lifecycle: "UNINSTALL" });
    expect((await db().connection.findUniqueOrThrow({ where: { id: connection.id } })).status).toBe("needs_reconnect");
  });
});
