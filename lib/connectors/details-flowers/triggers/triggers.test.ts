/** Triggers against the sandbox's change feed: priming, exactly-once across restarts, order status moves. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDfSandbox, type DfSandbox } from "@/sandbox/details-flowers/server";
import type { PollState, TriggerDefinition } from "../../define";
import type { HttpClient } from "../../http";
import { callDf } from "../call";
import { createDfHttpClient } from "../client";
import { dfOperations } from "../generated/operations";
import { SEEN_LIMIT, SeenSet } from "./change-feed";
import { dfTriggers } from ".";

let df: DfSandbox;
let http: HttpClient;

beforeAll(async () => {
  df = await startDfSandbox({ port: 0, statePath: null, seed: true, rateLimit: 10_000 });
  http = createDfHttpClient({ baseUrl: df.baseUrl, credentials: { kind: "api-key", apiKey: df.options.apiKey } });
});
afterAll(() => df.close());

const trigger = (key: string): TriggerDefinition => {
  const found = dfTriggers.find((t) => t.key === key);
  if (!found) throw new Error(key);
  return found;
};
const poll = async (key: string, state: PollState) => {
  const t = trigger(key);
  if (!t.poll) throw new Error(`${key} cannot poll`);
  return t.poll({ http, state, now: new Date(), connection: { id: "c", accountId: "acct-1", scopes: [] } });
};
const createClient = (email: string) =>
  callDf(http, dfOperations.upsertClient, { body: { match: ["email"], client: { fullName: "Polly Poll", email } }, idempotencyKey: crypto.randomUUID() });

describe("Details Flowers polling triggers", () => {
  it("the first poll primes (no history replay); each later change is emitted once, also after a restart", async () => {
    const primed = await poll("details-flowers.client.created.poll", { cursor: null, seen: [] });
    expect(primed.events).toEqual([]);
    expect(primed.state.cursor).toMatch(/^\d+$/);

    const created = await createClient(`polly-${Date.now()}@example.com`);
    const first = await poll("details-flowers.client.created.poll", primed.state);
    expect(first.events).toHaveLength(1);
    expect(first.events[0]).toMatchObject({ accountId: "acct-1", payload: { type: "client.created", data: { id: created.client.id } } });

    // Restart from the saved state: nothing new.
    expect((await poll("details-flowers.client.created.poll", first.state)).events).toEqual([]);
    // A cursor saved late (older) with the newer seen-set still emits nothing twice.
    expect((await poll("details-flowers.client.created.poll", { cursor: primed.state.cursor, seen: first.state.seen })).events).toEqual([]);
  });

  it("client.updated ignores creations and fires on updates", async () => {
    const primed = await poll("details-flowers.client.updated.poll", { cursor: null, seen: [] });
    const { client } = await createClient(`upd-${Date.now()}@example.com`);
    await callDf(http, dfOperations.updateClient, { path: { id: client.id }, body: { company: "Poll & Co" }, idempotencyKey: crypto.randomUUID() });
    const { events } = await poll("details-flowers.client.updated.poll", primed.state);
    expect(events.map((e) => (e.payload as { data: { company: string } }).data.company)).toEqual(["Poll & Co"]);
  });

  it("order status changes fire once per move, with the previous status", async () => {
    const orders = await callDf(http, dfOperations.listOrders, { query: { limit: 1 } });
    const order = orders.data[0];
    expect(order).toBeDefined();
    const primed = await poll("details-flowers.order.status-changed.poll", { cursor: null, seen: [] });
    const next = order.status === "paid" ? "cancelled" : "paid";
    df.setOrderStatus(order.id, next);
    const { events, state } = await poll("details-flowers.order.status-changed.poll", primed.state);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ type: "order.status_changed", data: { id: order.id, status: next }, previousStatus: order.status });
    expect((await poll("details-flowers.order.status-changed.poll", state)).events).toEqual([]);
  });
});

describe("webhook delivery", () => {
  it("describe() dedupes on the delivery id and names the subject", () => {
    const t = trigger("details-flowers.client.created");
    expect(t.delivery).toBe("webhook");
    expect(t.eventTypes).toEqual(["client.created"]);
    const payload = t.payload.parse(t.sample);
    expect(t.describe?.(payload)).toMatchObject({ dedupeKey: "evt_1", subject: { email: "ada@example.com" } });
  });
});

describe("SeenSet", () => {
  it("is bounded and keeps the newest keys", () => {
    const seen = new SeenSet([]);
    for (let i = 0; i < SEEN_LIMIT + 10; i++) seen.add(`k${i}`);
    expect(seen.toArray()).toHaveLength(SEEN_LIMIT);
    expect(seen.has("k0")).toBe(false);
    expect(seen.has(`k${SEEN_LIMIT + 9}`)).toBe(true);
  });
});
