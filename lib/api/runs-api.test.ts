import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cancelRoute from "@/app/api/v1/runs/[id]/cancel/route";
import * as replayRoute from "@/app/api/v1/runs/[id]/replay/route";
import * as runRoute from "@/app/api/v1/runs/[id]/route";
import * as bulkReplayRoute from "@/app/api/v1/runs/replay/route";
import * as runsRoute from "@/app/api/v1/runs/route";
import * as workflowRoute from "@/app/api/v1/workflows/[id]/route";
import * as manualRunRoute from "@/app/api/v1/workflows/[id]/runs/route";
import { db, disconnectDb } from "@/lib/db/client";
import { createWorkflow, publishWorkflow } from "@/lib/db/workflows";
import { startQueue, stopQueue } from "@/lib/engine/queue";
import type { RunStatus } from "@/lib/generated/prisma/client";
import { TRIGGER_ONLY_GRAPH, apiKeyFor, call } from "./client.test-helper";

let editor: string;
let viewer: string;
let workflowId: string;
let versionId: string;

beforeAll(async () => {
  await startQueue({ role: "web" });
  editor = await apiKeyFor("editor");
  viewer = await apiKeyFor("viewer");
  const workflow = await createWorkflow({ name: `Runs ${randomUUID().slice(0, 6)}`, graph: TRIGGER_ONLY_GRAPH });
  versionId = (await publishWorkflow(workflow.id)).id;
  workflowId = workflow.id;
});
afterAll(async () => {
  await stopQueue();
  await disconnectDb();
});

let minute = 0;
/** A run row as the executor would leave it; each one a minute later than the last. */
async function seedRun(status: RunStatus, extra: { delivery?: string; subjectEmail?: string; subjectId?: string } = {}) {
  const createdAt = new Date(Date.UTC(2026, 0, 1, 9, minute++));
  // One event per run: a version runs an event once (runs_version_event_once).
  const event = await db().triggerEvent.create({ data: { source: "ghl", delivery: "webhook", dedupeKey: randomUUID(), eventType: "ContactCreate", payload: {} } });
  const run = await db().run.create({
    data: { workflowId, workflowVersionId: versionId, eventId: event.id, status, triggerKey: "ghl.contact.created", delivery: extra.delivery ?? "webhook", subjectEmail: extra.subjectEmail, subjectId: extra.subjectId, createdAt },
  });
  await db().stepRun.create({ data: { runId: run.id, nodeId: "trigger", stepKey: "trigger", status: status === "failed" ? "failed" : "succeeded", output: { ok: true } } });
  return run.id;
}

describe("/api/v1 runs", () => {
  it("lists runs newest first with filters and a cursor", async () => {
    const failed = await seedRun("failed", { subjectEmail: "ada@example.com" });
    const succeeded = await seedRun("succeeded", { delivery: "polling", subjectId: "contact-42" });
    const third = await seedRun("succeeded");

    const page1 = await call(runsRoute.GET, { key: viewer, query: { workflowId, limit: "2" } });
    expect(page1.status).toBe(200);
    expect(page1.body.data.map((r: { id: string }) => r.id)).toEqual([third, succeeded]);
    const page2 = await call(runsRoute.GET, { key: viewer, query: { workflowId, limit: "2", cursor: page1.body.nextCursor } });
    expect(page2.body.data.map((r: { id: string }) => r.id)).toEqual([failed]);
    expect(page2.body.nextCursor).toBeNull();

    const ids = async (query: Record<string, string>) => (await call(runsRoute.GET, { key: viewer, query: { workflowId, ...query } })).body.data.map((r: { id: string }) => r.id);
    expect(await ids({ status: "failed" })).toEqual([failed]);
    expect(await ids({ delivery: "polling" })).toEqual([succeeded]);
    expect(await ids({ contact: "ADA@example.com" })).toEqual([failed]);
    expect(await ids({ contact: "contact-42" })).toEqual([succeeded]);
    expect(await ids({ from: "2026-01-01T09:01:00Z", to: "2026-01-01T09:01:59Z" })).toEqual([succeeded]);
  });

  it("rejects bad filters and cursors with field details", async () => {
    const badStatus = await call(runsRoute.GET, { key: viewer, query: { status: "exploded" } });
    expect(badStatus.status).toBe(422);
    expect(badStatus.body.error.details[0].field).toBe("status");
    expect((await call(runsRoute.GET, { key: viewer, query: { cursor: "garbage" } })).body.error.details[0].field).toBe("cursor");
    expect((await call(runsRoute.GET, { key: viewer, query: { from: "yesterday" } })).status).toBe(422);
    expect((await call(runsRoute.GET, { key: viewer, query: { workflowId: "abc" } })).body.error.details[0]).toEqual({ field: "workflowId", message: "workflowId must be a workflow id (UUID)" });
  });

  it("returns a run with its steps, and 404 for an unknown one", async () => {
    const id = await seedRun("failed");
    const run = await call(runRoute.GET, { key: viewer, params: { id } });
    expect(run.body).toMatchObject({ id, status: "failed", steps: [{ nodeId: "trigger", status: "failed" }] });
    const missing = await call(runRoute.GET, { key: viewer, params: { id: randomUUID() } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/^Run .* does not exist$/);
  });

  it("replays an ended run (202) and refuses a running one (409)", async () => {
    const failed = await seedRun("failed");
    const replay = await call(replayRoute.POST, { key: editor, params: { id: failed }, body: { mode: "from_failed_step" } });
    expect(replay.status).toBe(202);
    expect(await db().run.findUniqueOrThrow({ where: { id: replay.body.runId } })).toMatchObject({ replayOfId: failed, replayMode: "from_failed_step" });

    const running = await seedRun("running");
    const refused = await call(replayRoute.POST, { key: editor, params: { id: running }, body: { mode: "from_start" } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("still in progress");
    expect((await call(replayRoute.POST, { key: editor, params: { id: failed }, body: { mode: "sideways" } })).status).toBe(422);
  });

  it("refuses viewers every change to runs: replay, bulk replay, cancel (403), and changes nothing", async () => {
    const failed = await seedRun("failed");
    const queued = await seedRun("queued");
    const before = await db().run.count();
    expect((await call(replayRoute.POST, { key: viewer, params: { id: failed }, body: { mode: "from_failed_step" } })).status).toBe(403);
    expect((await call(bulkReplayRoute.POST, { key: viewer, body: { filter: { workflowId, status: "failed" }, mode: "from_start" } })).status).toBe(403);
    expect((await call(cancelRoute.POST, { key: viewer, params: { id: queued } })).status).toBe(403);
    expect(await db().run.count()).toBe(before);
    expect((await db().run.findUniqueOrThrow({ where: { id: queued } })).status).toBe("queued");
  });

  it("cancels a queued run once; cancelling again is a conflict", async () => {
    const queued = await seedRun("queued");
    expect((await call(cancelRoute.POST, { key: editor, params: { id: queued } })).body).toEqual({ id: queued, status: "cancelled" });
    const again = await call(cancelRoute.POST, { key: editor, params: { id: queued } });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("already ended (cancelled)");
  });

  it("bulk-replays matching runs and insists on a filter", async () => {
    const before = await db().run.count({ where: { workflowId, status: "failed", replayOfId: null } });
    const bulk = await call(bulkReplayRoute.POST, { key: editor, body: { filter: { workflowId, status: "failed" }, mode: "from_start" } });
    expect(bulk.status).toBe(202);
    expect(bulk.body.count).toBeGreaterThanOrEqual(before);
    expect(bulk.body.runIds).toHaveLength(bulk.body.count);
    const unfiltered = await call(bulkReplayRoute.POST, { key: editor, body: { filter: {}, mode: "from_start" } });
    expect(unfiltered.status).toBe(422);
    expect(await db().auditLog.count({ where: { action: "run.bulk_replay" } })).toBeGreaterThan(0);
  });

  it("deletes a published workflow with its history, but not while a run is in progress", async () => {
    const other = await createWorkflow({ name: "Short-lived", graph: TRIGGER_ONLY_GRAPH });
    const version = await publishWorkflow(other.id);
    const event = await db().triggerEvent.create({ data: { source: "ghl", delivery: "webhook", dedupeKey: randomUUID(), eventType: "ContactCreate", payload: {} } });
    const run = await db().run.create({ data: { workflowId: other.id, workflowVersionId: version.id, eventId: event.id, status: "running", triggerKey: "ghl.contact.created", delivery: "webhook" } });
    const blocked = await call(workflowRoute.DELETE, { key: editor, method: "DELETE", params: { id: other.id } });
    expect(blocked.status).toBe(409);
    await db().run.update({ where: { id: run.id }, data: { status: "succeeded" } });
    expect((await call(workflowRoute.DELETE, { key: editor, method: "DELETE", params: { id: other.id } })).status).toBe(200);
    expect(await db().run.count({ where: { workflowId: other.id } })).toBe(0);
  });

  it("starts a manual run with the trigger's sample and validates a given payload", async () => {
    const started = await call(manualRunRoute.POST, { key: editor, params: { id: workflowId }, body: { dedupeKey: "manual-1" } });
    expect(started.status).toBe(202);
    expect(started.body.runId).toEqual(expect.any(String));
    const run = await db().run.findUniqueOrThrow({ where: { id: started.body.runId } });
    expect(run).toMatchObject({ workflowId, delivery: "manual", triggerKey: "ghl.contact.created" });

    const repeated = await call(manualRunRoute.POST, { key: editor, params: { id: workflowId }, body: { dedupeKey: "manual-1" } });
    expect(repeated.body).toMatchObject({ eventId: started.body.eventId, runId: started.body.runId, duplicate: true });

    const badPayload = await call(manualRunRoute.POST, { key: editor, params: { id: workflowId }, body: { payload: { id: 42 } } });
    expect(badPayload.status).toBe(422);
    expect(badPayload.body.error.details[0].field).toMatch(/^payload/);

    const draft = await createWorkflow({ name: "Never published", graph: TRIGGER_ONLY_GRAPH });
    expect((await call(manualRunRoute.POST, { key: editor, params: { id: draft.id }, body: {} })).status).toBe(409);
    expect((await call(manualRunRoute.POST, { key: viewer, params: { id: workflowId }, body: {} })).status).toBe(403);
  });
});
