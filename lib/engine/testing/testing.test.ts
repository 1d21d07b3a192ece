/** Trigger samples and single-step tests on real Postgres and both sandboxes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getTrigger } from "@/lib/connectors/registry";
import { db, disconnectDb } from "@/lib/db/client";
import { createConnection } from "@/lib/db/connections";
import { createIsolatedDatabase } from "@/lib/db/test-database";
import { startDfSandbox, type DfSandbox } from "@/sandbox/details-flowers/server";
import { startGhlSandbox, type GhlSandboxHandle } from "@/sandbox/ghl/server";
import type { TriggerNode, WorkflowGraph } from "../graph";
import { literal, ref } from "../mapping";
import { clientFromContact } from "../templates/build";
import { sampleForTrigger } from "./trigger-sample";
import { testStep } from "./test-step";

let ghl: GhlSandboxHandle;
let df: DfSandbox;
let locationId: string;
let ghlId: string;
let dfId: string;

beforeAll(async () => {
  // Its own database: other files store events for the same seeded sandbox location, which
  // would change what "the newest event" and "nothing has arrived" mean here.
  process.env.DATABASE_URL = await createIsolatedDatabase("testing");
  ghl = await startGhlSandbox({ port: 0, statePath: null });
  df = await startDfSandbox({ port: 0, statePath: null });
  process.env.GHL_API_BASE_URL = ghl.url;
  process.env.DF_API_BASE_URL = df.baseUrl;
  locationId = ghl.sandbox.store.data.locations[0].id;
  ghlId = (await createConnection({ provider: "ghl", kind: "pit", label: "Sandbox location", credentials: { accessToken: ghl.sandbox.config.pit }, accountId: locationId })).id;
  dfId = (await createConnection({ provider: "details-flowers", kind: "client_credentials", label: "DF", credentials: { clientId: df.options.clientId, clientSecret: df.options.clientSecret } })).id;
}, 60_000);

afterAll(async () => {
  await ghl.close();
  await df.close();
  await disconnectDb();
});

const triggerNode = (triggerKey: string, connectionId?: string): TriggerNode => ({ id: "trigger", kind: "trigger", label: "T", position: { x: 0, y: 0 }, triggerKey, connectionId });

describe("sampleForTrigger", () => {
  it("falls back to the trigger's example, and says so, when nothing has arrived", async () => {
    const result = await sampleForTrigger(triggerNode("ghl.appointment.created", ghlId));
    expect(result.source).toBe("example");
    expect(result.message).toMatch(/example data/);
    expect(getTrigger("ghl.appointment.created")?.payload.safeParse(result.sample).success).toBe(true);
  });

  it("uses the newest real event for the trigger's location", async () => {
    const trigger = getTrigger("ghl.contact.created");
    if (!trigger) throw new Error("trigger missing");
    const payload = (email: string, loc: string) => ({ ...(trigger.sample as Record<string, unknown>), email, locationId: loc });
    await db().triggerEvent.create({ data: { source: "ghl", delivery: "webhook", dedupeKey: `t1-${Date.now()}`, eventType: "ContactCreate", accountId: locationId, payload: payload("older@example.com", locationId), receivedAt: new Date(Date.now() - 60_000) } });
    await db().triggerEvent.create({ data: { source: "ghl", delivery: "webhook", dedupeKey: `t2-${Date.now()}`, eventType: "ContactCreate", accountId: locationId, payload: payload("newest@example.com", locationId) } });
    await db().triggerEvent.create({ data: { source: "ghl", delivery: "webhook", dedupeKey: `t3-${Date.now()}`, eventType: "ContactCreate", accountId: "another-location", payload: payload("elsewhere@example.com", "another-location"), receivedAt: new Date(Date.now() + 1000) } });
    const result = await sampleForTrigger(triggerNode("ghl.contact.created", ghlId));
    expect(result.source).toBe("event");
    expect(result.sample).toMatchObject({ email: "newest@example.com" });
  });

  it("fetches a real record through a polling trigger's connection", async () => {
    const res = await fetch(`${ghl.url}/contacts/`, {
      method: "POST",
      headers: { authorization: `Bearer ${ghl.sandbox.config.pit}`, version: "2021-07-28", "content-type": "application/json" },
      body: JSON.stringify({ locationId, firstName: "Polly", lastName: "Sample", email: "polly.sample@example.com" }),
    });
    expect(res.status).toBe(201);
    const result = await sampleForTrigger(triggerNode("ghl.contact.created.poll", ghlId));
    expect(result.source).toBe("poll");
    expect(result.sample).toMatchObject({ email: "polly.sample@example.com" });
  });

  it("refuses an unknown trigger with a clear message", async () => {
    await expect(sampleForTrigger(triggerNode("ghl.nope"))).rejects.toThrow(/Unknown trigger "ghl.nope"/);
  });
});

describe("testStep", () => {
  const graph = (inputs = clientFromContact("trigger", "")): WorkflowGraph => ({
    schemaVersion: 1,
    nodes: [
      triggerNode("ghl.contact.created", ghlId),
      { id: "upsert", kind: "action", label: "Upsert client", position: { x: 300, y: 0 }, operationKey: "details-flowers.client.upsert", connectionId: dfId, inputs },
    ],
    edges: [{ id: "e", source: "trigger", target: "upsert" }],
  });
  const samples = { trigger: { id: "ghl-contact-test-1", firstName: "Iris", lastName: "Bloom", email: "iris.test@example.com", tags: [] } };
  const clientsWith = (email: string) => Object.values(df.sandbox.store.state.records.client).filter((c) => (c as { email?: string }).email === email);

  it("runs the action for real on the samples, and testing again updates rather than duplicates", async () => {
    const first = await testStep({ graph: graph(), nodeId: "upsert", samples });
    expect(first.input).toMatchObject({ email: "iris.test@example.com", fullName: "Iris Bloom" });
    expect(first.output).toMatchObject({ client: { email: "iris.test@example.com" } });
    await testStep({ graph: graph(), nodeId: "upsert", samples });
    expect(clientsWith("iris.test@example.com")).toHaveLength(1);
    expect(first.calls.length).toBeGreaterThan(0);
  });

  it("names the input that does not fit the operation", async () => {
    await expect(testStep({ graph: graph({ email: literal("not-an-email"), ghlContactId: ref("trigger", "id") }), nodeId: "upsert", samples })).rejects.toThrow(/email/);
  });

  it("refuses to test a trigger or an unknown step", async () => {
    await expect(testStep({ graph: graph(), nodeId: "trigger", samples })).rejects.toThrow(/only actions can be tested/);
    await expect(testStep({ graph: graph(), nodeId: "ghost", samples })).rejects.toThrow(/no step "ghost"/);
  });
});
