import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cancelRoute from "@/app/api/v1/backfills/[id]/cancel/route";
import * as pauseRoute from "@/app/api/v1/backfills/[id]/pause/route";
import * as resumeRoute from "@/app/api/v1/backfills/[id]/resume/route";
import * as backfillRoute from "@/app/api/v1/backfills/[id]/route";
import * as backfillsRoute from "@/app/api/v1/backfills/route";
import { db, disconnectDb } from "@/lib/db/client";
import { createConnection } from "@/lib/db/connections";
import { createWorkflow, publishWorkflow } from "@/lib/db/workflows";
import { startQueue, stopQueue } from "@/lib/engine/queue";
import { TRIGGER_ONLY_GRAPH, apiKeyFor, call } from "./client.test-helper";

let editor: string;
let viewer: string;
let workflowId: string;
let connectionId: string;

beforeAll(async () => {
  // Web role: jobs are queued, no worker takes them, so states change only through the API.
  await startQueue({ role: "web" });
  editor = await apiKeyFor("editor");
  viewer = await apiKeyFor("viewer");
  connectionId = (await createConnection({ provider: "ghl", kind: "pit", label: "GHL api test", credentials: { accessToken: "pit-x" }, accountId: `loc-${randomUUID().slice(0, 6)}` })).id;
  const workflow = await createWorkflow({ name: `Backfill API ${randomUUID().slice(0, 6)}`, graph: TRIGGER_ONLY_GRAPH });
  await publishWorkflow(workflow.id);
  workflowId = workflow.id;
});
afterAll(async () => {
  await stopQueue();
  await disconnectDb();
});

describe("/api/v1 backfills", () => {
  it("starts, reports, pauses, resumes and cancels, with roles enforced", async () => {
    const body = { workflowId, connectionId, scope: { since: "2026-01-01", includeAppointments: true } };
    expect((await call(backfillsRoute.POST, { key: viewer, body })).status).toBe(403);
    const started = await call(backfillsRoute.POST, { key: editor, body });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ workflowId, connectionId, status: "running", done: 0, total: null, runs: { succeeded: 0 } });
    expect(started.body.scope).toMatchObject({ since: "2026-01-01", includeTasks: true, includeNotes: true, includeAppointments: true, pageSize: 100 });
    const id = started.body.id as string;

    const again = await call(backfillsRoute.POST, { key: editor, body });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/still running/);

    const list = await call(backfillsRoute.GET, { key: viewer });
    expect(list.body.data.map((b: { id: string }) => b.id)).toContain(id);
    expect((await call(backfillRoute.GET, { key: viewer, params: { id } })).body.status).toBe("running");

    expect((await call(pauseRoute.POST, { key: viewer, params: { id } })).status).toBe(403);
    expect((await call(pauseRoute.POST, { key: editor, params: { id } })).body.status).toBe("paused");
    const pausedTwice = await call(pauseRoute.POST, { key: editor, params: { id } });
    expect(pausedTwice.status).toBe(409);
    expect(pausedTwice.body.error.message).toMatch(/only a running backfill can be paused/);
    expect((await call(resumeRoute.POST, { key: editor, params: { id } })).body.status).toBe("running");
    expect((await call(cancelRoute.POST, { key: editor, params: { id } })).body.status).toBe("cancelled");
    expect((await call(resumeRoute.POST, { key: editor, params: { id } })).status).toBe(409);

    const audit = await db().auditLog.findMany({ where: { target: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["backfill.start", "backfill.pause", "backfill.resume", "backfill.cancel"]);
  });

  it("explains bad requests", async () => {
    const badScope = await call(backfillsRoute.POST, { key: editor, body: { workflowId, scope: { limit: 0, colour: "red" } } });
    expect(badScope.status).toBe(422);
    const unknown = await call(backfillsRoute.POST, { key: editor, body: { workflowId: randomUUID(), scope: {} } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/does not exist/);
    const draft = await createWorkflow({ name: `Draft ${randomUUID().slice(0, 6)}`, graph: TRIGGER_ONLY_GRAPH });
    const unpublished = await call(backfillsRoute.POST, { key: editor, body: { workflowId: draft.id } });
    expect(unpublished.status).toBe(409);
    expect(unpublished.body.error.message).toMatch(/no published version/);
    expect((await call(backfillRoute.GET, { key: viewer, params: { id: "nope" } })).status).toBe(404);
    expect((await call(backfillRoute.GET, { key: viewer, params: { id: randomUUID() } })).status).toBe(404);
  });
});
