import { describe, expect, it, vi } from "vitest";
import * as pauseRoute from "@/app/api/v1/workflows/[id]/pause/route";
import * as publishRoute from "@/app/api/v1/workflows/[id]/publish/route";
import * as workflowRoute from "@/app/api/v1/workflows/[id]/route";
import * as importRoute from "@/app/api/v1/workflows/import/route";
import * as workflowsRoute from "@/app/api/v1/workflows/route";
import * as runsRoute from "@/app/api/v1/runs/route";
import * as cancelRoute from "@/app/api/v1/runs/[id]/cancel/route";
import * as replayRoute from "@/app/api/v1/runs/[id]/replay/route";
import * as bulkReplayRoute from "@/app/api/v1/runs/replay/route";
import * as manualRunRoute from "@/app/api/v1/workflows/[id]/runs/route";
import * as backfillsRoute from "@/app/api/v1/backfills/route";
import { db } from "@/lib/db/client";
import { createConnection } from "@/lib/db/connections";
import { startQueue } from "@/lib/engine/queue";
import { TRIGGER_ONLY_GRAPH, apiTestKeys, call } from "./client.test-helper";

// Lets one test make the audit write fail, to prove the change it belongs to is rolled back.
const auditFault = vi.hoisted(() => ({ on: false }));
vi.mock("@/lib/db/audit", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/db/audit")>();
  return {
    ...real,
    recordAudit: (...args: Parameters<typeof real.recordAudit>) => (auditFault.on ? Promise.reject(new Error("audit store is down")) : real.recordAudit(...args)),
  };
});

const keys = apiTestKeys();

/** A published, enabled workflow. */
async function published(name: string) {
  const created = await call(workflowsRoute.POST, { key: keys.editor, body: { name, graph: TRIGGER_ONLY_GRAPH } });
  expect((await call(publishRoute.POST, { key: keys.editor, params: { id: created.body.id }, body: {} })).status).toBe(201);
  return created.body.id as string;
}

const withLiteral = (value: unknown) => ({
  schemaVersion: 1,
  nodes: [
    ...TRIGGER_ONLY_GRAPH.nodes,
    { id: "tag", label: "Tag", position: { x: 200, y: 0 }, kind: "action", operationKey: "ghl.contact.tags.add", inputs: { tags: { kind: "literal", value } } },
  ],
  edges: [{ id: "e1", source: "trigger", target: "tag" }],
});

describe("/api/v1 refuses text PostgreSQL cannot store, naming the field (422, not 500)", () => {
  it.each([
    ["a NUL in the name", { name: "Nul\u0000Byte" }, "name", /NUL character/],
    ["a lone surrogate in the description", { name: "ok", description: "half \ud800" }, "description", /unpaired UTF-16 surrogate/],
    ["a NUL inside a graph literal", { name: "ok", graph: withLiteral(["a\u0000b"]) }, "graph.nodes.1.inputs.tags.value.0", /NUL/],
    ["a lone surrogate in a graph key", { name: "ok", graph: withLiteral({ ["k\udc00"]: 1 }) }, "graph.nodes.1.inputs.tags.value.k\uFFFD", /The key contains an unpaired/],
  ])("POST /workflows with %s", async (_, body, field, message) => {
    const before = await db().workflow.count();
    const res = await call(workflowsRoute.POST, { key: keys.editor, body });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: "validation_failed", details: [{ field, message: expect.stringMatching(message) }] });
    expect(await db().workflow.count()).toBe(before);
  });

  it("refuses a body nested deeper than 512 levels (a 10k-deep literal) with 422", async () => {
    const raw = JSON.stringify({ name: "deep", graph: withLiteral("PLACEHOLDER") }).replace('"PLACEHOLDER"', `${"[".repeat(10_000)}1${"]".repeat(10_000)}`);
    const res = await call(workflowsRoute.POST, { key: keys.editor, body: raw });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0]).toMatchObject({ field: expect.stringMatching(/^graph\.nodes\.1\.inputs\.tags\.value\.0\.0/), message: expect.stringContaining("deeper than 512") });
  });

  it("refuses a NUL in a query string: GET /runs?contact=%00 is 422", async () => {
    const res = await call(runsRoute.GET, { key: keys.viewer, query: { contact: "\u0000" } });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ field: "contact", message: expect.stringContaining("NUL") }]);
  });

  it("pause with a lone-surrogate reason changes nothing and leaves no audit row", async () => {
    const id = await published("Pause me");
    const res = await call(pauseRoute.POST, { key: keys.editor, params: { id }, body: '{"reason":"\\ud800"}' });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ field: "reason", message: expect.stringContaining("surrogate") }]);
    expect(await db().workflow.findUniqueOrThrow({ where: { id } })).toMatchObject({ enabled: true, pausedReason: null });
    expect(await db().auditLog.count({ where: { target: id, action: "workflow.pause" } })).toBe(0);
  });
});

describe("/api/v1 writes a change and its audit row in one transaction", () => {
  it.each([
    ["pause", async (id: string) => call(pauseRoute.POST, { key: keys.editor, params: { id }, body: { reason: "holiday" } })],
    ["rename", async (id: string) => call(workflowRoute.PATCH, { key: keys.editor, method: "PATCH", params: { id }, body: { name: "Renamed", graph: TRIGGER_ONLY_GRAPH } })],
    ["delete", async (id: string) => call(workflowRoute.DELETE, { key: keys.editor, method: "DELETE", params: { id } })],
  ])("%s: when the audit row cannot be written, the change is rolled back", async (_, act) => {
    const id = await published("Atomic");
    const before = await db().workflow.findUniqueOrThrow({ where: { id } });
    auditFault.on = true;
    try {
      expect((await act(id)).status).toBe(500);
    } finally {
      auditFault.on = false;
    }
    expect(await db().workflow.findUniqueOrThrow({ where: { id } })).toMatchObject({ enabled: true, pausedReason: null, name: before.name, draftUpdatedAt: before.draftUpdatedAt });
  });

  it("create and import: no workflow without its audit row", async () => {
    const before = await db().workflow.count();
    auditFault.on = true;
    try {
      expect((await call(workflowsRoute.POST, { key: keys.editor, body: { name: "Orphan" } })).status).toBe(500);
      expect((await call(importRoute.POST, { key: keys.editor, body: { format: "bloombridge.workflow", schemaVersion: 1, name: "Orphan", graph: TRIGGER_ONLY_GRAPH } })).status).toBe(500);
    } finally {
      auditFault.on = false;
    }
    expect(await db().workflow.count()).toBe(before);
  });

  it("manual run, cancel, replay and bulk replay: no run or change without its audit row", async () => {
    const workflowId = await published("Runs atomic");
    const withFault = async <T>(act: () => Promise<T>) => {
      auditFault.on = true;
      try {
        return await act();
      } finally {
        auditFault.on = false;
      }
    };
    expect((await withFault(() => call(manualRunRoute.POST, { key: keys.editor, params: { id: workflowId }, body: {} }))).status).toBe(500);
    expect(await db().run.count({ where: { workflowId } })).toBe(0);
    expect(await db().triggerEvent.count({ where: { dedupeKey: { startsWith: `manual:${workflowId}:` } } })).toBe(0);

    const started = await call(manualRunRoute.POST, { key: keys.editor, params: { id: workflowId }, body: {} });
    expect(started.status).toBe(202);
    const runId = started.body.runId as string;
    expect((await withFault(() => call(cancelRoute.POST, { key: keys.editor, params: { id: runId } }))).status).toBe(500);
    expect((await db().run.findUniqueOrThrow({ where: { id: runId } })).status).toBe("queued");

    await db().run.update({ where: { id: runId }, data: { status: "failed", finishedAt: new Date() } });
    expect((await withFault(() => call(replayRoute.POST, { key: keys.editor, params: { id: runId }, body: { mode: "from_start" } }))).status).toBe(500);
    expect((await withFault(() => call(bulkReplayRoute.POST, { key: keys.editor, body: { filter: { workflowId }, mode: "from_start" } }))).status).toBe(500);
    expect(await db().run.count({ where: { replayOfId: runId } })).toBe(0);
  });

  it("backfill start: no backfill (and no job) without its audit row", async () => {
    // Web role: the job is queued but no worker takes it.
    await startQueue({ role: "web" });
    const workflowId = await published("Backfill atomic");
    const connection = await createConnection({ provider: "ghl", kind: "pit", label: "GHL atomic", credentials: { accessToken: "pit-x" }, accountId: `loc-${workflowId.slice(0, 6)}` });
    auditFault.on = true;
    try {
      expect((await call(backfillsRoute.POST, { key: keys.editor, body: { workflowId, connectionId: connection.id } })).status).toBe(500);
    } finally {
      auditFault.on = false;
    }
    expect(await db().backfill.count({ where: { workflowId } })).toBe(0);
  });
});

describe("/api/v1 body limits", () => {
  const post = (body: BodyInit, headers: Record<string, string>) =>
    workflowsRoute.POST(new Request("http://localhost/api/v1/workflows", { method: "POST", headers: { authorization: `Bearer ${keys.editor}`, ...headers }, body }), { params: Promise.resolve({}) });

  it("refuses a body over 1 MB with 413 and a clear message", async () => {
    const res = await post(JSON.stringify({ name: "big", description: "x".repeat(1024 * 1024) }), { "content-type": "application/json" });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: "payload_too_large", message: expect.stringContaining("BLOOMBRIDGE_MAX_API_BODY_BYTES") });
  });

  it.each([
    ["text/plain", { "content-type": "text/plain" }],
    ["form data", { "content-type": "application/x-www-form-urlencoded" }],
    ["no content type", {}],
  ])("refuses JSON sent as %s with 415", async (_, headers) => {
    const res = await post(JSON.stringify({ name: "typed" }), headers);
    expect(res.status).toBe(415);
    expect((await res.json()).error).toMatchObject({ code: "unsupported_media_type", message: expect.stringContaining("Content-Type: application/json") });
  });

  it("applies create's name and description limits to import", async () => {
    const file = { format: "bloombridge.workflow", schemaVersion: 1, graph: TRIGGER_ONLY_GRAPH };
    const longName = await call(importRoute.POST, { key: keys.editor, body: { ...file, name: "n".repeat(100_000) } });
    expect(longName.status).toBe(422);
    expect(longName.body.error.details).toEqual([{ field: "name", message: "The name can be at most 200 characters" }]);
    const longDescription = await call(importRoute.POST, { key: keys.editor, body: { ...file, name: "ok", description: "d".repeat(2001) } });
    expect(longDescription.body.error.details).toEqual([{ field: "description", message: "The description can be at most 2000 characters" }]);
    const blank = await call(importRoute.POST, { key: keys.editor, body: { ...file, name: "   " } });
    expect(blank.body.error.details).toEqual([{ field: "name", message: "The name cannot be empty" }]);
  });
});
