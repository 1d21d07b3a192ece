/**
 * Per-workflow concurrency on the real database and the GHL sandbox: 30 runs of a workflow
 * limited to 2, driven by 6 concurrent executors, never overlap more than 2 at a time (from
 * the runs' own start and finish times) and all finish.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createConnection } from "@/lib/db/connections";
import { createIsolatedDatabase } from "@/lib/db/test-database";
import { createWorkflow, publishWorkflow } from "@/lib/db/workflows";
import { startGhlSandbox, type GhlSandboxHandle } from "@/sandbox/ghl/server";
import { stopQueue } from "../queue";
import { executeClaimed, executeRun } from "./execute";
import { claimRuns } from "./lifecycle";
import { maxOverlap, startContactRuns } from "./runs.test-helper";

let sandbox: GhlSandboxHandle;
let connectionId: string;
let locationId: string;
let contactId: string;

const sharedDatabaseUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  // Its own database: the batch claim takes every due run it finds, other files' included.
  process.env.DATABASE_URL = await createIsolatedDatabase("limits");
  sandbox = await startGhlSandbox({ port: 0, statePath: null, webhookUrl: null });
  process.env.GHL_API_BASE_URL = sandbox.url;
  locationId = sandbox.sandbox.store.data.locations[0].id;
  contactId = sandbox.sandbox.store.contactsOf(locationId)[0].id;
  connectionId = (await createConnection({ provider: "ghl", kind: "pit", label: "limits", credentials: { accessToken: sandbox.sandbox.config.pit }, accountId: locationId })).id;
});

afterAll(async () => {
  await sandbox.close();
  await stopQueue();
  await disconnectDb();
  process.env.DATABASE_URL = sharedDatabaseUrl;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function limitedWorkflow(limit: number): Promise<string> {
  const workflow = await createWorkflow({
    name: `limit ${crypto.randomUUID().slice(0, 6)}`,
    graph: {
      schemaVersion: 1,
      nodes: [
        { id: "trigger", kind: "trigger", label: "New contact", position: { x: 0, y: 0 }, triggerKey: "ghl.contact.created" },
        { id: "note", kind: "action", label: "Note", position: { x: 200, y: 0 }, operationKey: "ghl.note.create", connectionId, inputs: { contactId: { kind: "ref", node: "trigger", path: "id" }, body: { kind: "literal", value: "hello" } } },
      ],
      edges: [{ id: "e1", source: "trigger", target: "note" }],
    },
  });
  await publishWorkflow(workflow.id);
  await db().workflow.update({ where: { id: workflow.id }, data: { maxConcurrentRuns: limit } });
  return workflow.id;
}

describe("per-workflow concurrency limit", () => {
  it("a batch claim takes no more runs of a workflow than its limit and defers the rest", async () => {
    const workflowId = await limitedWorkflow(3);
    const runIds = await startContactRuns(workflowId, { locationId, id: contactId }, 10);
    const mine = new Set(runIds);
    const first = await claimRuns(100);
    const claimed = first.runs.filter((run) => mine.has(run.id));
    expect(claimed).toHaveLength(3);
    expect(first.deferred).toBe(7);
    const deferred = await db().run.findMany({ where: { id: { in: runIds }, status: "queued" } });
    expect(deferred).toHaveLength(7);
    expect(deferred.every((r) => r.dueAt && r.dueAt.getTime() > Date.now() - 50)).toBe(true);
    // At the limit, a second claim takes none of this workflow's runs however many are due.
    await db().run.updateMany({ where: { id: { in: runIds }, status: "queued" }, data: { dueAt: new Date(Date.now() - 1000) } });
    const atLimit = await claimRuns(100);
    expect(atLimit.runs.filter((run) => mine.has(run.id))).toHaveLength(0);
    expect(atLimit.deferred).toBe(7);
    expect(await Promise.all(claimed.map((run) => executeClaimed(run)))).toEqual(Array(3).fill({ kind: "done" }));
    await db().run.updateMany({ where: { id: { in: runIds }, status: "queued" }, data: { dueAt: new Date(Date.now() - 1000) } });
    expect((await claimRuns(100)).runs.filter((run) => mine.has(run.id))).toHaveLength(3);
  });

  it("30 runs with a limit of 2 never run more than 2 at once, and all finish", async () => {
    const workflowId = await limitedWorkflow(2);
    sandbox.setFaults({ latencyMs: 60 });

    const pending = await startContactRuns(workflowId, { locationId, id: contactId }, 30);
    expect(pending).toHaveLength(30);

    let deferred = 0;
    const executor = async () => {
      for (let id = pending.shift(); id; id = pending.shift()) {
        const outcome = await executeRun(id);
        if (outcome === null) {
          deferred++;
          pending.push(id);
          await sleep(20);
        } else expect(outcome.kind).toBe("done");
      }
    };
    await Promise.all(Array.from({ length: 6 }, executor));
    sandbox.clearFaults();

    const runs = await db().run.findMany({ where: { workflowId } });
    expect(runs.map((r) => r.status)).toEqual(Array(30).fill("succeeded"));
    const overlap = maxOverlap(runs.map((r) => ({ start: r.startedAt!.getTime(), end: r.finishedAt!.getTime() })));
    expect(overlap).toBeLessThanOrEqual(2);
    expect(overlap).toBeGreaterThanOrEqual(1);
    // Six executors on a limit of two: some claims had to be deferred rather than failed.
    expect(deferred).toBeGreaterThan(0);
  });
});
