import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signDfPayload } from "@/lib/connectors/details-flowers/webhook-signature";
import { db, disconnectDb } from "@/lib/db/client";
import { stopQueue } from "@/lib/engine/queue";
import { POST } from "./route";

const SECRET = "route-test-secret";
const ctx = { params: Promise.resolve({}) };

beforeAll(() => {
  process.env.DF_WEBHOOK_SECRET = SECRET;
});
afterAll(async () => {
  await stopQueue();
  await disconnectDb();
});

function delivery(id: string, options: { secret?: string; at?: number; tamper?: boolean } = {}) {
  const body = JSON.stringify({ id, type: "client.updated", occurredAt: new Date().toISOString(), data: { id: "cl_1", email: "Wren@Example.com", fullName: "Wren Moss" } });
  const signature = signDfPayload(body, options.secret ?? SECRET, options.at);
  return new Request("http://localhost/api/hooks/details-flowers", {
    method: "POST",
    headers: { "x-df-signature": signature, "x-df-webhook-id": id },
    body: options.tamper ? body.replace("Wren Moss", "Someone Else") : body,
  });
}

describe("POST /api/hooks/details-flowers", () => {
  it("stores a signed event once, however often it is delivered", async () => {
    const id = `evt_${crypto.randomUUID()}`;
    const first = await (await POST(delivery(id), ctx)).json();
    const again = await (await POST(delivery(id), ctx)).json();
    expect(first.duplicate).toBe(false);
    expect(again).toMatchObject({ duplicate: true, eventId: first.eventId });
    expect(await db().triggerEvent.findUniqueOrThrow({ where: { id: first.eventId } })).toMatchObject({ source: "details-flowers", eventType: "client.updated", subjectEmail: "wren@example.com" });
  });

  it.each([
    ["a forged signature", { secret: "wrong" }, 401],
    ["a tampered body", { tamper: true }, 401],
    ["a replayed (stale) delivery", { at: Math.floor(Date.now() / 1000) - 3600 }, 400],
  ])("refuses %s", async (_, options, status) => {
    const id = `evt_${crypto.randomUUID()}`;
    expect((await POST(delivery(id, options), ctx)).status).toBe(status);
    expect(await db().triggerEvent.count({ where: { dedupeKey: id } })).toBe(0);
  });
});
