/**
 * Races between workers and between runs, on the real database and the Details Flowers
 * sandbox: a worker that stalled past its lease and was replaced can no longer write, and two
 * runs writing the same Details Flowers record at once create it once.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createConnection } from "@/lib/db/connections";
import { createIsolatedDatabase } from "@/lib/db/test-database";
import { createWorkflow, publishWorkflow } from "@/lib/db/workflows";
import { startDfSandbox, type DfSandbox } from "@/sandbox/details-flowers/server";
import { ingestEvent } from "../ingest";
import { startQueue, stopQueue } from "../queue";
import { installTemplate } from "../templates/install";
import { executeRun } from "./execute";
import { claimRun, finishRun, parkRun, renewLease } from "./lifecycle";
import { saveStep } from "./steps";

let df: DfSandbox;
let gate: Gate;
let dfConnectionId: string;
let recipeId: string;
const accountId = `races-${crypto.randomUUID().slice(0, 8)}`;
const sharedDatabaseUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  // Its own database and queue, which no worker or sweeper serves: the test alone claims runs.
  process.env.DATABASE_URL = await createIsolatedDatabase("races");
  await startQueue({ role: "web" });
  df = await startDfSandbox({ port: 0, statePath: null, seed: false, rateLimit: 100_000 });
  gate = await startGate(df.url);
  process.env.DF_API_BASE_URL = `${gate.url}/v1`;
  const ghl = await createConnection({ provider: "ghl", kind: "pit", label: "GHL", credentials: { accessToken: "pit-sandbox-token" }, accountId });
  dfConnectionId = (await createConnection({ provider: "details-flowers", kind: "client_credentials", label: "DF", credentials: { clientId: df.options.clientId, clientSecret: df.options.clientSecret } })).id;
  const recipe = await installTemplate("contact-to-client", { connections: { ghl: ghl.id, "details-flowers": dfConnectionId } });
  await publishWorkflow(recipe.id);
  recipeId = recipe.id;
}, 60_000);

afterAll(async () => {
  await stopQueue({ graceful: false });
  await new Promise((resolve) => gate.server.close(resolve));
  await df.close();
  await disconnectDb();
  process.env.DATABASE_URL = sharedDatabaseUrl;
});

/**
 * A pass-through proxy in front of the sandbox that can hold one chosen request until the
 * test releases it: a worker stalled in the middle of a write, without timing guesses.
 */
type Gate = { url: string; server: Server; holdNext(match: (method: string, path: string) => boolean): { arrived: Promise<void>; release(): void } };

async function startGate(target: string): Promise<Gate> {
  let hold: { match: (method: string, path: string) => boolean; arrive(): void; released: Promise<void> } | null = null;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = req.method ?? "GET";
    if (hold?.match(method, req.url ?? "")) {
      const { arrive, released } = hold;
      hold = null;
      arrive();
      await released;
    }
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !["host", "connection", "content-length"].includes(name))) as Record<string, string>;
    const upstream = await fetch(`${target}${req.url}`, { method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const body = Buffer.from(await upstream.arrayBuffer());
    res.writeHead(upstream.status, Object.fromEntries([...upstream.headers].filter(([name]) => !["content-length", "content-encoding", "transfer-encoding", "connection"].includes(name))));
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    holdNext(match) {
      let arrive = () => {};
      let release = () => {};
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      hold = { match, arrive, released };
      return { arrived, release };
    },
  };
}

async function fire(workflowId: string, eventType: string, payload: Record<string, unknown>): Promise<string> {
  const { runIds } = await ingestEvent({ source: "ghl", delivery: "manual", dedupeKey: crypto.randomUUID(), eventType, accountId, payload: { ...payload, _bloombridge: { workflowId } } });
  return runIds[0];
}

const contactEvent = (id: string) => ({ type: "ContactCreate", locationId: accountId, id, firstName: "Stall", lastName: "Test", email: `${id}@example.com` });
/** What the sweeper sees when a worker stalls (GC pause, frozen VM): a lease in the past. */
const expireLease = (runId: string) => db().run.update({ where: { id: runId }, data: { leaseUntil: new Date(Date.now() - 60_000) } });
const snapshot = async (runId: string) => ({
  run: await db().run.findUniqueOrThrow({ where: { id: runId }, include: { steps: { orderBy: { stepKey: "asc" } } } }),
  workflow: await db().workflow.findUniqueOrThrow({ where: { id: recipeId } }),
});
const dfRecords = (kind: "client" | "task", ghlId: string) => Object.values(df.sandbox.store.state.records[kind]).filter((r) => r.externalIds?.ghl === ghlId);

async function waitUntil(probe: () => Promise<boolean>) {
  while (!(await probe())) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe("lease fencing", () => {
  it("a worker whose run was re-claimed can no longer renew, checkpoint, park or finish it", async () => {
    const runId = await fire(recipeId, "ghl.contact.created", contactEvent(`fence-${crypto.randomUUID().slice(0, 8)}`));
    const a = await claimRun(runId);
    if (!a) throw new Error("worker A could not claim the run");
    expect(await renewLease(a)).toBe("running");
    await expireLease(runId);
    const b = await claimRun(runId);
    if (!b) throw new Error("worker B could not claim the expired run");
    expect(b.claim_id).not.toBe(a.claim_id);

    const step = { runId, nodeId: "upsertClient", stepKey: "upsertClient", attempt: 1, startedAt: new Date() };
    const before = await snapshot(runId);
    expect(await renewLease(a)).toBe("lost");
    expect(await saveStep({ ...step, claimId: a.claim_id, status: "succeeded", output: { from: "A" } })).toBe("lost");
    expect(await parkRun(a, "rate_limit", new Date(Date.now() + 60_000), true)).toBe("lost");
    expect(await finishRun(a, { status: "failed", error: { message: "A gave up" } })).toBe("lost");
    expect(await snapshot(runId)).toEqual(before);

    expect(await renewLease(b)).toBe("running");
    expect(await saveStep({ ...step, claimId: b.claim_id, status: "succeeded", output: { from: "B" } })).toBe("saved");
    expect(await finishRun(b, { status: "succeeded" })).toBe("finished");
    const { run } = await snapshot(runId);
    expect(run).toMatchObject({ status: "succeeded", attempts: 0 });
    expect(run.steps).toMatchObject([{ stepKey: "upsertClient", status: "succeeded", output: { from: "B" } }]);
  });

  it("a worker stalled mid-write past its lease stops at its next checkpoint; the run ends once, with one client", async () => {
    const contactId = `stall-${crypto.randomUUID().slice(0, 8)}`;
    const runId = await fire(recipeId, "ghl.contact.created", contactEvent(contactId));
    const held = gate.holdNext((method, path) => method === "POST" && path === "/v1/clients/upsert");
    const workerA = executeRun(runId);
    await held.arrived;
    const { claimId: claimOfA } = await db().run.findUniqueOrThrow({ where: { id: runId } });
    await expireLease(runId);
    const workerB = executeRun(runId);
    await waitUntil(async () => (await db().run.findUniqueOrThrow({ where: { id: runId } })).claimId !== claimOfA);
    held.release();

    expect(await workerA).toEqual({ kind: "lost" });
    expect(await workerB).toEqual({ kind: "done" });
    const { run } = await snapshot(runId);
    expect(run.status).toBe("succeeded");
    expect(run.steps).toMatchObject([{ stepKey: "upsertClient", status: "succeeded" }]);
    expect(dfRecords("client", contactId)).toHaveLength(1);
    expect(await executeRun(runId)).toBeNull();
  });
});

describe("concurrent runs writing the same record", () => {
  it("two runs for the same GHL contact and task, executed at once, create one client and one task", async () => {
    const ref = (path: string) => ({ kind: "ref" as const, node: "trigger", path });
    const workflow = await createWorkflow({
      name: `races ${crypto.randomUUID().slice(0, 6)}`,
      graph: {
        schemaVersion: 1,
        nodes: [
          { id: "trigger", kind: "trigger", label: "Task created", position: { x: 0, y: 0 }, triggerKey: "ghl.task.created" },
          { id: "client", kind: "action", label: "Client", position: { x: 200, y: 0 }, operationKey: "details-flowers.client.upsert", connectionId: dfConnectionId, inputs: { ghlContactId: ref("contactId"), firstName: ref("firstName"), email: ref("email") } },
          { id: "task", kind: "action", label: "Task", position: { x: 400, y: 0 }, operationKey: "details-flowers.task.create", connectionId: dfConnectionId, inputs: { ghlContactId: ref("contactId"), ghlTaskId: ref("id"), title: ref("title") } },
        ],
        edges: [{ id: "e1", source: "trigger", target: "client" }, { id: "e2", source: "client", target: "task" }],
      },
    });
    await publishWorkflow(workflow.id);
    const contactId = `race-contact-${crypto.randomUUID().slice(0, 8)}`;
    const taskId = `race-task-${crypto.randomUUID().slice(0, 8)}`;
    const payload = { type: "TaskCreate", locationId: accountId, id: taskId, contactId, title: "Order peonies", firstName: "Race", email: `${contactId}@example.com` };
    // A live run and a replay of the same GHL task: different runs, so different idempotency keys.
    const runIds = [await fire(workflow.id, "ghl.task.created", payload), await fire(workflow.id, "ghl.task.created", payload)];

    // Sandbox latency keeps both runs' look-up → create windows open long enough to overlap.
    df.setFaults({ latencyMs: 150 });
    try {
      expect(await Promise.all(runIds.map((id) => executeRun(id)))).toEqual([{ kind: "done" }, { kind: "done" }]);
    } finally {
      df.clearFaults();
    }
    expect(dfRecords("client", contactId)).toHaveLength(1);
    expect(dfRecords("task", taskId)).toHaveLength(1);
    const tasks = await db().stepRun.findMany({ where: { runId: { in: runIds }, stepKey: "task" } });
    expect(tasks.map((s) => (s.output as { created: boolean }).created).sort()).toEqual([false, true]);
  });
});
