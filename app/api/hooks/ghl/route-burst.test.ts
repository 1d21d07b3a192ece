/**
 * The webhook route under a burst: concurrent deliveries share one group commit, their runs
 * included. Its own database, because one test makes the runs table refuse inserts.
 */
import { generateKeyPairSync, sign } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createIsolatedDatabase } from "@/lib/db/test-database";
import { createWorkflow, publishWorkflow } from "@/lib/db/workflows";
import { stopQueue } from "@/lib/engine/queue";
import { contactToWebhookGraph } from "@/lib/engine/run/runs.test-helper";
import { POST } from "./route";

const keys = generateKeyPairSync("ed25519");
const ctx = { params: Promise.resolve({}) };

beforeAll(async () => {
  process.env.GHL_WEBHOOK_PUBLIC_KEY = keys.publicKey.export({ type: "spki", format: "pem" }).toString();
  process.env.DATABASE_URL = await createIsolatedDatabase("hooks_burst");
  const workflow = await createWorkflow({ name: "burst", graph: contactToWebhookGraph("https://example.com/hook") });
  await publishWorkflow(workflow.id);
});
afterAll(async () => {
  await stopQueue();
  await disconnectDb();
});

function delivery(webhookId: string, signWith = keys.privateKey) {
  const raw = Buffer.from(JSON.stringify({ type: "ContactCreate", locationId: "loc-burst", id: `c-${webhookId}`, email: "burst@example.com", webhookId, timestamp: new Date().toISOString() }));
  return new Request("http://localhost/api/hooks/ghl", {
    method: "POST",
    headers: { "content-type": "application/json", "x-ghl-signature": sign(null, raw, signWith).toString("base64") },
    body: raw,
  });
}

const webhookIds = (n: number) => Array.from({ length: n }, () => `wh-${crypto.randomUUID()}`);

async function stored(ids: string[]) {
  return db().$queryRaw<{ id: string; tx: string }[]>`SELECT id::text, xmin::text AS tx FROM trigger_events WHERE dedupe_key = ANY(${ids})`;
}

describe("POST /api/hooks/ghl under a burst", () => {
  it("answers every concurrent delivery after storing all of them together, redeliveries included, once each", async () => {
    const ids = webhookIds(30);
    const redelivered = ids.slice(0, 5);
    const responses = await Promise.all([...ids, ...redelivered].map((id) => POST(delivery(id), ctx)));
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    const bodies: { eventId: string; duplicate: boolean }[] = await Promise.all(responses.map((r) => r.json()));
    expect(bodies.filter((b) => b.duplicate)).toHaveLength(5);
    expect(bodies.slice(30).map((b) => b.eventId)).toEqual(bodies.slice(0, 5).map((b) => b.eventId));

    const rows = await stored(ids);
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(bodies.map((b) => b.eventId)));
    expect(new Set(rows.map((r) => r.tx)).size).toBe(1);
    const runs = await db().$queryRaw<{ tx: string }[]>`SELECT xmin::text AS tx FROM runs WHERE event_id::text = ANY(${rows.map((r) => r.id)})`;
    expect(runs).toHaveLength(30);
    expect(runs.every((r) => r.tx === rows[0].tx)).toBe(true);
  });

  it("answers 500 to every delivery of a batch the database refuses, and stores none of them", async () => {
    await db().$executeRawUnsafe(`CREATE FUNCTION refuse_runs() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'runs table unavailable'; END $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER refuse_runs BEFORE INSERT ON runs FOR EACH ROW EXECUTE FUNCTION refuse_runs()`);
    try {
      const ids = webhookIds(12);
      const responses = await Promise.all(ids.map((id) => POST(delivery(id), ctx)));
      expect(responses.map((r) => r.status)).toEqual(ids.map(() => 500));
      expect(await stored(ids)).toHaveLength(0);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER refuse_runs ON runs`);
      await db().$executeRawUnsafe(`DROP FUNCTION refuse_runs()`);
    }
  });

  it("refuses a forged signature before touching the database", async () => {
    const databaseUrl = process.env.DATABASE_URL;
    // Nothing listens on port 9: any database access would fail and answer 500, not 401.
    process.env.DATABASE_URL = "postgresql://nobody@127.0.0.1:9/none";
    try {
      const res = await POST(delivery(`wh-${crypto.randomUUID()}`, generateKeyPairSync("ed25519").privateKey), ctx);
      expect(res.status).toBe(401);
    } finally {
      process.env.DATABASE_URL = databaseUrl;
    }
  });
});
