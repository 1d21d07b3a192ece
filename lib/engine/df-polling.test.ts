/** Details Flowers triggers by polling the change feed of the real sandbox: each change once. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getTrigger } from "@/lib/connectors/registry";
import { db, disconnectDb } from "@/lib/db/client";
import { createConnection } from "@/lib/db/connections";
import { startDfSandbox, type DfSandbox } from "@/sandbox/details-flowers/server";
import { pollStateKey, pollTrigger } from "./polling";
import { stopQueue } from "./queue";

let df: DfSandbox;
let connectionId: string;

beforeAll(async () => {
  df = await startDfSandbox({ port: 0, statePath: null });
  process.env.DF_API_BASE_URL = df.baseUrl;
  connectionId = (await createConnection({ provider: "details-flowers", kind: "api_key", label: "df poll", credentials: { apiKey: df.options.apiKey }, accountId: `acct-${crypto.randomUUID()}` })).id;
});

afterAll(async () => {
  await df.close();
  await stopQueue();
  await disconnectDb();
});

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${df.baseUrl}${path}`, { method, headers: { "x-api-key": df.options.apiKey, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return res.json();
}

const events = (type: string) => db().triggerEvent.findMany({ where: { source: "details-flowers", delivery: "polling", eventType: type }, orderBy: { receivedAt: "asc" } });

describe("Details Flowers polling triggers", () => {
  it("emits created and updated clients once each, across polls and a lost cursor", async () => {
    const created = getTrigger("details-flowers.client.created.poll")!;
    const updated = getTrigger("details-flowers.client.updated.poll")!;
    expect((await pollTrigger(created, connectionId)).emitted).toBe(0);
    expect((await pollTrigger(updated, connectionId)).emitted).toBe(0);
    const primed = await db().triggerState.findUniqueOrThrow({ where: { key: pollStateKey(created.key, connectionId) } });

    const { client } = await api("POST", "/clients/upsert", { match: ["email"], client: { fullName: "Iris Vale", email: `iris.${Date.now()}@example.com` } });
    await api("PATCH", `/clients/${client.id}`, { company: "Vale Events" });
    expect((await pollTrigger(created, connectionId)).emitted).toBe(1);
    expect((await pollTrigger(updated, connectionId)).emitted).toBe(1);
    expect((await pollTrigger(created, connectionId)).emitted).toBe(0);

    await db().triggerState.update({ where: { key: primed.key }, data: { cursor: primed.cursor, seen: [] } });
    expect(await pollTrigger(created, connectionId)).toMatchObject({ emitted: 0, duplicates: 1 });
    const mine = (await events(created.key)).filter((e) => (e.payload as { data: { id: string } }).data.id === client.id);
    expect(mine).toHaveLength(1);
  });

  it("reports an order's status move with the previous status", async () => {
    const trigger = getTrigger("details-flowers.order.status-changed.poll")!;
    await pollTrigger(trigger, connectionId);
    const order = Object.values(df.sandbox.store.state.records.order).find((o) => o.status === "proposal_sent")!;
    df.setOrderStatus(order.id, "signed");
    expect((await pollTrigger(trigger, connectionId)).emitted).toBe(1);
    const [event] = (await events(trigger.key)).slice(-1);
    expect(event.payload).toMatchObject({ type: "order.status_changed", previousStatus: "proposal_sent", data: { id: order.id, status: "signed" } });
    df.setOrderStatus(order.id, "deposit_paid");
    await pollTrigger(trigger, connectionId);
    const [second] = (await events(trigger.key)).slice(-1);
    expect(second.payload).toMatchObject({ previousStatus: "signed", data: { status: "deposit_paid" } });
  });
});
