import { describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/v1/workflows/[id]/export/route";
import * as publishRoute from "@/app/api/v1/workflows/[id]/publish/route";
import * as enableRoute from "@/app/api/v1/workflows/[id]/enable/route";
import * as pauseRoute from "@/app/api/v1/workflows/[id]/pause/route";
import * as rollbackRoute from "@/app/api/v1/workflows/[id]/rollback/route";
import * as workflowRoute from "@/app/api/v1/workflows/[id]/route";
import * as versionsRoute from "@/app/api/v1/workflows/[id]/versions/route";
import * as importRoute from "@/app/api/v1/workflows/import/route";
import * as workflowsRoute from "@/app/api/v1/workflows/route";
import { db } from "@/lib/db/client";
import { TRIGGER_ONLY_GRAPH, UNPUBLISHABLE_GRAPH, apiTestKeys, call } from "./client.test-helper";

const keys = apiTestKeys();
const MISSING = "00000000-0000-4000-8000-00000000dead";

async function createDraft(name = "Contacts to clients", graph: unknown = TRIGGER_ONLY_GRAPH) {
  const res = await call(workflowsRoute.POST, { key: keys.editor, path: "/workflows", body: { name, graph } });
  expect(res.status).toBe(201);
  return res.body as { id: string; status: string };
}

describe("/api/v1 workflows", () => {
  it("creates, reads, lists and patches a workflow", async () => {
    const created = await createDraft();
    expect(created).toMatchObject({ status: "draft", publishedVersion: null, lastRun: null });

    const got = await call(workflowRoute.GET, { key: keys.viewer, params: { id: created.id } });
    expect(got.status).toBe(200);
    expect(got.body.draftGraph.nodes).toHaveLength(1);

    const list = await call(workflowsRoute.GET, { key: keys.viewer });
    expect(list.body.data.map((w: { id: string }) => w.id)).toContain(created.id);

    const patched = await call(workflowRoute.PATCH, { key: keys.editor, method: "PATCH", params: { id: created.id }, body: { name: "Renamed", description: "Why it exists" } });
    expect(patched.body).toMatchObject({ name: "Renamed", description: "Why it exists" });

    const audit = await db().auditLog.findMany({ where: { target: created.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["workflow.create", "workflow.update"]);
    expect(audit[0]).toMatchObject({ actorType: "api_key" });
  });

  it("creates a workflow from a template, 422 for an unknown template", async () => {
    const fromTemplate = await call(workflowsRoute.POST, { key: keys.editor, body: { template: "contact-to-client", name: "From template" } });
    expect(fromTemplate.status).toBe(201);
    expect(fromTemplate.body.name).toBe("From template");
    expect(fromTemplate.body.draftGraph.nodes.length).toBeGreaterThan(1);
    const unknown = await call(workflowsRoute.POST, { key: keys.editor, body: { template: "nope" } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toContain("nope");
    const mixed = await call(workflowsRoute.POST, { key: keys.editor, body: { template: "contact-to-client", graph: TRIGGER_ONLY_GRAPH } });
    expect(mixed.body.error.details).toEqual([{ field: "graph", message: "Send either a template or a graph, not both" }]);
  });

  it("rejects bad input with field details", async () => {
    const noName = await call(workflowsRoute.POST, { key: keys.editor, body: { name: "" } });
    expect(noName.status).toBe(422);
    expect(noName.body.error).toMatchObject({ code: "validation_failed", details: [{ field: "name", message: "The name cannot be empty" }] });
    expect((await call(workflowsRoute.POST, { key: keys.editor, body: {} })).body.error.details[0].field).toBe("name");

    const badGraph = await call(workflowsRoute.POST, { key: keys.editor, body: { name: "x", graph: { schemaVersion: 1, nodes: [{ kind: "nope" }], edges: [] } } });
    expect(badGraph.status).toBe(422);
    expect(badGraph.body.error.code).toBe("graph_invalid");
    expect(badGraph.body.error.details[0].field).toMatch(/^graph\.nodes/);

    const emptyPatch = await call(workflowRoute.PATCH, { key: keys.editor, method: "PATCH", params: { id: MISSING }, body: {} });
    expect(emptyPatch.status).toBe(422);

    const notJson = await call(workflowsRoute.POST, { key: keys.editor, body: "{nope" });
    expect(notJson.status).toBe(400);
  });

  it("reads and changes the run concurrency limit, refusing values out of range", async () => {
    const created = await createDraft("Limited");
    expect(created).toMatchObject({ maxConcurrentRuns: 100 });
    const patched = await call(workflowRoute.PATCH, { key: keys.editor, method: "PATCH", params: { id: created.id }, body: { maxConcurrentRuns: 3 } });
    expect(patched.status).toBe(200);
    expect(patched.body.maxConcurrentRuns).toBe(3);
    expect((await db().workflow.findUniqueOrThrow({ where: { id: created.id } })).maxConcurrentRuns).toBe(3);
    const listed = await call(workflowsRoute.GET, { key: keys.viewer });
    expect(listed.body.data.find((w: { id: string }) => w.id === created.id)).toMatchObject({ maxConcurrentRuns: 3 });

    for (const [value, message] of [
      [0, "Max concurrent runs must be between 1 and 100"],
      [101, "Max concurrent runs must be between 1 and 100"],
      [2.5, "Max concurrent runs must be a whole number between 1 and 100"],
      ["5", "Max concurrent runs must be a number between 1 and 100"],
    ] as const) {
      const bad = await call(workflowRoute.PATCH, { key: keys.editor, method: "PATCH", params: { id: created.id }, body: { maxConcurrentRuns: value } });
      expect(bad.status).toBe(422);
      expect(bad.body.error.details).toEqual([{ field: "maxConcurrentRuns", message }]);
    }
    expect((await db().workflow.findUniqueOrThrow({ where: { id: created.id } })).maxConcurrentRuns).toBe(3);
    const viewerPatch = await call(workflowRoute.PATCH, { key: keys.viewer, method: "PATCH", params: { id: created.id }, body: { maxConcurrentRuns: 5 } });
    expect(viewerPatch.status).toBe(403);
  });

  it("answers 404 naming the id, for unknown and malformed ids", async () => {
    const missing = await call(workflowRoute.GET, { key: keys.viewer, params: { id: MISSING } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(`Workflow ${MISSING} does not exist`);
    expect((await call(publishRoute.POST, { key: keys.editor, params: { id: "not-a-uuid" }, body: {} })).status).toBe(404);
  });

  it("publishes (422 with every issue when invalid), lists versions and rolls back", async () => {
    const workflow = await createDraft("Publish me", UNPUBLISHABLE_GRAPH);
    const invalid = await call(publishRoute.POST, { key: keys.editor, params: { id: workflow.id }, body: {} });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe("workflow_invalid");
    expect(invalid.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ code: "unknown_operation", nodeId: "ghost" })]));

    await call(workflowRoute.PATCH, { key: keys.editor, method: "PATCH", params: { id: workflow.id }, body: { graph: TRIGGER_ONLY_GRAPH } });
    const v1 = await call(publishRoute.POST, { key: keys.editor, params: { id: workflow.id }, body: { note: "first" } });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ version: 1, live: true, triggerKey: "ghl.contact.created", note: "first" });

    const renamed = { ...TRIGGER_ONLY_GRAPH, nodes: [{ ...TRIGGER_ONLY_GRAPH.nodes[0], label: "Renamed trigger" }] };
    await call(workflowRoute.PATCH, { key: keys.editor, method: "PATCH", params: { id: workflow.id }, body: { graph: renamed } });
    expect((await call(publishRoute.POST, { key: keys.editor, params: { id: workflow.id }, body: {} })).body.version).toBe(2);

    const rolledBack = await call(rollbackRoute.POST, { key: keys.editor, params: { id: workflow.id }, body: { version: 1 } });
    expect(rolledBack.status).toBe(201);
    expect(rolledBack.body).toMatchObject({ version: 3, note: "Rollback to version 1" });

    const versions = await call(versionsRoute.GET, { key: keys.viewer, params: { id: workflow.id } });
    expect(versions.body.data.map((v: { version: number; live: boolean }) => [v.version, v.live])).toEqual([[3, true], [2, false], [1, false]]);

    const unknownVersion = await call(rollbackRoute.POST, { key: keys.editor, params: { id: workflow.id }, body: { version: 9 } });
    expect(unknownVersion.status).toBe(404);
    expect(unknownVersion.body.error.message).toContain("Version 9");
  });

  it("pauses and enables a published workflow; enabling a draft is a conflict", async () => {
    const workflow = await createDraft("Pausable");
    expect((await call(enableRoute.POST, { key: keys.editor, params: { id: workflow.id } })).status).toBe(409);
    await call(publishRoute.POST, { key: keys.editor, params: { id: workflow.id }, body: {} });
    const paused = await call(pauseRoute.POST, { key: keys.editor, params: { id: workflow.id }, body: { reason: "holiday" } });
    expect(paused.body).toMatchObject({ status: "paused", pausedReason: "holiday" });
    const enabled = await call(enableRoute.POST, { key: keys.editor, params: { id: workflow.id } });
    expect(enabled.body).toMatchObject({ status: "published", pausedReason: null });
  });

  it("exports and imports a workflow as a round trip", async () => {
    const original = await createDraft("Exported");
    const exported = await call(exportRoute.GET, { key: keys.viewer, params: { id: original.id } });
    expect(exported.body).toMatchObject({ format: "bloombridge.workflow", name: "Exported" });
    const imported = await call(importRoute.POST, { key: keys.editor, body: exported.body });
    expect(imported.status).toBe(201);
    expect(imported.body.id).not.toBe(original.id);
    expect(imported.body.draftGraph).toEqual(exported.body.graph);
    expect((await call(importRoute.POST, { key: keys.editor, body: { format: "other" } })).status).toBe(422);
  });

  it("deletes a workflow, then 404s", async () => {
    const workflow = await createDraft("Doomed");
    expect((await call(workflowRoute.DELETE, { key: keys.editor, method: "DELETE", params: { id: workflow.id } })).status).toBe(200);
    expect((await call(workflowRoute.GET, { key: keys.viewer, params: { id: workflow.id } })).status).toBe(404);
    expect(await db().auditLog.count({ where: { target: workflow.id, action: "workflow.delete" } })).toBe(1);
  });

  it("enforces roles and keys", async () => {
    const workflow = await createDraft("Guarded");
    const forbidden = await call(publishRoute.POST, { key: keys.viewer, params: { id: workflow.id }, body: {} });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe("forbidden");
    expect((await call(workflowsRoute.GET, { key: "bb_not-a-real-key" })).status).toBe(401);
  });
});
