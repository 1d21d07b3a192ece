/**
 * The executor on the real database and the GHL sandbox: checkpointing, dedupe, crash
 * recovery, retries, rate-limit waits, fatal errors, filters, loops and auto-pause.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createConnection, updateConnection } from "@/lib/db/connections";
import { putSetting } from "@/lib/db/settings";
import { lockSettingsForFile } from "@/lib/db/test-settings-lock";
import { createWorkflow, publishWorkflow } from "@/lib/db/workflows";
import { startGhlSandbox, type GhlSandboxHandle } from "@/sandbox/ghl/server";
import type { WorkflowGraph } from "../graph";
import { ingestEvent } from "../ingest";
import { stopQueue } from "../queue";
import { governorKey } from "../rate-governor";
import { executeRun } from "./execute";
import { countBulkReplay, replayRun } from "./replay";
import { resumeRunsForConnection } from "./lifecycle";
import { tokenManager } from "../token-manager";
import { routeEvent } from "./route-event";

let sandbox: GhlSandboxHandle;
let connectionId: string;
let locationId: string;
let contactId: string;

beforeAll(async () => {
  sandbox = await startGhlSandbox({ port: 0, statePath: null, webhookUrl: null });
  process.env.GHL_API_BASE_URL = sandbox.url;
  locationId = sandbox.sandbox.store.data.locations[0].id;
  contactId = sandbox.sandbox.store.contactsOf(locationId)[0].id;
  connectionId = (await createConnection({ provider: "ghl", kind: "pit", label: "exec", credentials: { accessToken: sandbox.sandbox.config.pit }, accountId: locationId })).id;
});

afterAll(async () => {
  await sandbox.close();
  await stopQueue();
  await disconnectDb();
});

const trigger = { id: "trigger", kind: "trigger" as const, label: "New contact", position: { x: 0, y: 0 }, triggerKey: "ghl.contact.created" };
const noteStep = (extra: Record<string, unknown> = {}) => ({
  id: "note",
  kind: "action" as const,
  label: "Welcome note",
  position: { x: 200, y: 0 },
  operationKey: "ghl.note.create",
  connectionId,
  inputs: {
    contactId: { kind: "ref" as const, node: "trigger", path: "id" },
    body: { kind: "template" as const, parts: ["Welcome ", { kind: "ref" as const, node: "trigger", path: "firstName" }] },
  },
  ...extra,
});

async function publish(graph: Omit<WorkflowGraph, "schemaVersion">) {
  const workflow = await createWorkflow({ name: `exec ${crypto.randomUUID().slice(0, 6)}`, graph: { schemaVersion: 1, ...graph } });
  await publishWorkflow(workflow.id);
  return workflow.id;
}

async function fire(workflowId: string, payload: Record<string, unknown>) {
  const { eventId, runIds } = await ingestEvent({
    source: "ghl",
    delivery: "manual",
    dedupeKey: crypto.randomUUID(),
    eventType: "ghl.contact.created",
    accountId: locationId,
    payload: { type: "ContactCreate", locationId, ...payload, _bloombridge: { workflowId } },
  });
  expect(runIds).toHaveLength(1);
  return { eventId, runId: runIds[0] };
}

const notesOf = (id: string) => Object.values(sandbox.sandbox.store.data.notes).filter((n) => n.contactId === id);
const run = (id: string) => db().run.findUniqueOrThrow({ where: { id }, include: { steps: true } });

describe("executor", () => {
  it("runs a workflow, checkpoints each step, and never runs an event twice", async () => {
    const workflowId = await publish({ nodes: [trigger, noteStep()], edges: [{ id: "e1", source: "trigger", target: "note" }] });
    const before = notesOf(contactId).length;
    const { eventId, runId } = await fire(workflowId, { id: contactId, firstName: "Rose" });
    expect(await executeRun(runId)).toEqual({ kind: "done" });
    const done = await run(runId);
    expect(done.status).toBe("succeeded");
    const step = done.steps.find((s) => s.nodeId === "note");
    expect(step).toMatchObject({ status: "succeeded", attempt: 1, input: { contactId, body: "Welcome Rose" } });
    expect((step?.calls as { method: string; status: number }[])[0]).toMatchObject({ method: "POST", status: 201 });
    expect(notesOf(contactId).length).toBe(before + 1);

    expect(await routeEvent(eventId)).toEqual([]);
    expect(await executeRun(runId)).toBeNull();
    expect(await db().run.count({ where: { eventId } })).toBe(1);
  });

  it("resumes a run whose worker died, reusing finished steps", async () => {
    const second = { ...noteStep(), id: "note2", label: "Second note", position: { x: 400, y: 0 } };
    const workflowId = await publish({ nodes: [trigger, noteStep(), second], edges: [{ id: "e1", source: "trigger", target: "note" }, { id: "e2", source: "note", target: "note2" }] });
    const { runId } = await fire(workflowId, { id: contactId, firstName: "Martha" });
    // A worker that finished "note" and was killed: its step is saved, its lease has expired.
    await db().stepRun.create({ data: { runId, nodeId: "note", stepKey: "note", status: "succeeded", output: { note: { id: "from-the-dead-worker" } } } });
    await db().run.update({ where: { id: runId }, data: { status: "running", leaseUntil: new Date(Date.now() - 1000) } });
    const before = notesOf(contactId).length;
    expect(await executeRun(runId)).toEqual({ kind: "done" });
    expect(notesOf(contactId).length).toBe(before + 1);
    const steps = (await run(runId)).steps;
    expect(steps.find((s) => s.nodeId === "note")?.output).toEqual({ note: { id: "from-the-dead-worker" } });
  });

  it("waits out a 429 without counting an attempt, and retries 5xx with backoff", async () => {
    const workflowId = await publish({ nodes: [trigger, noteStep()], edges: [{ id: "e1", source: "trigger", target: "note" }] });
    const { runId } = await fire(workflowId, { id: contactId, firstName: "Donna" });

    sandbox.setFaults({ rateLimitStorm: 60_000 });
    expect(await executeRun(runId)).toEqual({ kind: "parked" });
    let parked = await run(runId);
    expect(parked).toMatchObject({ status: "waiting", waitingFor: "rate_limit", attempts: 0 });
    expect(parked.steps[0]).toMatchObject({ status: "waiting", attempt: 1 });

    sandbox.clearFaults();
    // The 429 blocked this location's bucket for every worker; the test need not sit it out.
    await db().rateLimitBucket.deleteMany({ where: { key: governorKey("ghl", locationId) } });
    sandbox.setFaults({ failRate: 1 });
    await db().run.update({ where: { id: runId }, data: { waitUntil: new Date() } });
    expect(await executeRun(runId)).toEqual({ kind: "parked" });
    parked = await run(runId);
    expect(parked).toMatchObject({ status: "waiting", waitingFor: "retry:note", attempts: 1 });
    expect(parked.steps[0]).toMatchObject({ status: "retrying", attempt: 1 });
    expect(parked.waitUntil!.getTime()).toBeGreaterThan(Date.now());

    sandbox.clearFaults();
    await db().run.update({ where: { id: runId }, data: { waitUntil: new Date() } });
    expect(await executeRun(runId)).toEqual({ kind: "done" });
    expect((await run(runId)).steps[0]).toMatchObject({ status: "succeeded", attempt: 2 });
  });

  it("fails on a fatal API error with the API's message, and auto-pauses after the configured number of failures", async () => {
    const AUTO_PAUSE_AFTER = 3;
    const unlockSettings = await lockSettingsForFile();
    await putSetting("runs", { autoPauseAfter: AUTO_PAUSE_AFTER });
    const workflowId = await publish({ nodes: [trigger, noteStep()], edges: [{ id: "e1", source: "trigger", target: "note" }] });
    for (let i = 0; i < AUTO_PAUSE_AFTER; i++) {
      const { runId } = await fire(workflowId, { id: "no-such-contact", firstName: "Nobody" });
      const outcome = await executeRun(runId);
      expect(outcome?.kind).toBe("failed");
      const failed = await run(runId);
      expect(failed.status).toBe("failed");
      expect((failed.error as { message: string; nodeId: string }).nodeId).toBe("note");
      expect((failed.error as { message: string }).message).toMatch(/404|not found/i);
    }
    const workflow = await db().workflow.findUniqueOrThrow({ where: { id: workflowId } });
    expect(workflow.enabled).toBe(false);
    expect(workflow.pausedReason).toMatch(new RegExp(`after ${AUTO_PAUSE_AFTER} failed runs`));
    await putSetting("runs", {});
    await unlockSettings();
  });

  it("stops at a failing filter and loops over a list", async () => {
    const filter = { id: "only", kind: "filter" as const, label: "Only tagged", position: { x: 100, y: 0 }, condition: { all: [{ left: { kind: "ref" as const, node: "trigger", path: "tags" }, op: "contains" as const, right: { kind: "literal" as const, value: "vip" } }] } };
    const loop = { id: "each", kind: "loop" as const, label: "Each tag", position: { x: 200, y: 0 }, items: { kind: "ref" as const, node: "trigger", path: "tags" } };
    const perTag = { ...noteStep(), id: "tagnote", inputs: { contactId: { kind: "ref" as const, node: "trigger", path: "id" }, body: { kind: "ref" as const, node: "each", path: "item" } } };
    const workflowId = await publish({
      nodes: [trigger, filter, loop, perTag],
      edges: [
        { id: "e1", source: "trigger", target: "only" },
        { id: "e2", source: "only", target: "each" },
        { id: "e3", source: "each", sourceHandle: "each", target: "tagnote" },
      ],
    });
    const skipped = await fire(workflowId, { id: contactId, tags: ["regular"] });
    expect(await executeRun(skipped.runId)).toEqual({ kind: "stopped" });
    const stopped = await run(skipped.runId);
    expect(stopped.status).toBe("filtered");
    expect(stopped.steps.map((s) => [s.nodeId, s.output])).toEqual([["only", { passed: false }]]);

    const looped = await fire(workflowId, { id: contactId, tags: ["vip", "wedding", "june"] });
    expect(await executeRun(looped.runId)).toEqual({ kind: "done" });
    expect((await run(looped.runId)).status).toBe("succeeded");
    const keys = (await run(looped.runId)).steps.map((s) => s.stepKey).sort();
    expect(keys).toEqual(["each", "only", "tagnote#0", "tagnote#1", "tagnote#2"]);
  });

  it("marks a failed run resolved once a replay of it (or of its replay) succeeds, and bulk replay leaves it out", async () => {
    const workflowId = await publish({ nodes: [trigger, noteStep()], edges: [{ id: "e1", source: "trigger", target: "note" }] });
    const { runId } = await fire(workflowId, { id: contactId, firstName: "Martha" });
    // How these runs failed does not matter here, only that they ended failed.
    const failOnce = (id: string) => db().run.update({ where: { id }, data: { status: "failed", finishedAt: new Date() } });
    await failOnce(runId);
    // A replay that fails too, then a replay of that replay that succeeds: both failures are fixed.
    const firstReplay = await replayRun(runId, "from_start");
    await failOnce(firstReplay);
    const secondReplay = await replayRun(firstReplay, "from_start");
    expect(await executeRun(secondReplay)).toEqual({ kind: "done" });
    expect((await run(runId)).resolvedById).toBe(secondReplay);
    expect((await run(firstReplay)).resolvedById).toBe(secondReplay);
    expect((await run(secondReplay)).resolvedById).toBeNull();
    expect(await countBulkReplay({ workflowId, status: "failed" }, "from_failed_step")).toBe(0);
    expect(await countBulkReplay({ workflowId, status: "failed" }, "from_failed_step", { includeResolved: true })).toBe(2);
  });

  it("parks runs on a revoked connection and resumes them after it is reconnected", async () => {
    const revoked = await createConnection({ provider: "ghl", kind: "pit", label: "revoked", credentials: { accessToken: "pit-revoked" }, accountId: locationId });
    const workflowId = await publish({ nodes: [trigger, noteStep({ connectionId: revoked.id })], edges: [{ id: "e1", source: "trigger", target: "note" }] });
    const { runId } = await fire(workflowId, { id: contactId, firstName: "Amy" });
    expect(await executeRun(runId)).toEqual({ kind: "parked" });
    expect(await run(runId)).toMatchObject({ status: "waiting", waitingFor: `reconnect:${revoked.id}`, attempts: 0 });
    expect((await db().connection.findUniqueOrThrow({ where: { id: revoked.id } })).status).toBe("needs_reconnect");

    await updateConnection(revoked.id, { credentials: { accessToken: sandbox.sandbox.config.pit }, status: "active", lastError: null });
    tokenManager().forget(revoked.id);
    expect(await resumeRunsForConnection(revoked.id)).toBe(1);
    expect(await executeRun(runId)).toEqual({ kind: "done" });
  });

  it("refuses to publish an invalid workflow and names the problem", async () => {
    const workflow = await createWorkflow({ name: "broken", graph: { schemaVersion: 1, nodes: [trigger, { ...noteStep(), inputs: {} }], edges: [{ id: "e1", source: "trigger", target: "note" }] } });
    await expect(publishWorkflow(workflow.id)).rejects.toThrow(/contactId|required/i);
  });
});
