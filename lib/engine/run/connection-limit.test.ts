/**
 * The per-connection in-flight limit through the executor, on the real database and the GHL
 * sandbox: parallel runs never have more calls open at the sandbox than the connection allows,
 * a connection whose slots stay busy parks the run as waiting and it finishes later, and a slot
 * left by a killed worker is taken over once its lease ends.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createConnection, updateConnection } from "@/lib/db/connections";
import { createWorkflow, publishWorkflow } from "@/lib/db/workflows";
import { startGhlSandbox, type GhlSandboxHandle } from "@/sandbox/ghl/server";
import { createConnectionSlots } from "../connection-slots";
import { stopQueue } from "../queue";
import { executeRun } from "./execute";
import { maxOverlap, startContactRuns } from "./runs.test-helper";

let sandbox: GhlSandboxHandle;
let locationId: string;
let contactId: string;
const slots = createConnectionSlots();

beforeAll(async () => {
  sandbox = await startGhlSandbox({ port: 0, statePath: null, webhookUrl: null });
  process.env.GHL_API_BASE_URL = sandbox.url;
  locationId = sandbox.sandbox.store.data.locations[0].id;
  contactId = sandbox.sandbox.store.contactsOf(locationId)[0].id;
});

afterAll(async () => {
  await sandbox.close();
  await stopQueue();
  await disconnectDb();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A connection with the given in-flight limit and a published one-step workflow using it. */
async function setup(maxConcurrentRequests: number) {
  const connection = await createConnection({ provider: "ghl", kind: "pit", label: `limit ${maxConcurrentRequests}`, credentials: { accessToken: sandbox.sandbox.config.pit }, accountId: locationId });
  await updateConnection(connection.id, { maxConcurrentRequests });
  const workflow = await createWorkflow({
    name: `per-connection ${crypto.randomUUID().slice(0, 6)}`,
    graph: {
      schemaVersion: 1,
      nodes: [
        { id: "trigger", kind: "trigger", label: "New contact", position: { x: 0, y: 0 }, triggerKey: "ghl.contact.created" },
        { id: "note", kind: "action", label: "Note", position: { x: 200, y: 0 }, operationKey: "ghl.note.create", connectionId: connection.id, inputs: { contactId: { kind: "ref", node: "trigger", path: "id" }, body: { kind: "literal", value: "hello" } } },
      ],
      edges: [{ id: "e1", source: "trigger", target: "note" }],
    },
  });
  await publishWorkflow(workflow.id);
  await db().workflow.update({ where: { id: workflow.id }, data: { maxConcurrentRuns: 100 } });
  return { connectionId: connection.id, workflowId: workflow.id };
}

const startRuns = (workflowId: string, count: number) => startContactRuns(workflowId, { locationId, id: contactId }, count);

const notesCalls = () => sandbox.sandbox.requests.list().filter((r) => r.method === "POST" && r.path.startsWith(`/contacts/${contactId}/notes`));

describe("per-connection in-flight limit", () => {
  it("12 runs on 6 executors never have more than 2 calls open on a connection limited to 2", async () => {
    const { workflowId } = await setup(2);
    const runIds = await startRuns(workflowId, 12);
    sandbox.sandbox.requests.clear();
    sandbox.setFaults({ latencyMs: 80 });
    const executor = async () => {
      for (let id = runIds.shift(); id; id = runIds.shift()) expect((await executeRun(id))?.kind).toBe("done");
    };
    await Promise.all(Array.from({ length: 6 }, executor));
    sandbox.clearFaults();

    const runs = await db().run.findMany({ where: { workflowId } });
    expect(runs.map((r) => r.status)).toEqual(Array(12).fill("succeeded"));
    const calls = notesCalls();
    expect(calls).toHaveLength(12);
    const overlap = maxOverlap(calls.map((c) => ({ start: Date.parse(c.time), end: Date.parse(c.time) + c.durationMs })));
    expect(overlap).toBeLessThanOrEqual(2);
    // Six runs at once against 80 ms calls: the limit, not a lack of parallelism, kept it at 2.
    expect(overlap).toBe(2);
  });

  it("parks the run as waiting while every slot stays busy, then finishes it", async () => {
    const { connectionId, workflowId } = await setup(1);
    const stuck = await slots.acquire(connectionId, 1);
    const [runId] = await startRuns(workflowId, 1);

    expect(await executeRun(runId)).toEqual({ kind: "parked" });
    const parked = await db().run.findUniqueOrThrow({ where: { id: runId }, include: { steps: true } });
    expect(parked).toMatchObject({ status: "waiting", waitingFor: "rate_limit" });
    expect(parked.steps[0]).toMatchObject({ status: "waiting", attempt: 1 });
    expect(parked.steps[0].error).toMatchObject({ kind: "rate_limited" });

    await slots.release(stuck);
    // The run is due again once its short park is over.
    while ((parked.waitUntil?.getTime() ?? 0) > Date.now()) await sleep(100);
    expect(await executeRun(runId)).toEqual({ kind: "done" });
    const done = await db().run.findUniqueOrThrow({ where: { id: runId }, include: { steps: true } });
    expect(done.status).toBe("succeeded");
    expect(done.steps[0]).toMatchObject({ status: "succeeded", attempt: 1 });
  });

  it("takes over the slot of a worker killed mid-request once its lease ends", async () => {
    const { connectionId, workflowId } = await setup(1);
    // A killed worker's slot: never released or renewed, its lease ends in a moment.
    await db().connectionSlot.create({ data: { connectionId, slot: 0, holder: "killed-worker", leaseUntil: new Date(Date.now() + 500) } });
    const [runId] = await startRuns(workflowId, 1);
    expect(await executeRun(runId)).toEqual({ kind: "done" });
    expect(await slots.inFlight(connectionId)).toBe(0);
  });
});
