/** Change feed (with deletions, in order) and signed webhook deliveries. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { DfSandbox } from "./server";
import { signPayload, verifySignature } from "./signature";
import { client, startTestSandbox } from "./test-helpers";

type Received = { headers: Record<string, string | string[] | undefined>; raw: string };
let sb: DfSandbox | undefined;
let receiver: Server | undefined;
afterEach(async () => {
  await sb?.close();
  await new Promise((r) => (receiver ? receiver.close(r) : r(undefined)));
  sb = undefined;
  receiver = undefined;
});

/** A local webhook receiver; `statuses` are answered in turn (then 200). */
async function startReceiver(statuses: number[] = []) {
  const got: Received[] = [];
  receiver = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      got.push({ headers: req.headers, raw });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((r) => receiver!.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(receiver!.address() as AddressInfo).port}/hook`, got };
}

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe("change feed", () => {
  it("lists creates, updates and deletions in seq order and pages with nextCursor", async () => {
    sb = await startTestSandbox({ seed: false });
    const call = client(sb);
    const c = (await call("POST", "/clients/upsert", { body: { match: ["email"], client: { fullName: "Kai", email: "kai@example.com" } } })).body.client;
    const t = (await call("POST", `/clients/${c.id}/tasks`, { body: { title: "Call Kai" } })).body;
    await call("PATCH", `/tasks/${t.id}`, { body: { title: "Call Kai back" } });
    await call("DELETE", `/clients/${c.id}`);
    const all = (await call("GET", "/changes?since=0")).body;
    expect(all.data.map((ch: { type: string; action: string }) => `${ch.type}.${ch.action}`)).toEqual([
      "client.created", "task.created", "task.updated", "task.deleted", "client.deleted",
    ]);
    const seqs = all.data.map((ch: { seq: number }) => ch.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(all.data[4].record.deletedAt).toBeTruthy();
    expect((await call("GET", `/clients/${c.id}`)).status).toBe(404);
    expect((await call("GET", "/clients?includeDeleted=true")).body.data).toHaveLength(1);

    const page1 = (await call("GET", "/changes?since=0&limit=2")).body;
    expect(page1).toMatchObject({ hasMore: true, nextCursor: String(seqs[1]) });
    const page2 = (await call("GET", `/changes?since=${page1.nextCursor}&types=client`)).body;
    expect(page2.data.map((ch: { action: string }) => ch.action)).toEqual(["deleted"]);
    expect((await call("GET", `/changes?since=${page2.nextCursor}`)).body).toMatchObject({ data: [], hasMore: false, nextCursor: page2.nextCursor });
  });
});

describe("webhooks", () => {
  it("signs deliveries with HMAC-SHA256 over the raw body; a tampered body fails verification", async () => {
    const { url, got } = await startReceiver();
    sb = await startTestSandbox({ seed: false, webhookSecret: "whsec-test" });
    const call = client(sb);
    const sub = await call("POST", "/webhooks", { body: { url, events: ["client.created"] } });
    expect(sub.body.secret).toBe("whsec-test");
    await call("POST", "/clients/upsert", { body: { match: ["email"], client: { fullName: "Lu", email: "lu@example.com" } } });
    await until(() => got.length === 1);
    const { headers, raw } = got[0];
    const signature = String(headers["x-df-signature"]);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature("whsec-test", raw, signature)).toBe(true);
    expect(verifySignature("whsec-test", raw.replace("Lu", "Lx"), signature)).toBe(false);
    expect(verifySignature("wrong-secret", raw, signature)).toBe(false);
    const body = JSON.parse(raw);
    expect(body).toMatchObject({ type: "client.created", subscriptionId: sub.body.webhook.id, data: { email: "lu@example.com" } });
    expect(headers["x-df-webhook-id"]).toBe(body.id);
  });

  it("retries non-2xx with backoff, keeping the same event id", async () => {
    const { url, got } = await startReceiver([500, 503]);
    sb = await startTestSandbox({ seed: false, webhookUrl: url, webhookBackoffMs: 20 });
    await client(sb)("POST", "/clients/upsert", { body: { match: ["email"], client: { fullName: "Mo", email: "mo@example.com" } } });
    await until(() => got.length === 3);
    expect(new Set(got.map((g) => g.headers["x-df-webhook-id"])).size).toBe(1);
    await until(() => sb!.webhookDeliveries()[0]?.status === "delivered");
    expect(sb.webhookDeliveries()[0]).toMatchObject({ attempts: 3, lastStatus: 200 });
  });

  it("fires order.status_changed from the admin action, with the previous status", async () => {
    const { url, got } = await startReceiver();
    sb = await startTestSandbox();
    const call = client(sb);
    await call("POST", "/webhooks", { body: { url, events: ["order.*"] } });
    const order = (await call("GET", "/orders?status=proposal_sent")).body.data[0];
    const res = await fetch(`${sb.url}/admin/orders/${order.id}/status`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ status: "signed" }) });
    expect(res.status).toBe(200);
    await until(() => got.length === 1);
    expect(JSON.parse(got[0].raw)).toMatchObject({ type: "order.status_changed", previousStatus: "proposal_sent", data: { id: order.id, status: "signed", kind: "order" } });
    expect((await call("GET", `/orders/${order.id}`)).body.signedAt).toBeTruthy();
  });

  it("matches wildcard subscriptions and rejects non-http urls", async () => {
    const { url, got } = await startReceiver();
    sb = await startTestSandbox({ seed: false });
    const call = client(sb);
    expect((await call("POST", "/webhooks", { body: { url: "ftp://x.example/h", events: ["*"] } })).status).toBe(422);
    await call("POST", "/webhooks", { body: { url, events: ["task.*"] } });
    const c = (await call("POST", "/clients/upsert", { body: { match: ["email"], client: { email: "ny@example.com" } } })).body.client;
    const t = (await call("POST", `/clients/${c.id}/tasks`, { body: { title: "x" } })).body;
    await call("POST", `/tasks/${t.id}/complete`);
    await until(() => got.length === 3);
    expect(got.map((g) => JSON.parse(g.raw).type).sort()).toEqual(["task.completed", "task.created", "task.updated"]);
  });

  it("exposes a signing helper that verifies its own output", () => {
    expect(verifySignature("s", "{}", signPayload("s", "{}", 100), 300, 150)).toBe(true);
    expect(verifySignature("s", "{}", signPayload("s", "{}", 100), 300, 1000)).toBe(false);
  });
});
