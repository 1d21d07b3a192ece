import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contactCreatedPoll } from "@/lib/connectors/ghl/triggers/contact-polling";
import { db, disconnectDb } from "@/lib/db/client";
import { createConnection } from "@/lib/db/connections";
import { startGhlSandbox, type GhlSandboxHandle } from "@/sandbox/ghl/server";
import { pollStateKey, pollTrigger } from "./polling";
import { stopQueue } from "./queue";

let sandbox: GhlSandboxHandle;
let connectionId: string;
let locationId: string;

beforeAll(async () => {
  sandbox = await startGhlSandbox({ port: 0, statePath: null, webhookUrl: null });
  process.env.GHL_API_BASE_URL = sandbox.url;
  locationId = sandbox.sandbox.store.data.locations[0].id;
  const connection = await createConnection({ provider: "ghl", kind: "pit", label: "poll test", credentials: { accessToken: sandbox.sandbox.config.pit }, accountId: locationId });
  connectionId = connection.id;
});

afterAll(async () => {
  await sandbox.close();
  await stopQueue();
  await disconnectDb();
});

async function createContact(email: string) {
  const res = await fetch(`${sandbox.url}/contacts/`, {
    method: "POST",
    headers: { authorization: `Bearer ${sandbox.sandbox.config.pit}`, version: "2021-07-28", "content-type": "application/json" },
    body: JSON.stringify({ locationId, email, firstName: "Polled", lastName: email.split("@")[0] }),
  });
  expect(res.status).toBe(201);
}

const polledEvents = () => db().triggerEvent.count({ where: { source: "ghl", delivery: "polling", eventType: contactCreatedPoll.key, accountId: locationId } });

describe("polling triggers", () => {
  it("emits each new contact once, across repeated polls and a lost cursor", async () => {
    const first = await pollTrigger(contactCreatedPoll, connectionId, new Date());
    expect(first).toEqual({ skipped: false, emitted: 0, duplicates: 0 });
    const afterFirst = await db().triggerState.findUniqueOrThrow({ where: { key: pollStateKey(contactCreatedPoll.key, connectionId) } });

    for (const n of [1, 2, 3]) await createContact(`poll-${n}-${Date.now()}@example.com`);
    const second = await pollTrigger(contactCreatedPoll, connectionId, new Date());
    expect(second.emitted).toBe(3);
    expect(await polledEvents()).toBe(3);

    expect((await pollTrigger(contactCreatedPoll, connectionId, new Date())).emitted).toBe(0);

    // A worker that crashed after ingesting but before saving its state: the cursor goes back.
    await db().triggerState.update({ where: { key: afterFirst.key }, data: { cursor: afterFirst.cursor, seen: [] } });
    const replayed = await pollTrigger(contactCreatedPoll, connectionId, new Date());
    expect(replayed).toMatchObject({ emitted: 0, duplicates: 3 });
    expect(await polledEvents()).toBe(3);
  });

  it("lets only one worker poll a trigger at a time", async () => {
    // A slow API keeps the first poller inside its lock while the others try.
    sandbox.setFaults({ latencyMs: 400 });
    const outcomes = await Promise.all([1, 2, 3].map(() => pollTrigger(contactCreatedPoll, connectionId, new Date())));
    expect(outcomes.filter((o) => !o.skipped).length).toBeGreaterThanOrEqual(1);
    expect(outcomes.filter((o) => o.skipped).length).toBeGreaterThanOrEqual(1);
    sandbox.clearFaults();
  });
});
