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

function delivery(id: string, options: { secret?: string; at?: number; tamper?: boolean; fullName?: string; raw?: string; contentType?: string } = {}) {
  const body = options.raw ?? JSON.stringify({ id, type: "client.updated", occurredAt: new Date().toISOString(), data: { id: "cl_1", email: "Wren@Example.com", fullName: options.fullName ?? "Wren Moss" } });
  const signature = signDfPayload(body, options.secret ?? SECRET, options.at);
  return new Request("http://localhost/api/hooks/details-flowers", {
    method: "POST",
    headers: { "content-type": options.contentType ?? "application/json", "x-df-signature": signature, "x-df-webhook-id": id },
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

  it.each([
    ["a NUL", "Wren\u0000Moss", "Wren\uFFFDMoss"],
    ["a lone surrogate", "Wren \udc00", "Wren \uFFFD"],
  ])("stores a signed event with %s, visibly replaced and marked", async (_, fullName, stored) => {
    const id = `evt_${crypto.randomUUID()}`;
    const res = await POST(delivery(id, { fullName }), ctx);
    expect(res.status).toBe(200);
    const event = await db().triggerEvent.findUniqueOrThrow({ where: { id: (await res.json()).eventId } });
    expect(event).toMatchObject({ subjectName: stored, payload: { data: { fullName: stored }, _bloombridge: { sanitized: { replacedCharacters: 1, fields: ["data.fullName"] } } } });
  });

  it("stores a signed 5,000-deep event cut at the depth limit", async () => {
    const id = `evt_${crypto.randomUUID()}`;
    const raw = `{"id":"${id}","type":"client.updated","data":{"id":"cl_1"},"deep":${"[".repeat(5000)}1${"]".repeat(5000)}}`;
    const res = await POST(delivery(id, { raw }), ctx);
    expect(res.status).toBe(200);
    const event = await db().triggerEvent.findUniqueOrThrow({ where: { id: (await res.json()).eventId } });
    expect(event.payload).toMatchObject({ _bloombridge: { sanitized: { truncatedSubtrees: 1 } } });
  });

  it("refuses a body that is not JSON-typed (415) or over the limit (413)", async () => {
    expect((await POST(delivery(`evt_${crypto.randomUUID()}`, { contentType: "application/x-www-form-urlencoded" }), ctx)).status).toBe(415);
    const id = `evt_${crypto.randomUUID()}`;
    const big = JSON.stringify({ id, type: "client.updated", data: { note: "x".repeat(1024 * 1024) } });
    const res = await POST(delivery(id, { raw: big }), ctx);
    expect(res.status).toBe(413);
    expect(await db().triggerEvent.count({ where: { dedupeKey: id } })).toBe(0);
  });
});
